import { expect, it } from 'vitest';
import type { Db, DbSession } from './db/db';
import { claimLease, readLease, releaseLease, type LeaseClaim } from './repositories/engine-lease-repository';
import { schemaSuite } from './schema-suite.test-support';

const engine = (id: string, hostName: string): LeaseClaim => ({
  instanceId: id,
  hostName,
  dataDir: `C:\\Dados\\${id}`,
  pid: 100,
  version: '0.1.0',
  hostKind: 'headless',
});
const A = engine('a', 'SERVIDOR');
const B = engine('b', 'ESTACAO');
const EXPIRY = { expirySeconds: 120 };

/**
 * The engine lease (schema version 8, ADR 0310) on any Db holding the demo WinThor: the embedded database
 * always, Oracle when WINTHOR_TEST_ORACLE is set (the conditional UPDATE, SYSDATE arithmetic, the key).
 */
export const engineLeaseSuite = (label: string, open: () => Promise<Db>, options: { skip?: boolean } = {}) =>
  schemaSuite(
    `lease do integrador no banco (${label})`,
    open,
    { skip: options.skip, emptyBeforeEach: ['WTC_ENGINE_LEASE'] },
    (db) => {
      it('the first claim takes it; another engine loses and reads who holds it; renewals keep "desde"', async () => {
        expect(await readLease(db(), 120)).toBeNull();
        const first = await claimLease(db(), A, EXPIRY);
        expect(first.won).toBe(true);
        expect(first.row).toMatchObject({
          instanceId: 'a',
          hostName: 'SERVIDOR',
          dataDir: 'C:\\Dados\\a',
          pid: 100,
        });
        const lost = await claimLease(db(), B, EXPIRY);
        expect(lost.won).toBe(false);
        expect(lost.row).toMatchObject({ instanceId: 'a', hostName: 'SERVIDOR', expired: false });
        const renewed = await claimLease(db(), A, EXPIRY);
        expect(renewed.won).toBe(true);
        expect(renewed.row?.acquiredAt?.getTime()).toBe(first.row?.acquiredAt?.getTime());
      });

      it('two engines claiming a fresh database at once: exactly one wins', async () => {
        const results = await Promise.all([claimLease(db(), A, EXPIRY), claimLease(db(), B, EXPIRY)]);
        expect(results.filter((r) => r.won)).toHaveLength(1);
        const holder = (await readLease(db(), 120))?.instanceId;
        expect(['a', 'b']).toContain(holder);
      });

      it('expires by the database clock: a heartbeat older than the expiry may be taken', async () => {
        await claimLease(db(), A, EXPIRY);
        await db().execute(`UPDATE WTC_ENGINE_LEASE SET HEARTBEAT_AT = ${db().dialect.secondsAgo('ago')}`, {
          ago: 130,
        });
        expect((await readLease(db(), 120))?.expired).toBe(true);
        expect((await readLease(db(), 200))?.expired).toBe(false);
        const taken = await claimLease(db(), B, EXPIRY);
        expect(taken.won).toBe(true);
        expect(taken.row).toMatchObject({ instanceId: 'b', hostName: 'ESTACAO', expired: false });
        expect((await claimLease(db(), A, EXPIRY)).won).toBe(false);
      });

      it('"Assumir" takes it from a live holder; release frees only what the engine holds', async () => {
        await claimLease(db(), A, EXPIRY);
        expect((await claimLease(db(), B, { ...EXPIRY, force: true })).won).toBe(true);
        expect((await claimLease(db(), A, EXPIRY)).won).toBe(false);
        expect(await releaseLease(db(), 'a')).toBe(false);
        expect((await readLease(db(), 120))?.instanceId).toBe('b');
        expect(await releaseLease(db(), 'b')).toBe(true);
        const free = await readLease(db(), 120);
        expect(free).toMatchObject({ instanceId: null, hostName: 'ESTACAO', expired: false });
        expect((await claimLease(db(), A, EXPIRY)).won).toBe(true);
      });
      it('a claim whose row names another engine after its UPDATE (forced in between) did not keep it', async () => {
        await claimLease(db(), A, EXPIRY);
        let forced = false;
        // A's renewal updates the row; before it reads it back, B forces ("Assumir").
        const racing: DbSession = new Proxy(db(), {
          get: (target, property) =>
            property === 'execute'
              ? async (sql: string, binds: Record<string, unknown>) => {
                  const result = await target.execute(sql, binds as never);
                  if (!forced) {
                    forced = true;
                    await claimLease(db(), B, { ...EXPIRY, force: true });
                  }
                  return result;
                }
              : Reflect.get(target, property),
        });
        const renewal = await claimLease(racing, A, EXPIRY);
        expect(renewal.row?.instanceId).toBe('b');
        expect(renewal.won).toBe(false);
      });

      it('a dead previous process of this installation is replaced once quiet 75 s; a live one or another is not', async () => {
        await claimLease(db(), A, EXPIRY);
        const restarted: LeaseClaim = { ...A, instanceId: 'a2', pid: 200 };
        expect((await claimLease(db(), restarted, EXPIRY)).won).toBe(false);
        // Renewed just now (alive in another pid namespace, or on another machine of the same name): not taken.
        expect((await claimLease(db(), restarted, { ...EXPIRY, replace: 'a' })).won).toBe(false);
        await db().execute(`UPDATE WTC_ENGINE_LEASE SET HEARTBEAT_AT = ${db().dialect.secondsAgo('ago')}`, {
          ago: 40,
        });
        expect((await claimLease(db(), restarted, { ...EXPIRY, replace: 'a' })).won).toBe(false);
        await db().execute(`UPDATE WTC_ENGINE_LEASE SET HEARTBEAT_AT = ${db().dialect.secondsAgo('ago')}`, {
          ago: 80,
        });
        expect((await claimLease(db(), restarted, { ...EXPIRY, replace: 'x' })).won).toBe(false);
        const taken = await claimLease(db(), restarted, { ...EXPIRY, replace: 'a' });
        expect(taken.won).toBe(true);
        expect(taken.row).toMatchObject({ instanceId: 'a2', pid: 200 });
        expect((await claimLease(db(), B, { ...EXPIRY, replace: null })).won).toBe(false);
      });
    },
  );
