import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteDb } from '../db/sqlite-db';
import { DEMO_TABLES } from '../demo/demo-tables';
import { createTestWinthor } from '../test-winthor.test-support';
import {
  ENGINE_TABLES,
  ORDER_TABLES,
  INTEGRATION_TABLES,
  QUEUE_TRIGGERS,
  SCHEMA_VERSION_TABLE,
} from './integration-objects';
import {
  buildInstallPlan,
  buildUninstallPlan,
  install,
  listIntegrationObjects,
  planInstall,
  planUninstall,
  readInstalledVersion,
  uninstall,
} from './installer';
import { TARGET_VERSION } from './migrations';
import { MONITORING_TABLES } from './monitoring-objects';
import { LEASE_TABLES } from './lease-objects';
import { oracleDdl } from './schema-ddl';

const queue = (db: SqliteDb) =>
  db.query(`SELECT ENTITY, BRANCH, ERP_KEY, OPERATION FROM WTC_CHANGE_QUEUE ORDER BY ID`);

describe('instalador do esquema da integração (SQLite)', () => {
  let db: SqliteDb;
  beforeEach(async () => {
    db = await createTestWinthor({ products: 20, customers: 3 });
  });
  afterEach(async () => db.close());

  it('previews the exact script without changing anything, then installs and records the version', async () => {
    const plan = await planInstall(db);
    expect(plan).toMatchObject({ currentVersion: 0, targetVersion: TARGET_VERSION });
    expect(plan.script).toContain('CREATE TABLE IF NOT EXISTS WTC_CHANGE_QUEUE');
    expect(plan.script).toContain(
      'CREATE TRIGGER IF NOT EXISTS WTC_TRG_PCEST_U AFTER UPDATE OF QTESTGER, QTRESERV, QTBLOQUEADA, QTPENDENTE ON PCEST',
    );
    expect(await listIntegrationObjects(db)).toEqual([]);
    await install(db);
    expect(await readInstalledVersion(db)).toBe(TARGET_VERSION);
    const objects = await listIntegrationObjects(db);
    expect(objects).toContain('table WTC_STORE_ORDER');
    expect(objects).toContain('table WTC_STORE_CODE');
    // Version 6 replaces the never-written WTC_ORDER_IMPORT of version 1.
    expect(objects).not.toContain('table WTC_ORDER_IMPORT');
    expect(objects).toContain('trigger WTC_TRG_PCPEDC_U');
    expect(objects).toContain('index WTC_PENDING_NEXT_IX');
  });

  it('is idempotent: a second install plans nothing and changes nothing', async () => {
    await install(db);
    const schema = () => db.query(`SELECT type, name, sql FROM sqlite_master ORDER BY name`);
    const before = await schema();
    const again = await planInstall(db);
    expect(again.statements).toEqual([]);
    expect(again.script).toContain('Nada a fazer');
    await install(db);
    expect(await schema()).toEqual(before);
    // Running every statement again (a DBA re-running the script) is harmless too.
    const full = await planInstall(await createTestWinthor({ products: 1, customers: 1 }));
    await db.transaction(async (tx) => {
      for (const s of full.statements) await tx.execute(s);
    });
    expect(await schema()).toEqual(before);
  });

  it('is reversible: uninstall leaves no WTC_ object and keeps the WinThor data', async () => {
    await install(db);
    const uninstallPlan = await planUninstall(db);
    expect(uninstallPlan.script).toContain('DROP TABLE IF EXISTS WTC_CHANGE_QUEUE');
    await uninstall(db);
    expect(await listIntegrationObjects(db)).toEqual([]);
    expect(await readInstalledVersion(db)).toBe(0);
    expect(Number((await db.queryOne(`SELECT COUNT(*) AS N FROM PCPRODUT`))!.N)).toBe(20);
    await uninstall(db); // twice: no error
    await install(db);
    expect(await readInstalledVersion(db)).toBe(TARGET_VERSION);
  });

  it('upgrades from an older version by applying only the missing steps', async () => {
    await install(db);
    await db.execute(`DELETE FROM WTC_SCHEMA_VERSION WHERE VERSION >= 2`);
    await db.execute(`DROP TRIGGER WTC_TRG_PCEST_U`);
    const plan = await planInstall(db);
    expect(plan.currentVersion).toBe(1);
    expect(plan.statements.some((s) => s.includes('CREATE TABLE IF NOT EXISTS WTC_BINDING'))).toBe(false);
    expect(plan.statements.some((s) => s.includes('WTC_TRG_PCEST_U'))).toBe(true);
    await install(db);
    expect(await listIntegrationObjects(db)).toContain('trigger WTC_TRG_PCEST_U');
  });

  it('upgrades a version 6 database to 7: the pendências already there keep their rows and gain the new columns', async () => {
    await install(db);
    await db.execute(`DELETE FROM WTC_SCHEMA_VERSION WHERE VERSION >= 7`);
    await db.execute(`DROP TABLE WTC_PENDING_EVENT`);
    await db.execute(`DROP INDEX WTC_PENDING_KIND_IX`);
    for (const column of ['PARAMS', 'IGNORE_REASON', 'IGNORED_BY', 'IGNORED_AT', 'RESOLVED_AT'])
      await db.execute(`ALTER TABLE WTC_PENDING DROP COLUMN ${column}`);
    await db.execute(
      `INSERT INTO WTC_PENDING (ENTITY, ERP_KEY, BRANCH, ERROR_KIND, MESSAGE, ATTEMPTS, STATUS, CREATED_AT, UPDATED_AT)
       VALUES ('product', '9', '1', 'sem_preco', 'Produto 9 sem preço', 3, 'open', '2026-01-01 10:00:00', '2026-01-01 10:00:00')`,
    );
    const plan = await planInstall(db);
    expect(plan.currentVersion).toBe(6);
    expect(plan.statements).toContain('ALTER TABLE WTC_PENDING ADD COLUMN IGNORE_REASON VARCHAR2(400)');
    await install(db);
    expect(await readInstalledVersion(db)).toBe(TARGET_VERSION);
    expect(await db.queryOne(`SELECT ERP_KEY, ATTEMPTS, PARAMS, IGNORE_REASON FROM WTC_PENDING`)).toEqual({
      ERP_KEY: '9',
      ATTEMPTS: 3,
      PARAMS: null,
      IGNORE_REASON: null,
    });
    expect(await listIntegrationObjects(db)).toEqual(
      expect.arrayContaining([
        'table WTC_PENDING_EVENT',
        'index WTC_PENDING_KIND_IX',
        'index WTC_LOG_LEVEL_IX',
      ]),
    );
  });

  it('the Oracle step 7 adds the columns in guarded blocks (ORA-01430 ignored) and touches no WinThor table', () => {
    const step = buildInstallPlan('oracle', 5).statements;
    expect(step).toContainEqual(
      expect.stringContaining('ALTER TABLE WTC_PENDING ADD (PARAMS VARCHAR2(1000))'),
    );
    expect(
      step.filter((s) => s.includes('ALTER TABLE WTC_PENDING ADD')).every((s) => s.includes('-1430')),
    ).toBe(true);
    // Without NOT NULL: the column keeps its constraint (saying it again would be ORA-01442).
    expect(step).toContain('ALTER TABLE WTC_PENDING MODIFY (ERROR_KIND VARCHAR2(60))');
    expect(step.some((s) => /\bPC[A-Z]+\b/.test(s.replace(/WTC_\w+/g, '')))).toBe(false);
  });

  it('triggers queue a change only when a column that matters changes', async () => {
    await install(db);
    await db.execute(`UPDATE PCEST SET CUSTOREAL = 1.23 WHERE PCEST.CODPROD = 1`);
    await db.execute(`UPDATE PCEST SET QTESTGER = PCEST.QTESTGER WHERE PCEST.CODPROD = 1`);
    await db.execute(`UPDATE PCTABPR SET PERDESCMAX = 9 WHERE PCTABPR.CODPROD = 2`);
    await db.execute(`UPDATE PCPRODUT SET CODFAB = 'X' WHERE PCPRODUT.CODPROD = 3`);
    expect(await queue(db)).toEqual([]);

    await db.execute(
      `UPDATE PCEST SET QTRESERV = PCEST.QTRESERV + 1 WHERE PCEST.CODPROD = 1 AND PCEST.CODFILIAL = '2'`,
    );
    await db.execute(`UPDATE PCTABPR SET PVENDA3 = 99 WHERE PCTABPR.CODPROD = 2 AND PCTABPR.NUMREGIAO = 1`);
    await db.execute(`UPDATE PCPRODUT SET DESCRICAO = 'NOVO NOME' WHERE PCPRODUT.CODPROD = 3`);
    await db.execute(
      `UPDATE PCCATEGORIA SET CATEGORIA = 'X' WHERE PCCATEGORIA.CODSEC = 101 AND PCCATEGORIA.CODCATEGORIA = 2`,
    );
    await db.execute(`UPDATE PCSECAO SET ENVIAECOMMERCE = 'N' WHERE PCSECAO.CODSEC = 102`);
    await db.execute(`UPDATE PCDEPTO SET DESCRICAO = 'BEBIDAS GELADAS' WHERE PCDEPTO.CODEPTO = 2`);
    await db.execute(`INSERT INTO PCPEDC (NUMPED, CODFILIAL, POSICAO, OBS) VALUES (5001, '1', 'L', 'a')`);
    await db.execute(`UPDATE PCPEDC SET OBS = 'b' WHERE PCPEDC.NUMPED = 5001`);
    await db.execute(`UPDATE PCPEDC SET POSICAO = 'F', NUMNOTA = 10 WHERE PCPEDC.NUMPED = 5001`);
    await db.execute(`DELETE FROM PCEST WHERE PCEST.CODPROD = 4 AND PCEST.CODFILIAL = '1'`);
    expect(await queue(db)).toEqual([
      { ENTITY: 'stock', BRANCH: '2', ERP_KEY: '1', OPERATION: 'U' },
      { ENTITY: 'price', BRANCH: null, ERP_KEY: '2', OPERATION: 'U' },
      { ENTITY: 'product', BRANCH: null, ERP_KEY: '3', OPERATION: 'U' },
      { ENTITY: 'category', BRANCH: null, ERP_KEY: 'C:101.2', OPERATION: 'U' },
      { ENTITY: 'category', BRANCH: null, ERP_KEY: 'S:102', OPERATION: 'U' },
      { ENTITY: 'category', BRANCH: null, ERP_KEY: 'D:2', OPERATION: 'U' },
      { ENTITY: 'orderStatus', BRANCH: '1', ERP_KEY: '5001', OPERATION: 'I' },
      { ENTITY: 'orderStatus', BRANCH: '1', ERP_KEY: '5001', OPERATION: 'U' },
      { ENTITY: 'stock', BRANCH: '1', ERP_KEY: '4', OPERATION: 'D' },
    ]);
  });

  it('triggers watch only real WinThor columns (dictionary) and the Oracle script is complete', () => {
    for (const trigger of QUEUE_TRIGGERS) {
      const columns = DEMO_TABLES[trigger.table]!.columns;
      for (const c of [
        ...trigger.columns,
        ...trigger.keyColumns,
        ...(trigger.branchColumn ? [trigger.branchColumn] : []),
      ]) {
        expect(columns[c], `${trigger.table}.${c}`).toBeDefined();
      }
      expect(trigger.name.length).toBeLessThanOrEqual(30);
      const [body] = oracleDdl.createQueueTrigger(trigger);
      expect(body).toContain(
        `AFTER INSERT OR DELETE OR UPDATE OF ${trigger.columns.join(', ')} ON ${trigger.table}`,
      );
      expect(body).toContain('WHEN OTHERS THEN NULL');
    }
    const create = oracleDdl.createTable({
      name: 'WTC_X',
      columns: [{ name: 'ID', type: { kind: 'id' }, notNull: true }],
      indexes: [{ name: 'WTC_X_IX', columns: ['ID'] }],
    });
    expect(create[0]).toContain(
      "EXECUTE IMMEDIATE 'CREATE TABLE WTC_X (ID NUMBER(19) NOT NULL, CONSTRAINT WTC_X_PK PRIMARY KEY (ID))'",
    );
    expect(create[0]).toContain('IF SQLCODE NOT IN (-955) THEN RAISE');
    expect(create[1]).toContain('CREATE SEQUENCE WTC_X_SEQ');
  });

  it('on the SQLite stand-in a dropped queue table does break WinThor writes (a limit of the stand-in, ADR 0102)', async () => {
    await install(db);
    await db.execute(`DROP TABLE WTC_CHANGE_QUEUE`);
    await expect(
      db.execute(`UPDATE PCEST SET QTESTGER = PCEST.QTESTGER + 1 WHERE PCEST.CODPROD = 1`),
    ).rejects.toThrow();
  });
});

/** The trigger text without comments and string literals: what PL/SQL compiles as static references. */
const staticCode = (body: string) => body.replace(/--[^\n]*/g, '').replace(/'(?:[^']|'')*'/g, "''");

describe('Oracle queue triggers: the queue is reached by dynamic SQL (ADR 0102)', () => {
  it('references neither WTC_CHANGE_QUEUE nor its sequence statically, inside BEGIN … EXCEPTION WHEN OTHERS THEN NULL', () => {
    for (const trigger of QUEUE_TRIGGERS) {
      const [body] = oracleDdl.createQueueTrigger(trigger);
      // A static reference would make the trigger depend on the queue: dropping it would leave the trigger
      // INVALID and every write to the WinThor table would fail with ORA-04098 (by reading; no Oracle here).
      expect(staticCode(body!), trigger.name).not.toMatch(/WTC_CHANGE_QUEUE/);
      const insert = body!.indexOf(
        "  EXECUTE IMMEDIATE 'INSERT INTO WTC_CHANGE_QUEUE (ID, ENTITY, BRANCH, ERP_KEY, OPERATION, CREATED_AT) VALUES (WTC_CHANGE_QUEUE_SEQ.NEXTVAL, :1, :2, :3, :4, SYSDATE)'\n" +
          `    USING '${trigger.entity}', V_BRANCH, V_KEY, V_OPERATION;\n`,
      );
      expect(insert, trigger.name).toBeGreaterThan(body!.indexOf('\nBEGIN\n'));
      expect(body!.indexOf('EXCEPTION\n', insert)).toBeGreaterThan(insert);
      expect(body!.endsWith('  WHEN OTHERS THEN NULL;\nEND;')).toBe(true);
    }
    const [stock] = oracleDdl.createQueueTrigger(QUEUE_TRIGGERS.find((t) => t.table === 'PCEST')!);
    expect(stock).toContain('  V_BRANCH := NVL(:NEW.CODFILIAL, :OLD.CODFILIAL);\n');
    expect(stock).toContain('  V_KEY := TO_CHAR(NVL(:NEW.CODPROD, :OLD.CODPROD));\n');
  });

  it('upgrades a database at version 2 or 3 by re-creating the seven triggers once, and raises the queue cache', () => {
    for (const from of [2, 3]) {
      const plan = buildInstallPlan('oracle', from);
      expect(plan).toMatchObject({ currentVersion: from, targetVersion: TARGET_VERSION });
      const triggers = plan.statements.filter((s) => s.startsWith('CREATE OR REPLACE TRIGGER'));
      expect(triggers).toHaveLength(QUEUE_TRIGGERS.length);
      expect(new Set(triggers.map((s) => s.split('\n')[0])).size).toBe(QUEUE_TRIGGERS.length);
      expect(triggers.every((s) => s.includes("EXECUTE IMMEDIATE 'INSERT INTO WTC_CHANGE_QUEUE"))).toBe(true);
      expect(plan.statements).toContain('ALTER SEQUENCE WTC_CHANGE_QUEUE_SEQ CACHE 1000');
      expect(plan.statements.some((s) => s.includes('CREATE TABLE WTC_CHANGE_QUEUE'))).toBe(false);
      expect(plan.statements.filter((s) => s.includes('INSERT INTO WTC_SCHEMA_VERSION'))).toEqual(
        [3, 4, 5, 6, 7, 8]
          .filter((v) => v > from)
          .map((v) => expect.stringContaining(`VALUES (${v}, SYSDATE,`)),
      );
      expect(plan.statements[0]).toBe('ALTER SESSION SET DDL_LOCK_TIMEOUT = 10');
      expect(plan.statements.at(-1)).toBe('COMMIT');
    }
    expect(buildInstallPlan('oracle', TARGET_VERSION).statements).toEqual([]);
  });

  it('a fresh install creates each trigger once (not once per version that names it), after the queue exists', () => {
    const plan = buildInstallPlan('oracle', 0);
    const triggers = plan.statements.filter((s) => s.startsWith('CREATE OR REPLACE TRIGGER'));
    expect(triggers.map((s) => /TRIGGER (\w+)/.exec(s)![1])).toEqual(QUEUE_TRIGGERS.map((t) => t.name));
    const at = (text: string) => plan.statements.findIndex((s) => s.includes(text));
    expect(at('CREATE OR REPLACE TRIGGER')).toBeGreaterThan(at('CREATE SEQUENCE WTC_CHANGE_QUEUE_SEQ'));
    // The triggers come with version 2; versions 3 and 4 only record themselves (and 4 raises the cache).
    expect(at('CREATE OR REPLACE TRIGGER WTC_TRG_PCCATEGORIA')).toBeLessThan(at('VALUES (2, SYSDATE,'));
    expect(at('VALUES (2, SYSDATE,')).toBeLessThan(at('VALUES (3, SYSDATE,'));
    expect(at('ALTER SEQUENCE WTC_CHANGE_QUEUE_SEQ CACHE 1000')).toBeGreaterThan(at('VALUES (3, SYSDATE,'));
    // The script says where it belongs: a quiet window, with a bounded wait for the DDL lock.
    expect(plan.statements[0]).toBe('ALTER SESSION SET DDL_LOCK_TIMEOUT = 10');
    expect(plan.script).toContain('ALTER SESSION SET DDL_LOCK_TIMEOUT = 10\n/\n');
    expect(plan.script).toContain('-- Execute numa janela sem movimento no WinThor (fora do expediente)');
    expect(plan.script).toContain('ORA-00054: basta executar o script de novo');
    expect(buildUninstallPlan('oracle', 4).statements[0]).toBe('ALTER SESSION SET DDL_LOCK_TIMEOUT = 10');
  });

  it('names the owner of a trigger table reached through a synonym: ON owner.table', () => {
    const plan = buildInstallPlan('oracle', 0, { triggerTableOwners: { PCEST: 'WINTHOR' } });
    const stock = plan.statements.find((s) => s.startsWith('CREATE OR REPLACE TRIGGER WTC_TRG_PCEST\n'))!;
    expect(stock).toContain('QTPENDENTE ON WINTHOR.PCEST\n');
    const product = plan.statements.find((s) =>
      s.startsWith('CREATE OR REPLACE TRIGGER WTC_TRG_PCPRODUT\n'),
    )!;
    expect(product).toContain('EXIBESEMESTOQUEECOMMERCE ON PCPRODUT\n');
  });
});

describe("install into another owner's schema (Oracle, CURRENT_SCHEMA ≠ user): GRANTs to the connected user", () => {
  const grantsOf = (statements: string[]) => statements.filter((s) => s.startsWith('GRANT '));

  it('grants every WTC_ table and every sequence, each right after its creation and before the version is recorded', () => {
    const plan = buildInstallPlan('oracle', 0, { grantTo: 'INTEGRA' });
    expect(plan.grantTo).toBe('INTEGRA');
    const tables = [
      SCHEMA_VERSION_TABLE,
      ...INTEGRATION_TABLES,
      ...ENGINE_TABLES,
      ...ORDER_TABLES,
      ...MONITORING_TABLES,
      ...LEASE_TABLES,
    ];
    const withSequence = [
      ...INTEGRATION_TABLES,
      ...ENGINE_TABLES,
      ...ORDER_TABLES,
      ...MONITORING_TABLES,
    ].filter((t) => t.columns.some((c) => c.type.kind === 'id'));
    expect(grantsOf(plan.statements).sort()).toEqual(
      [
        ...tables.map((t) => `GRANT SELECT, INSERT, UPDATE, DELETE ON ${t.name} TO INTEGRA`),
        ...withSequence.map((t) => `GRANT SELECT ON ${t.name}_SEQ TO INTEGRA`),
      ].sort(),
    );
    const at = (text: string) => plan.statements.findIndex((s) => s.includes(text));
    expect(at('GRANT SELECT, INSERT, UPDATE, DELETE ON WTC_SCHEMA_VERSION')).toBeGreaterThan(
      at('CREATE TABLE WTC_SCHEMA_VERSION'),
    );
    expect(at('GRANT SELECT ON WTC_CHANGE_QUEUE_SEQ')).toBeGreaterThan(
      at('CREATE SEQUENCE WTC_CHANGE_QUEUE_SEQ'),
    );
    expect(at('GRANT SELECT ON WTC_CHANGE_QUEUE_SEQ')).toBeLessThan(at('VALUES (1, SYSDATE,'));
    expect(plan.script).toContain('GRANT SELECT, INSERT, UPDATE, DELETE ON WTC_CHANGE_QUEUE TO INTEGRA\n/\n');
    expect(plan.script).toContain(
      `-- conectado como o dono desse esquema. Ele concede a INTEGRA SELECT, INSERT, UPDATE e DELETE`,
    );
    // An upgrade grants again what is already there (GRANT is idempotent), so an older install is covered.
    expect(grantsOf(buildInstallPlan('oracle', 2, { grantTo: 'INTEGRA' }).statements)).toHaveLength(
      tables.length + withSequence.length,
    );
    expect(buildInstallPlan('oracle', 0, { grantTo: 'integra.x' }).statements).toContain(
      'GRANT SELECT ON WTC_CHANGE_QUEUE_SEQ TO "integra.x"',
    );
  });

  it("grants nothing in the user's own schema, offline, or on SQLite", () => {
    expect(grantsOf(buildInstallPlan('oracle', 0).statements)).toEqual([]);
    expect(buildInstallPlan('oracle', 0).grantTo).toBeUndefined();
    expect(grantsOf(buildInstallPlan('sqlite', 0, { grantTo: 'INTEGRA' }).statements)).toEqual([]);
  });
});
