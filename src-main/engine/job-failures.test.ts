import { describe, expect, it } from 'vitest';
import { Branch, defaultSettings, type Settings } from '../contract';
import { JobFailures } from './job-failures';

const settingsWith = (codes: string[]): Settings => ({
  ...defaultSettings(),
  // The code as the failure map sees it (the settings' own rule for codes is not what is tested here).
  branches: codes.map((code) => ({
    ...Branch.parse({ code: '1', name: code, store: { url: 'https://loja.example.com.br', token: 't' } }),
    code,
  })),
});

describe('JobFailures', () => {
  it('forgets the failures of removed branches by their branch and job, whatever characters the code holds', () => {
    const failures = new JobFailures();
    failures.set('A|B', 'stock', 'ORA-12541');
    failures.set('1', 'stock', 'ORA-12541');
    expect(failures.size()).toBe(2);
    // Branch "A|B" removed, branch 1 kept with its default schedules (stock enabled).
    failures.forgetRemovedWork(settingsWith(['1']));
    expect(failures.messages()).toEqual(['Estoque (filial 1): ORA-12541']);
    expect(Object.keys(failures.messageRefs())).toEqual(['Estoque (filial 1): ORA-12541']);
  });

  it('keeps a failure of a branch whose code holds "|" while it stays scheduled', () => {
    const failures = new JobFailures();
    failures.set('A|B', 'stock', 'ORA-12541');
    failures.forgetRemovedWork(settingsWith(['A|B']));
    expect(failures.size()).toBe(1);
    failures.drop('A|B', 'stock');
    expect(failures.size()).toBe(0);
  });
});
