import { describe, expect, it } from 'vitest';
import { en } from './i18n/en';
import { ptBR } from './i18n/pt-BR';
import { ALL_ENTRIES, NAVIGATION, isGroup } from './navigation';

describe('navigation', () => {
  it('matches the product menus', () => {
    expect(
      NAVIGATION.map((e) => (isGroup(e) ? `${e.key}[${e.children.map((c) => c.key).join(',')}]` : e.key)),
    ).toEqual([
      'dashboard',
      'setup',
      'settings',
      'register[email,schedule,billing,paymentPlan,carrier]',
      'monitor[logs,pending]',
      'database',
    ]);
  });

  it('has a label in both languages for every entry, and unique paths', () => {
    const keys = NAVIGATION.flatMap((e) => (isGroup(e) ? [e.key, ...e.children.map((c) => c.key)] : [e.key]));
    for (const key of keys) {
      expect(ptBR.nav[key as keyof typeof ptBR.nav]).toBeTruthy();
      expect(en.nav[key as keyof typeof en.nav]).toBeTruthy();
    }
    expect(new Set(ALL_ENTRIES.map((e) => e.path)).size).toBe(ALL_ENTRIES.length);
  });
});
