import { describe, expect, it } from 'vitest';
import { Branch, defaultSettings } from '.';
import { oraclePasswordTarget, secretTargets, smtpPasswordTarget, storeTokenTarget } from './secret-targets';

describe('a secret target', () => {
  it('of a store token is the API root: every way of typing the same store is one target', () => {
    const saved = storeTokenTarget('https://www.minhaloja.com.br');
    for (const typed of [
      'www.minhaloja.com.br',
      ' https://WWW.minhaloja.com.br/ ',
      'https://www.minhaloja.com.br/manager/pedidos',
      'https://www.minhaloja.com.br/api/v1/products/12',
    ])
      expect(storeTokenTarget(typed)).toBe(saved);
    for (const other of [
      'https://outra.com.br',
      'https://www.minhaloja.com.br/outra',
      'https://www.minhaloja.com.br:8443',
    ])
      expect(storeTokenTarget(other)).not.toBe(saved);
  });

  it('of a store token that does not normalise is the text itself, never equal to a valid store', () => {
    expect(storeTokenTarget(' http://loja.com.br ')).toBe('http://loja.com.br');
    expect(storeTokenTarget('')).toBe('');
    expect(storeTokenTarget('http://loja.com.br')).not.toBe(storeTokenTarget('https://loja.com.br'));
  });

  it('of the Oracle password is the connect string and the user (any case), not the Instant Client folder', () => {
    const saved = oraclePasswordTarget({ connectString: 'srv:1521/WINT', user: 'WINTHOR' });
    expect(oraclePasswordTarget({ connectString: ' srv:1521/WINT ', user: 'winthor ' })).toBe(saved);
    expect(oraclePasswordTarget({ connectString: 'srv:1521/OUTRO', user: 'WINTHOR' })).not.toBe(saved);
    expect(oraclePasswordTarget({ connectString: 'srv:1521/WINT', user: 'OUTRO' })).not.toBe(saved);
  });

  it('of an e-mail password is the SMTP host (any case) and the user (exact)', () => {
    const saved = smtpPasswordTarget({ host: 'smtp.empresa.com.br', user: 'loja@empresa.com.br' });
    expect(smtpPasswordTarget({ host: 'SMTP.empresa.com.br ', user: 'loja@empresa.com.br' })).toBe(saved);
    expect(smtpPasswordTarget({ host: 'smtp.outra.com.br', user: 'loja@empresa.com.br' })).not.toBe(saved);
    expect(smtpPasswordTarget({ host: 'smtp.empresa.com.br', user: 'Loja@empresa.com.br' })).not.toBe(saved);
  });

  it('is listed for every secret that is sent somewhere, by its settings path; the login password has none', () => {
    const settings = defaultSettings();
    settings.database.oracle = { ...settings.database.oracle, connectString: 'srv/WINT', user: 'u' };
    settings.branches = [
      Branch.parse({
        code: '7',
        store: { url: 'https://loja.com.br', token: 't' },
        email: { host: 'smtp.loja.com.br', user: 'eu' },
      }),
    ];
    expect(Object.fromEntries(secretTargets(settings))).toEqual({
      'database.oracle.password': 'srv/WINT\nU',
      'branches.7.store.token': 'https://loja.com.br/api/v1/',
      'branches.7.email.password': 'smtp.loja.com.br\neu',
    });
  });
});
