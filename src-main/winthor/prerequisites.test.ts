import { describe, expect, it } from 'vitest';
import type { Db, Row } from './db/db';
import { oracleDialect } from './db/dialect';
import { checkCreatePrivileges } from './prerequisites';

/** Just what the privilege check asks an Oracle database. */
const fakeOracle = (options: { user: string; schema: string; privileges: string[] }): Db => {
  const rowsFor = (sql: string): Row[] => {
    if (sql.includes('FROM SESSION_PRIVS')) return options.privileges.map((p) => ({ PRIVILEGE: p }));
    if (sql.includes('FROM DUAL')) return [{ SESSION_USER_NAME: options.user, SCHEMA_NAME: options.schema }];
    throw new Error(`unexpected SQL: ${sql}`);
  };
  return {
    kind: 'oracle',
    dialect: oracleDialect,
    query: async <T extends Row>(sql: string) => rowsFor(sql) as T[],
    queryOne: async <T extends Row>(sql: string) => rowsFor(sql)[0] as T | undefined,
  } as unknown as Db;
};

const OWN_SCHEMA = ['CREATE SESSION', 'CREATE TABLE', 'CREATE SEQUENCE', 'CREATE TRIGGER'];
const ANY = ['CREATE ANY TABLE', 'CREATE ANY SEQUENCE', 'CREATE ANY INDEX', 'CREATE ANY TRIGGER'];

describe('prerequisites: privileges to create the WTC_ objects', () => {
  it('accepts CREATE TABLE/SEQUENCE/TRIGGER when the objects go in the user’s own schema', async () => {
    const check = await checkCreatePrivileges(
      fakeOracle({ user: 'INTEGRA', schema: 'INTEGRA', privileges: OWN_SCHEMA }),
    );
    expect(check).toMatchObject({ id: 'grants.create', status: 'ok' });
  });

  it('asks for the ANY privileges when another schema owner is configured (CURRENT_SCHEMA)', async () => {
    const check = await checkCreatePrivileges(
      fakeOracle({ user: 'INTEGRA', schema: 'WINTHOR', privileges: OWN_SCHEMA }),
    );
    expect(check.status).toBe('warning');
    expect(check.detail).toBe(
      'O esquema configurado (WINTHOR) não é o do usuário INTEGRA: criar os objetos WTC_ nele exige CREATE ANY TABLE, CREATE ANY SEQUENCE, CREATE ANY INDEX, CREATE ANY TRIGGER. Faltam: CREATE ANY TABLE, CREATE ANY SEQUENCE, CREATE ANY INDEX, CREATE ANY TRIGGER.',
    );
    expect(check.fix).toContain(
      'GRANT CREATE ANY TABLE, CREATE ANY SEQUENCE, CREATE ANY INDEX, CREATE ANY TRIGGER TO INTEGRA',
    );
    expect(check.fix).toContain('conectado como WINTHOR');
  });

  it('lists only the ANY privileges still missing, and passes with all four', async () => {
    const partial = await checkCreatePrivileges(
      fakeOracle({ user: 'INTEGRA', schema: 'WINTHOR', privileges: [...OWN_SCHEMA, ...ANY.slice(0, 3)] }),
    );
    expect(partial).toMatchObject({ status: 'warning' });
    expect(partial.detail).toMatch(/Faltam: CREATE ANY TRIGGER\.$/);
    const all = await checkCreatePrivileges(
      fakeOracle({ user: 'INTEGRA', schema: 'WINTHOR', privileges: ['CREATE SESSION', ...ANY] }),
    );
    expect(all).toMatchObject({ status: 'ok' });
    expect(all.detail).toContain('esquema WINTHOR');
  });

  it('still reports missing plain CREATE privileges in the user’s own schema', async () => {
    const check = await checkCreatePrivileges(
      fakeOracle({ user: 'INTEGRA', schema: 'INTEGRA', privileges: ['CREATE SESSION', 'CREATE TABLE'] }),
    );
    expect(check).toMatchObject({ status: 'warning', detail: 'Faltam: CREATE SEQUENCE, CREATE TRIGGER.' });
    expect(check.fix).toContain('GRANT CREATE SEQUENCE, CREATE TRIGGER TO INTEGRA');
  });
});
