import { describe, expect, it } from 'vitest';
import type { Db, Row } from './db/db';
import { oracleDialect } from './db/dialect';
import { DEFAULT_PARAMETER_NAMES, defaultSettings } from '../contract';
import { checkCreatePrivileges, checkPrerequisites } from './prerequisites';
import { priceColumnFor } from './repositories/prices-repository';
import { createTestWinthor } from './testing/test-winthor';

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
const ANY = [
  'CREATE ANY TABLE',
  'CREATE ANY SEQUENCE',
  'CREATE ANY INDEX',
  'CREATE ANY TRIGGER',
  'GRANT ANY OBJECT PRIVILEGE',
];

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
      'O esquema configurado (WINTHOR) não é o do usuário INTEGRA: criar os objetos WTC_ nele e conceder a INTEGRA SELECT, INSERT, UPDATE e DELETE nas tabelas e SELECT nas sequences exige CREATE ANY TABLE, CREATE ANY SEQUENCE, CREATE ANY INDEX, CREATE ANY TRIGGER, GRANT ANY OBJECT PRIVILEGE. Faltam: CREATE ANY TABLE, CREATE ANY SEQUENCE, CREATE ANY INDEX, CREATE ANY TRIGGER, GRANT ANY OBJECT PRIVILEGE.',
    );
    expect(check.fix).toContain(
      'GRANT CREATE ANY TABLE, CREATE ANY SEQUENCE, CREATE ANY INDEX, CREATE ANY TRIGGER, GRANT ANY OBJECT PRIVILEGE TO INTEGRA',
    );
    expect(check.fix).toContain('conectado como WINTHOR (o script já inclui os GRANTs para INTEGRA)');
  });

  it('lists only the ANY privileges still missing, and passes with all five', async () => {
    const partial = await checkCreatePrivileges(
      fakeOracle({ user: 'INTEGRA', schema: 'WINTHOR', privileges: [...OWN_SCHEMA, ...ANY.slice(0, 3)] }),
    );
    expect(partial).toMatchObject({ status: 'warning' });
    expect(partial.detail).toMatch(/Faltam: CREATE ANY TRIGGER, GRANT ANY OBJECT PRIVILEGE\.$/);
    // CREATE ANY alone creates objects the user then cannot use: the GRANTs need GRANT ANY OBJECT PRIVILEGE.
    const noGrant = await checkCreatePrivileges(
      fakeOracle({ user: 'INTEGRA', schema: 'WINTHOR', privileges: [...OWN_SCHEMA, ...ANY.slice(0, 4)] }),
    );
    expect(noGrant).toMatchObject({ status: 'warning' });
    expect(noGrant.fix).toContain('GRANT GRANT ANY OBJECT PRIVILEGE TO INTEGRA');
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

describe('prerequisites: parameter 4010 is validated like the price reads', () => {
  it('accepts what priceColumnFor accepts (1..7, PVENDA1..PVENDA7) and shows the resolved column', async () => {
    const db = await createTestWinthor({ products: 5, customers: 3 });
    try {
      const name = DEFAULT_PARAMETER_NAMES['4010'];
      for (const [value, expected] of [
        ['3', { status: 'ok', detail: 'PVENDA3' }],
        ['PVENDA2', { status: 'ok', detail: 'PVENDA2' }],
        [' pvenda7 ', { status: 'ok', detail: 'PVENDA7' }],
        ['8', { status: 'error', detail: expect.stringContaining('"8"') }],
        ['PVENDA0', { status: 'error', detail: expect.stringContaining('PVENDA1 a PVENDA7') }],
      ] as const) {
        await db.execute(`UPDATE PCPARAMFILIAL SET VALOR = :value WHERE PCPARAMFILIAL.NOME = :name`, {
          value,
          name,
        });
        const checks = await checkPrerequisites(db, defaultSettings());
        const check = checks.find((c) => c.id === 'parameter.99.4010');
        expect(check, value).toMatchObject(expected);
        let runtime: string | null;
        try {
          runtime = priceColumnFor(value);
        } catch {
          runtime = null;
        }
        expect(check!.status === 'ok' ? check!.detail : null, value).toBe(runtime);
      }
    } finally {
      await db.close();
    }
  });
});
