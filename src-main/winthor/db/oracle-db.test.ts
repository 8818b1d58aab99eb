import oracledb, { type Pool, type PoolAttributes } from 'oracledb';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/app-error';
import { openDb } from './open-db';
import { OracleDb } from './oracle-db';

describe('OracleDb without a server (real node-oracledb Thin driver)', () => {
  it('reports an unreachable host as one clear message', async () => {
    const error = await OracleDb.open({
      connectString: '127.0.0.1:1/FREEPDB1',
      user: 'u',
      password: 'p',
      poolMin: 0,
      poolMax: 1,
      connectTimeoutSeconds: 3,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('db_unreachable');
    expect((error as AppError).message).toMatch(
      /^Banco Oracle: não foi possível conectar ao servidor \(NJS-\d+\)\.$/,
    );
  }, 20_000);

  it('closes the pool it created when the first connection fails (no pool left retrying in the background)', async () => {
    const createPool = oracledb.createPool.bind(oracledb);
    const created: Pool[] = [];
    const closed: Array<number | undefined> = [];
    const spy = vi.spyOn(oracledb, 'createPool').mockImplementation(async (attributes) => {
      const pool = await createPool(attributes);
      const close = pool.close.bind(pool);
      pool.close = (drainTime?: number) => {
        closed.push(drainTime);
        return close(drainTime);
      };
      created.push(pool);
      return pool;
    });
    try {
      const error = await OracleDb.open({
        connectString: '127.0.0.1:1/FREEPDB1',
        user: 'u',
        password: 'p',
        poolMin: 1,
        poolMax: 2,
        connectTimeoutSeconds: 3,
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'db_unreachable' });
      expect(created).toHaveLength(1);
      expect(closed).toEqual([0]);
    } finally {
      spy.mockRestore();
    }
  }, 20_000);

  it('asks for the missing setting before trying to connect', async () => {
    const error = await openDb({
      kind: 'oracle',
      oracle: {
        connectString: 'srv:1521/WINT',
        user: '',
        password: '',
        instantClientDir: '',
        poolMin: 1,
        poolMax: 4,
        schema: '',
      },
      embedded: { file: '' },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'db_not_configured', field: 'database.oracle.user' });
  });

  it("the lease's own pool has two connections (a release never waits behind a claim) and short waits", async () => {
    const attributes: PoolAttributes[] = [];
    const spy = vi.spyOn(oracledb, 'createPool').mockImplementation(async (given) => {
      attributes.push(given);
      throw new Error('NJS-503: connection to host srv port 1521 could not be established');
    });
    try {
      await openDb(
        {
          kind: 'oracle',
          oracle: {
            connectString: 'srv:1521/WINT',
            user: 'u',
            password: 'p',
            instantClientDir: '',
            poolMin: 1,
            poolMax: 4,
            schema: '',
          },
          embedded: { file: '' },
        },
        { dedicated: { timeoutSeconds: 10 } },
      ).catch(() => undefined);
      expect(attributes[0]).toMatchObject({
        poolMin: 0,
        poolMax: 2,
        queueTimeout: 10_000,
        connectTimeout: 10,
      });
    } finally {
      spy.mockRestore();
    }
  });
});

describe('Oracle bind conversion', () => {
  it('binds Dates as DATE (local wall clock), booleans as 1/0, and only the names the SQL uses', async () => {
    const { toOracleBinds } = await import('./oracle-db');
    const oracledb = (await import('oracledb')).default;
    const when = new Date(2026, 10, 28, 9, 30, 0);
    const sql =
      'UPDATE PCPEDCFV SET IMPORTADO = :importado WHERE PCPEDCFV.DTABERTURAPEDPALM = :dt AND PCPEDCFV.CODUSUR = :flag';
    expect(toOracleBinds(sql, { importado: 1, dt: when, flag: true, unused: 'x' })).toEqual({
      importado: 1,
      dt: { val: when, type: oracledb.DB_TYPE_DATE },
      flag: 1,
    });
    expect(toOracleBinds(sql, { importado: 1, dt: when, flag: false }, true)).toEqual({
      importado: 1,
      dt: when,
      flag: 0,
    });
    expect(toOracleBinds('CREATE OR REPLACE TRIGGER X BEGIN :NEW.A := :OLD.A; END;', undefined)).toEqual({});
  });
});
