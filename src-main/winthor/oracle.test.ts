import { PARAMETER_RULES } from '../engine/domain/parameter-rules';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../contract';
import { checkPrerequisites } from './prerequisites';
import { readChanges } from './repositories/change-queue-repository';
import { customerRepositorySuite } from './customer-repository-suite.test-support';
import { repositorySuite } from './repository-suite.test-support';
import { engineLeaseSuite } from './engine-lease-suite.test-support';
import { storeOrdersSuite } from './store-orders-suite.test-support';
import { createOracleTestWinthor } from './test-winthor.test-support';
import {
  install,
  listIntegrationObjects,
  planInstall,
  readInstalledVersion,
  uninstall,
} from './schema/installer';
import { TARGET_VERSION } from './schema/migrations';

/**
 * The Oracle suite: runs only when WINTHOR_TEST_ORACLE names a throw-away database
 * (user/password@host:port/service; see docs/oracle-testing.md). It drops and creates PC* tables there.
 */
const ORACLE = process.env.WINTHOR_TEST_ORACLE;

repositorySuite('Oracle', () => createOracleTestWinthor(), { skip: !ORACLE });
customerRepositorySuite('Oracle', () => createOracleTestWinthor(), { skip: !ORACLE });
storeOrdersSuite('Oracle', () => createOracleTestWinthor({ products: 1, customers: 1 }), { skip: !ORACLE });
engineLeaseSuite('Oracle', () => createOracleTestWinthor({ products: 1, customers: 1 }), { skip: !ORACLE });

describe.skipIf(!ORACLE)('instalador no Oracle', () => {
  it('installs idempotently, queues changes by trigger and uninstalls completely', async () => {
    const db = await createOracleTestWinthor({ products: 10, customers: 2 });
    try {
      await uninstall(db);
      await install(db);
      expect(await readInstalledVersion(db)).toBe(TARGET_VERSION);
      expect((await planInstall(db)).statements).toEqual([]);
      await install(db);
      const cache = await db.queryOne(
        `SELECT CACHE_SIZE FROM USER_SEQUENCES WHERE SEQUENCE_NAME = 'WTC_CHANGE_QUEUE_SEQ'`,
      );
      expect(Number(cache?.CACHE_SIZE)).toBe(1000);
      await db.execute(`INSERT INTO PCPEDC (NUMPED, CODFILIAL, POSICAO) VALUES (880001, '1', 'L')`);
      await db.execute(`DELETE FROM WTC_CHANGE_QUEUE`);
      await db.execute(`UPDATE PCEST SET CUSTOREAL = 1 WHERE PCEST.CODPROD = 1`);
      // Null-safe "really changed": watched columns NULL before and after queue nothing (ADR 0102).
      await db.execute(
        `UPDATE PCPRODUT SET DESCRICAO = PCPRODUT.DESCRICAO WHERE PCPRODUT.CODPROD = 1 AND PCPRODUT.DTEXCLUSAO IS NULL`,
      );
      await db.execute(`UPDATE PCPEDC SET POSICAO = PCPEDC.POSICAO WHERE PCPEDC.NUMPED = 880001`);
      await db.execute(
        `UPDATE PCEST SET QTESTGER = PCEST.QTESTGER + 1 WHERE PCEST.CODPROD = 1 AND PCEST.CODFILIAL = '1'`,
      );
      const queued = await db.query(
        `SELECT ENTITY, BRANCH, ERP_KEY, OPERATION FROM WTC_CHANGE_QUEUE ORDER BY ID`,
      );
      expect(queued).toEqual([{ ENTITY: 'stock', BRANCH: '1', ERP_KEY: '1', OPERATION: 'U' }]);
      await db.execute(`UPDATE PCTABPR SET PVENDA2 = 1 WHERE PCTABPR.CODPROD = 2 AND PCTABPR.NUMREGIAO = 1`);
      await db.execute(
        `UPDATE PCCATEGORIA SET CATEGORIA = 'X' WHERE PCCATEGORIA.CODSEC = 101 AND PCCATEGORIA.CODCATEGORIA = 2`,
      );
      const batch = await readChanges(db, ['price', 'category'], 10);
      expect(batch.changes.map((c) => [c.entity, c.key])).toEqual([
        ['price', '2'],
        ['category', 'C:101.2'],
      ]);

      const upsert = db.dialect.upsert(
        'WTC_STORE_BINDING',
        ['STORE_KEY', 'ENTITY', 'ERP_KEY'],
        ['STORE_ID', 'HIDDEN', 'UPDATED_AT'],
        { withId: true },
      );
      await db.execute(upsert, {
        store_key: 's1',
        entity: 'product',
        erp_key: '1',
        store_id: 'A',
        hidden: 0,
        updated_at: new Date(),
      });
      await db.execute(upsert, {
        store_key: 's1',
        entity: 'product',
        erp_key: '1',
        store_id: 'B',
        hidden: 0,
        updated_at: new Date(),
      });
      expect(await db.query(`SELECT ERP_KEY, STORE_ID FROM WTC_STORE_BINDING`)).toEqual([
        { ERP_KEY: '1', STORE_ID: 'B' },
      ]);

      const checks = await checkPrerequisites(db, defaultSettings(), PARAMETER_RULES);
      const byId = Object.fromEntries(checks.map((c) => [c.id, c]));
      expect(byId.connection!.detail).toMatch(/^Oracle .* — driver em modo Thin$/);
      expect(byId['grants.read']!.status).toBe('ok');
      expect(byId['grants.write']!.status).toBe('ok');
      expect(byId['parameter.99.4008']).toMatchObject({ status: 'ok', detail: 'CART (existe em PCCOB)' });
      expect(byId.schema).toMatchObject({ status: 'ok' });
      expect(byId['columns.used']).toMatchObject({ status: 'ok' });
      expect(byId['columns.required']).toMatchObject({ status: 'ok' });
      await uninstall(db);
      expect(await listIntegrationObjects(db)).toEqual([]);
    } finally {
      await db.close();
    }
  }, 120_000);
});
