import { describe, expect, it } from 'vitest';
import { Branch, type Settings } from '../../contract';
import { readStoreCodes, standbyNote } from './store-codes';
import type { StoreCodeSampler } from './store-code-sampler';

const settings = {
  branches: [
    Branch.parse({ code: '1', name: 'Matriz', store: { url: 'https://loja.example.com.br', token: 't' } }),
  ],
} as unknown as Settings;

/** A sampler that counts the store reads it was asked for (each would be a store call). */
const countingSampler = () => {
  const asked: string[] = [];
  const sampler = {
    sample: async (branch: Branch) => {
      asked.push(branch.code);
      return { readAt: new Date(0), orders: 1, records: { billing: [], plans: [], carriers: [] } };
    },
  } as unknown as StoreCodeSampler;
  return { sampler, asked };
};

describe('store codes of an engine in standby (issue #12)', () => {
  it('take no store sample while another engine holds the database, and say why; held, they sample', async () => {
    const { sampler, asked } = countingSampler();
    const waiting = { standing: () => ({ kind: 'waiting' }) };
    const result = await readStoreCodes(
      { settings: () => settings, sampler, storeReadsOff: () => standbyNote(waiting) },
      { branch: '1', kind: 'billing' },
    );
    expect(asked).toEqual([]);
    expect(result).toMatchObject({ source: 'none', codes: [] });
    expect(result.problem).toMatch(/^Em espera: este integrador não lê a loja/);
    expect(result.problemRef).toEqual({ key: 'mappings.storeReadsOff_waiting' });

    const held = { standing: () => ({ kind: 'held' }) };
    const read = await readStoreCodes(
      { settings: () => settings, sampler, storeReadsOff: () => standbyNote(held) },
      { branch: '1', kind: 'billing' },
    );
    expect(asked).toEqual(['1']);
    expect(read).toMatchObject({ source: 'store', problem: null });
    expect(standbyNote(null)).toBeNull();
  });

  it('word the note by standing: "Assumir" only while waiting for another engine', () => {
    const note = (kind: string) => standbyNote({ standing: () => ({ kind }) })?.note;
    expect(note('waiting')).toMatch(/outro está ativo.*Assumir/);
    for (const kind of ['pending', 'unknown', 'stale']) {
      expect(note(kind)).toMatch(/^Em espera: /);
      expect(note(kind)).not.toMatch(/outro está ativo|Assumir/);
    }
    expect(note('stale')).toMatch(/perdeu contato com o banco/);
    expect(note('pending')).toMatch(/ainda verifica se é o ativo/);
    expect(standbyNote({ standing: () => ({ kind: 'stale' }) })?.ref).toEqual({
      key: 'mappings.storeReadsOff_stale',
    });
  });
});
