import { PARAMETER_RULES } from '../../engine/domain/parameter-rules';
import { describe, expect, it } from 'vitest';
import type { Binds, Db, Row } from '../db/db';
import { oracleDialect } from '../db/dialect';
import { DEFAULT_PARAMETER_NAMES, defaultSettings } from '../../contract';
import { checkCreatePrivileges, checkPrerequisites } from '.';
import { checkDictionaryColumns } from './column-checks';
import { DEMO_TABLES } from '../demo/demo-tables';
import { TARGET_VERSION } from '../schema/migrations';
import { priceColumnFor } from '../../engine/domain/price-rule';
import { createTestWinthor } from '../test-winthor.test-support';

interface FakeDictionary {
  user: string;
  schema: string;
  privileges: string[];
  /** Owner the PC* tables are reached at through public synonyms; empty = they are in CURRENT_SCHEMA. */
  synonymOwner?: string;
  /** "TABLE.COLUMN" the database does not have (an older WinThor). */
  missing?: string[];
  /** Extra columns: NOT NULL, with or without a default. */
  extra?: Array<{ table: string; column: string; hasDefault: boolean }>;
}

/**
 * Just the dictionary views the checks ask an Oracle database: SESSION_PRIVS, the session identity,
 * ALL_TABLES, ALL_SYNONYMS and ALL_TAB_COLUMNS (the demo tables' columns, as nullable, PKs NOT NULL).
 */
const fakeOracle = (d: FakeDictionary): Db & { asked: Array<{ sql: string; binds?: Binds }> } => {
  const asked: Array<{ sql: string; binds?: Binds }> = [];
  const names = (binds?: Binds) =>
    Object.entries(binds ?? {})
      .filter(([k]) => /^t\d+$/.test(k))
      .map(([, v]) => String(v));
  const rowsFor = (sql: string, binds?: Binds): Row[] => {
    asked.push({ sql, ...(binds ? { binds } : {}) });
    if (sql.includes('FROM SESSION_PRIVS')) return d.privileges.map((p) => ({ PRIVILEGE: p }));
    if (sql.includes("'SESSION_USER'")) return [{ SESSION_USER_NAME: d.user, SCHEMA_NAME: d.schema }];
    if (sql.includes('FROM DUAL')) return [{ SCHEMA_NAME: d.schema }];
    if (sql.includes('FROM ALL_TABLES'))
      return d.synonymOwner ? [] : names(binds).map((t) => ({ TABLE_NAME: t }));
    if (sql.includes('FROM ALL_SYNONYMS'))
      return d.synonymOwner
        ? names(binds).map((t) => ({
            OWNER: 'PUBLIC',
            SYNONYM_NAME: t,
            TABLE_OWNER: d.synonymOwner,
            TABLE_NAME: t,
          }))
        : [];
    if (sql.includes('FROM ALL_TAB_COLUMNS'))
      return names(binds).flatMap((table) => [
        ...Object.keys(DEMO_TABLES[table]?.columns ?? {})
          .filter((c) => !(d.missing ?? []).includes(`${table}.${c}`))
          .map((c) => ({
            TABLE_NAME: table,
            COLUMN_NAME: c,
            NULLABLE: DEMO_TABLES[table]!.primaryKey.includes(c) ? 'N' : 'Y',
            DEFAULT_LENGTH: null,
          })),
        ...(d.extra ?? [])
          .filter((e) => e.table === table)
          .map((e) => ({
            TABLE_NAME: table,
            COLUMN_NAME: e.column,
            NULLABLE: 'N',
            DEFAULT_LENGTH: e.hasDefault ? 3 : null,
          })),
      ]);
    throw new Error(`unexpected SQL: ${sql}`);
  };
  return {
    kind: 'oracle',
    dialect: oracleDialect,
    asked,
    query: async <T extends Row>(sql: string, binds?: Binds) => rowsFor(sql, binds) as T[],
    queryOne: async <T extends Row>(sql: string, binds?: Binds) => rowsFor(sql, binds)[0] as T | undefined,
  } as unknown as Db & { asked: Array<{ sql: string; binds?: Binds }> };
};

const OWN_SCHEMA = ['CREATE SESSION', 'CREATE TABLE', 'CREATE SEQUENCE', 'CREATE TRIGGER'];

describe('prerequisites: who can create the WTC_ objects', () => {
  it('accepts CREATE TABLE/SEQUENCE/TRIGGER when the objects and the PC* tables are in the user’s own schema', async () => {
    const check = await checkCreatePrivileges(
      fakeOracle({ user: 'INTEGRA', schema: 'INTEGRA', privileges: OWN_SCHEMA }),
    );
    expect(check).toMatchObject({ id: 'grants.create', status: 'ok', installBy: 'app' });
  });

  it('another owner configured (CURRENT_SCHEMA): the DBA installs with the owner-run script, not the app', async () => {
    const db = fakeOracle({ user: 'INTEGRA', schema: 'WINTHOR', privileges: OWN_SCHEMA });
    const check = await checkCreatePrivileges(db);
    expect(check).toMatchObject({ status: 'warning', installBy: 'owner' });
    expect(check.detail).toContain('a instalação é feita pelo DBA conectado como WINTHOR');
    expect(check.detail).toContain('ORA-01749');
    expect(check.fix).toContain('integrador db install --dry-run');
    expect(check.fix).toContain('conectado como WINTHOR');
    // Once installed by the DBA there is nothing left to do.
    const installed = await checkCreatePrivileges(db, { installedVersion: TARGET_VERSION });
    expect(installed).toMatchObject({ status: 'ok', installBy: 'owner' });
    expect(installed.fix).toBeUndefined();
  });

  it('PC* tables through synonyms and no schema configured: asks for CREATE ANY TRIGGER, not CREATE TRIGGER', async () => {
    const check = await checkCreatePrivileges(
      fakeOracle({ user: 'INTEGRA', schema: 'INTEGRA', privileges: OWN_SCHEMA, synonymOwner: 'WINTHOR' }),
    );
    expect(check).toMatchObject({
      status: 'warning',
      detail: expect.stringMatching(/^Faltam: CREATE ANY TRIGGER\./),
    });
    expect(check.detail).toContain(
      'PCPRODUT, PCEST, PCTABPR, PCPEDC, PCDEPTO, PCSECAO, PCCATEGORIA são de WINTHOR',
    );
    expect(check.fix).toContain('GRANT CREATE ANY TRIGGER TO INTEGRA');
    expect(check.fix).toContain('configure o esquema dono das tabelas (WINTHOR)');
    const granted = await checkCreatePrivileges(
      fakeOracle({
        user: 'INTEGRA',
        schema: 'INTEGRA',
        privileges: [...OWN_SCHEMA, 'CREATE ANY TRIGGER'],
        synonymOwner: 'WINTHOR',
      }),
    );
    expect(granted).toMatchObject({ status: 'ok', installBy: 'app' });
  });

  it('still reports missing plain CREATE privileges in the user’s own schema', async () => {
    const check = await checkCreatePrivileges(
      fakeOracle({ user: 'INTEGRA', schema: 'INTEGRA', privileges: ['CREATE SESSION', 'CREATE TABLE'] }),
    );
    expect(check).toMatchObject({ status: 'warning', detail: 'Faltam: CREATE SEQUENCE, CREATE TRIGGER.' });
    expect(check.fix).toContain('GRANT CREATE SEQUENCE, CREATE TRIGGER TO INTEGRA');
  });
});

describe('prerequisites: the WinThor columns, from the dictionary views (ALL_TAB_COLUMNS)', () => {
  it('names every column the product uses that this WinThor lacks, and the trigger that watches it', async () => {
    const [used, required] = await checkDictionaryColumns(
      fakeOracle({
        user: 'INTEGRA',
        schema: 'INTEGRA',
        privileges: OWN_SCHEMA,
        missing: ['PCDEPTO.ENVIAECOMMERCE', 'PCCATEGORIA.ENVIAECOMMERCE', 'PCCLIENT.CODFILIALNF'],
      }),
      [],
    );
    expect(used).toMatchObject({ id: 'columns.used', status: 'error' });
    expect(used!.detail.split('\n').slice(1)).toEqual([
      'PCCATEGORIA.ENVIAECOMMERCE (vigiada pela trigger WTC_TRG_PCCATEGORIA)',
      'PCCLIENT.CODFILIALNF',
      'PCDEPTO.ENVIAECOMMERCE (vigiada pela trigger WTC_TRG_PCDEPTO)',
    ]);
    expect(used!.fix).toContain('Atualize o WinThor');
    expect(required).toMatchObject({ id: 'columns.required', status: 'ok' });
  });

  it('fails naming each NOT NULL column without default of PCCLIENT, PCPEDCFV, PCPEDIFV that the inserts leave empty', async () => {
    const [used, required] = await checkDictionaryColumns(
      fakeOracle({
        user: 'INTEGRA',
        schema: 'INTEGRA',
        privileges: OWN_SCHEMA,
        extra: [
          { table: 'PCCLIENT', column: 'CODFUNCCAD', hasDefault: false },
          { table: 'PCCLIENT', column: 'CODCLIPRINC', hasDefault: true },
          { table: 'PCPEDCFV', column: 'CODEMITENTE', hasDefault: false },
          { table: 'PCPEDIFV', column: 'BONIFIC', hasDefault: false },
          { table: 'PCPRODUT', column: 'CODFORNEC', hasDefault: false },
        ],
      }),
      [],
    );
    expect(used).toMatchObject({ status: 'ok' });
    expect(required).toMatchObject({ id: 'columns.required', status: 'error' });
    // Primary keys are NOT NULL too, but the inserts fill them; a column with a DEFAULT needs nothing.
    expect(required!.detail.split('\n').slice(1)).toEqual([
      'PCCLIENT.CODFUNCCAD',
      'PCPEDCFV.CODEMITENTE',
      'PCPEDIFV.BONIFIC',
    ]);
    expect(required!.fix).toContain('ORA-01400');
  });

  it('reads the columns of the owner a synonym points to', async () => {
    const db = fakeOracle({
      user: 'INTEGRA',
      schema: 'INTEGRA',
      privileges: OWN_SCHEMA,
      synonymOwner: 'WINTHOR',
    });
    const [used] = await checkDictionaryColumns(db, []);
    expect(used).toMatchObject({ status: 'ok' });
    const columnQueries = db.asked.filter((a) => a.sql.includes('FROM ALL_TAB_COLUMNS'));
    expect(columnQueries.map((a) => a.binds?.owner)).toEqual(['WINTHOR']);
  });

  it('on the embedded database reads pragma_table_info: all present, then a dropped column is named', async () => {
    const db = await createTestWinthor({ products: 2, customers: 1 });
    try {
      const checks = await checkPrerequisites(db, defaultSettings(), PARAMETER_RULES);
      expect(checks.find((c) => c.id === 'columns.used')).toMatchObject({ status: 'ok' });
      expect(checks.find((c) => c.id === 'columns.required')).toMatchObject({ status: 'ok' });
      expect(checks.find((c) => c.id === 'schema')).toMatchObject({
        status: 'warning',
        installBy: 'app',
        fix: expect.stringContaining('numa janela sem movimento no WinThor'),
      });
      // An older WinThor without the tracking code: a warning saying what is lost, nothing blocked.
      await db.execute(`ALTER TABLE PCPEDC DROP COLUMN CODIGORASTREIOFRETEVENDA`);
      const older = await checkPrerequisites(db, defaultSettings(), PARAMETER_RULES);
      expect(older.find((c) => c.id === 'columns.used')).toMatchObject({
        status: 'warning',
        detail: expect.stringContaining(
          'Sem PCPEDC.CODIGORASTREIOFRETEVENDA, o código de rastreio não é enviado à loja (a posição e a nota fiscal são).',
        ),
        detailRef: { key: 'prereq.columns.optionalMissing_trackingCode' },
      });
      // Only the carrier's link missing: the code still goes, and the line says just that.
      await db.execute(`ALTER TABLE PCPEDC ADD COLUMN CODIGORASTREIOFRETEVENDA VARCHAR2(2000)`);
      await db.execute(`ALTER TABLE PCFORNEC DROP COLUMN URLBASERASTREIO`);
      const linkOnly = (await checkPrerequisites(db, defaultSettings(), PARAMETER_RULES)).find(
        (c) => c.id === 'columns.used',
      );
      expect(linkOnly).toMatchObject({
        status: 'warning',
        detailRef: {
          key: 'prereq.columns.optionalMissing_trackingLink',
          params: { link: 'PCFORNEC.URLBASERASTREIO', code: '' },
        },
      });
      expect(linkOnly!.detail).toContain(
        'Sem PCFORNEC.URLBASERASTREIO, o link de rastreio da transportadora não é enviado (o código é).',
      );
      expect(linkOnly!.detail).not.toContain('o código de rastreio não é enviado');
      await db.execute(`ALTER TABLE PCPEDC DROP COLUMN CODIGORASTREIOFRETEVENDA`);
      await db.execute(`ALTER TABLE PCSECAO DROP COLUMN ENVIAECOMMERCE`);
      const after = await checkPrerequisites(db, defaultSettings(), PARAMETER_RULES);
      expect(after.find((c) => c.id === 'columns.used')).toMatchObject({
        status: 'error',
        detail: expect.stringContaining('PCSECAO.ENVIAECOMMERCE (vigiada pela trigger WTC_TRG_PCSECAO)'),
      });
      // The optional ones are still named under the error.
      expect(after.find((c) => c.id === 'columns.used')!.detail).toContain(
        'Sem PCPEDC.CODIGORASTREIOFRETEVENDA, o código de rastreio não é enviado',
      );
    } finally {
      await db.close();
    }
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
        const checks = await checkPrerequisites(db, defaultSettings(), PARAMETER_RULES);
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
