import { TARGET_VERSION } from './migrations';
import { INSTALL_CALL_TIMEOUT_SECONDS } from './installer';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/app-error';

/**
 * The Oracle installer against a mocked node-oracledb connection. node-oracledb 6 RESOLVES a CREATE TRIGGER
 * that compiled with errors (ORA-24344) and only sets `result.warning` (NJS-700); the trigger is left INVALID
 * and blocks every write to its WinThor table (ORA-04098).
 */
const server = vi.hoisted(() => ({
  executed: [] as string[],
  /** The pooled connection (session) each statement of `executed` ran on. */
  sessions: [] as number[],
  nextSession: 0,
  /** Triggers that compile with errors. */
  broken: new Set<string>(),
  /** Objects the dictionary reports INVALID (ALL_OBJECTS.STATUS). */
  invalid: new Map<string, string>(),
  binds: [] as unknown[],
  /** The connection's call timeout (ms) when each statement of `executed` ran. */
  timeouts: [] as number[],
  /** SESSION_USER and CURRENT_SCHEMA (the same: the user's own schema). */
  session: { user: 'INTEGRA', schema: 'INTEGRA' },
  /** Tables reached through a public synonym to this owner (ALL_SYNONYMS); else in CURRENT_SCHEMA. */
  synonymOwner: '',
  /** "TABLE.COLUMN" absent from ALL_TAB_COLUMNS (an older WinThor). */
  missingColumns: new Set<string>(),
  privileges: ['CREATE SESSION', 'CREATE TABLE', 'CREATE SEQUENCE', 'CREATE TRIGGER'],
}));

vi.mock('oracledb', async () => {
  const { DEMO_TABLES } = await import('../demo/demo-tables');
  const inList = (binds: Record<string, unknown> | undefined) =>
    Object.entries(binds ?? {})
      .filter(([k]) => /^t\d+$/.test(k))
      .map(([, v]) => String(v));
  const triggerName = (sql: string) => /^CREATE OR REPLACE TRIGGER (\w+)/.exec(sql)?.[1];
  const connection = (id: number) => ({
    oracleServerVersionString: '19.0.0',
    callTimeout: 0,
    async execute(sql: string, binds?: Record<string, unknown>) {
      server.executed.push(sql);
      server.timeouts.push(this.callTimeout);
      server.sessions.push(id);
      server.binds.push(binds);
      if (sql.includes('COUNT(*) AS N FROM ALL_TABLES')) return { rows: [{ N: 0 }] };
      if (sql.includes('ALL_TABLES.TABLE_NAME FROM ALL_TABLES'))
        return { rows: server.synonymOwner ? [] : inList(binds).map((t) => ({ TABLE_NAME: t })) };
      if (sql.includes('FROM ALL_SYNONYMS'))
        return {
          rows: server.synonymOwner
            ? inList(binds).map((t) => ({
                OWNER: 'PUBLIC',
                SYNONYM_NAME: t,
                TABLE_OWNER: server.synonymOwner,
                TABLE_NAME: t,
              }))
            : [],
        };
      if (sql.includes('FROM ALL_TAB_COLUMNS'))
        return {
          rows: inList(binds).flatMap((table) =>
            Object.keys(DEMO_TABLES[table]?.columns ?? {})
              .filter((c) => !server.missingColumns.has(`${table}.${c}`))
              .map((c) => ({ TABLE_NAME: table, COLUMN_NAME: c, NULLABLE: 'Y', DEFAULT_LENGTH: null })),
          ),
        };
      if (sql.includes('FROM SESSION_PRIVS'))
        return { rows: server.privileges.map((p) => ({ PRIVILEGE: p })) };
      if (sql.includes("SYS_CONTEXT('USERENV', 'SESSION_USER')"))
        return { rows: [{ SESSION_USER_NAME: server.session.user, SCHEMA_NAME: server.session.schema }] };
      if (sql.includes("SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA') AS SCHEMA_NAME FROM DUAL"))
        return { rows: [{ SCHEMA_NAME: server.session.schema }] };
      if (sql.includes('FROM ALL_OBJECTS') && sql.includes("STATUS = 'INVALID'"))
        return {
          rows: [...server.invalid].map(([name, type]) => ({ OBJECT_TYPE: type, OBJECT_NAME: name })),
        };
      if (sql.includes('FROM ALL_ERRORS'))
        return {
          rows: [
            { LINE: 17, POSITION: 3, TEXT: 'PL/SQL: ORA-00942: table or view does not exist' },
            { LINE: 17, POSITION: 3, TEXT: 'PL/SQL: SQL Statement ignored' },
          ],
        };
      const created = triggerName(sql);
      if (created && server.broken.has(created)) {
        server.invalid.set(created, 'TRIGGER');
        return {
          rowsAffected: 0,
          warning: Object.assign(new Error('NJS-700: creation succeeded with compilation errors'), {
            code: 'NJS-700',
          }),
        };
      }
      const dropped = /DROP TRIGGER (\w+)/.exec(sql)?.[1];
      if (dropped) server.invalid.delete(dropped);
      return { rowsAffected: 0, rows: [] };
    },
    close: async () => {},
    commit: async () => {},
    rollback: async () => {},
  });
  const api = {
    thin: true,
    OUT_FORMAT_OBJECT: 4002,
    DB_TYPE_CLOB: 2017,
    DB_TYPE_DATE: 2011,
    createPool: async () => ({
      getConnection: async () => connection(++server.nextSession),
      close: async () => {},
    }),
  };
  return { default: api, ...api };
});

const open = async () => {
  const { OracleDb } = await import('../db/oracle-db');
  return OracleDb.open({ connectString: 'x', user: 'u', password: 'p' });
};
const createdTriggers = () => server.executed.filter((s) => s.startsWith('CREATE OR REPLACE TRIGGER'));
const recorded = (version: number) =>
  server.executed.some((s) => s.includes('INSERT INTO WTC_SCHEMA_VERSION') && s.includes(`(${version},`));

beforeEach(() => {
  server.executed.length = 0;
  server.sessions.length = 0;
  server.binds.length = 0;
  server.timeouts.length = 0;
  server.broken.clear();
  server.invalid.clear();
  server.session = { user: 'INTEGRA', schema: 'INTEGRA' };
  server.synonymOwner = '';
  server.missingColumns.clear();
  server.privileges = ['CREATE SESSION', 'CREATE TABLE', 'CREATE SEQUENCE', 'CREATE TRIGGER'];
});

describe('OracleDb.execute: PL/SQL created with compilation errors (NJS-700 warning)', () => {
  it('rejects with a pt-BR AppError naming the object and pointing the DBA to USER_ERRORS', async () => {
    server.broken.add('WTC_TRG_PCEST');
    const db = await open();
    const error = await db
      .execute('CREATE OR REPLACE TRIGGER WTC_TRG_PCEST\nAFTER INSERT ON PCEST FOR EACH ROW BEGIN NULL; END;')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'db_compiled_with_errors',
      message:
        'Banco Oracle: o objeto TRIGGER WTC_TRG_PCEST foi criado com erros de compilação e ficou INVÁLIDO (NJS-700).',
      object: { type: 'TRIGGER', name: 'WTC_TRG_PCEST' },
    });
    expect((error as AppError).fix).toContain("USER_ERRORS (ou ALL_ERRORS) WHERE NAME = 'WTC_TRG_PCEST'");
  });
});

describe('Oracle install: never records a version while an integration object is INVALID', () => {
  it('stops at the first trigger that compiles INVALID, drops it, does not record version 2 and explains why', async () => {
    server.broken.add('WTC_TRG_PCPRODUT');
    const { install } = await import('./installer');
    const error = await install(await open()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('db_schema_invalid_objects');
    expect((error as AppError).message).toContain('a versão 2 não foi registrada');
    expect((error as AppError).message).toContain(
      'TRIGGER WTC_TRG_PCPRODUT — removida para não bloquear as gravações do WinThor',
    );
    expect((error as AppError).message).toContain(
      'linha 17, coluna 3: PL/SQL: ORA-00942: table or view does not exist',
    );
    expect((error as AppError).fix).toMatch(/USER_ERRORS\/ALL_ERRORS/);
    // Only one WinThor table was ever exposed to an INVALID trigger, and only for a moment.
    expect(createdTriggers()).toHaveLength(1);
    expect(server.executed.some((s) => s.includes('DROP TRIGGER WTC_TRG_PCPRODUT'))).toBe(true);
    expect(server.invalid.size).toBe(0);
    expect(recorded(1)).toBe(true);
    expect(recorded(2)).toBe(false);
    // The dictionary is read in the configured schema (CURRENT_SCHEMA), not just the user's.
    const lookup = server.executed.find((s) => s.includes('FROM ALL_OBJECTS'))!;
    expect(lookup).toContain("OWNER = SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA')");
    expect(server.binds).toContainEqual({ name: 'WTC_TRG_PCPRODUT', type: 'TRIGGER' });
  });

  it('also fails when the dictionary reports an INVALID object although no statement warned', async () => {
    server.invalid.set('WTC_TRG_PCTABPR', 'TRIGGER');
    const { install } = await import('./installer');
    const error = await install(await open()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'db_schema_invalid_objects' });
    expect((error as AppError).message).toContain('a versão 1 não foi registrada');
    expect((error as AppError).message).toContain('TRIGGER WTC_TRG_PCTABPR');
    expect(server.executed.some((s) => s.includes('DROP TRIGGER WTC_TRG_PCTABPR'))).toBe(true);
    expect(recorded(1)).toBe(false);
    expect(createdTriggers()).toHaveLength(0);
  });

  it('installs and records every version when everything compiles: one session, DDL_LOCK_TIMEOUT first, each trigger once', async () => {
    const { install } = await import('./installer');
    const plan = await install(await open());
    expect(plan.targetVersion).toBe(TARGET_VERSION);
    // Seven triggers, created once each (versions 2, 3 and 4 name the same ones).
    expect(createdTriggers()).toHaveLength(7);
    expect(new Set(createdTriggers().map((s) => s.split('\n')[0])).size).toBe(7);
    expect(recorded(1)).toBe(true);
    expect(recorded(2)).toBe(true);
    expect(recorded(3)).toBe(true);
    expect(recorded(4)).toBe(true);
    expect(recorded(5)).toBe(true);
    expect(server.executed).toContain('ALTER SEQUENCE WTC_CHANGE_QUEUE_SEQ CACHE 1000');
    expect(server.executed.some((s) => s.includes('DROP TRIGGER'))).toBe(false);
    // The bounded DDL lock wait is set before the first DDL, in the session that runs every statement.
    const lockTimeout = server.executed.indexOf('ALTER SESSION SET DDL_LOCK_TIMEOUT = 10');
    const firstDdl = server.executed.findIndex((s) => s.includes('CREATE TABLE WTC_SCHEMA_VERSION'));
    expect(lockTimeout).toBeGreaterThanOrEqual(0);
    expect(lockTimeout).toBeLessThan(firstDdl);
    const installSession = server.sessions[lockTimeout];
    const ddl = server.executed
      .map((sql, i) => ({ sql, session: server.sessions[i] }))
      .filter(({ sql }) => /^(BEGIN|CREATE|ALTER|COMMIT)/.test(sql));
    expect(ddl.length).toBeGreaterThan(20);
    expect(ddl.every((d) => d.session === installSession)).toBe(true);
    expect(server.executed.at(-2)).toBe('COMMIT');
    expect(server.executed.at(-1)).toBe('ALTER SESSION SET DDL_LOCK_TIMEOUT = 0');
    // Index builds on large WTC_ tables may outlast the 60 s call timeout: the install session allows
    // INSTALL_CALL_TIMEOUT_SECONDS (lock waits stay bounded by DDL_LOCK_TIMEOUT, set above).
    const indexBuilds = server.executed
      .map((sql, i) => ({ sql, timeout: server.timeouts[i] }))
      .filter(({ sql }) => sql.includes('CREATE INDEX'));
    expect(indexBuilds.length).toBeGreaterThan(3);
    expect(indexBuilds.every(({ timeout }) => timeout === INSTALL_CALL_TIMEOUT_SECONDS * 1000)).toBe(true);
    expect(INSTALL_CALL_TIMEOUT_SECONDS).toBeGreaterThanOrEqual(600);
  });

  it('refuses before creating anything when a column the triggers watch is missing (older WinThor)', async () => {
    server.missingColumns.add('PCDEPTO.ENVIAECOMMERCE');
    server.missingColumns.add('PCSECAO.ENVIAECOMMERCE');
    const { install } = await import('./installer');
    const error = await install(await open()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'db_install_missing_columns' });
    expect((error as AppError).message).toContain(
      'PCDEPTO.ENVIAECOMMERCE (vigiada pela trigger WTC_TRG_PCDEPTO)',
    );
    expect((error as AppError).message).toContain(
      'PCSECAO.ENVIAECOMMERCE (vigiada pela trigger WTC_TRG_PCSECAO)',
    );
    expect(server.executed.filter((s) => /^(BEGIN|CREATE|GRANT)/.test(s))).toEqual([]);
  });

  it('tells a DBA who runs the script by hand how to find INVALID objects afterwards', async () => {
    const { buildInstallPlan } = await import('./installer');
    expect(buildInstallPlan('oracle', 0).script).toContain(
      "--   SELECT OBJECT_TYPE, OBJECT_NAME FROM USER_OBJECTS WHERE STATUS = 'INVALID' AND OBJECT_NAME LIKE 'WTC\\_%' ESCAPE '\\';",
    );
  });
});

describe("Oracle install into another owner's schema", () => {
  it('is not run by the app: it refuses before any statement and points to the owner-run script, which has the grants', async () => {
    server.session = { user: 'INTEGRA', schema: 'WINTHOR' };
    const { install, planInstall } = await import('./installer');
    const db = await open();
    const error = await install(db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'db_install_by_owner', field: 'database.oracle.schema' });
    expect((error as AppError).fix).toContain('visualizar script');
    expect(server.executed.filter((s) => /^(BEGIN|CREATE|GRANT|ALTER)/.test(s))).toEqual([]);
    // The script the DBA runs as WINTHOR grants the integration's user the objects.
    const plan = await planInstall(db);
    expect(plan.grantTo).toBe('INTEGRA');
    expect(plan.statements).toContain('GRANT SELECT, INSERT, UPDATE, DELETE ON WTC_CHANGE_QUEUE TO INTEGRA');
    expect(plan.statements).toContain('GRANT SELECT ON WTC_CHANGE_QUEUE_SEQ TO INTEGRA');
  });

  it('grants nothing when the user is the schema owner', async () => {
    server.session = { user: 'WINTHOR', schema: 'WINTHOR' };
    const { install } = await import('./installer');
    await install(await open());
    expect(createdTriggers()).toHaveLength(7);
    expect(server.executed.filter((s) => s.startsWith('GRANT '))).toEqual([]);
  });
});

describe('Oracle install when the PC* tables are reached through synonyms (no schema configured)', () => {
  it('needs CREATE ANY TRIGGER: without it nothing is created, with it the triggers name the owner', async () => {
    server.synonymOwner = 'WINTHOR';
    const { install } = await import('./installer');
    const refused = await install(await open()).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'db_install_privileges', field: 'database.oracle.schema' });
    expect((refused as AppError).message).toContain('CREATE ANY TRIGGER');
    expect(server.executed.filter((s) => /^(BEGIN|CREATE)/.test(s))).toEqual([]);

    server.privileges.push('CREATE ANY TRIGGER');
    await install(await open());
    const stock = createdTriggers().find((s) => s.startsWith('CREATE OR REPLACE TRIGGER WTC_TRG_PCEST\n'))!;
    expect(stock).toContain(' ON WINTHOR.PCEST\n');
    expect(createdTriggers()).toHaveLength(7);
  });
});
