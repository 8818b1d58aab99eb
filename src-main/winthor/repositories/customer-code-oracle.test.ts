import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/app-error';

/**
 * The customer code on Oracle, against a mocked node-oracledb: each pooled connection is numbered and every
 * call on it is logged, so the test sees exactly which statements ran in which transaction.
 */
const driver = vi.hoisted(() => ({
  log: [] as string[],
  nextId: 0,
  /** PROXNUMCLI after the increment, as the RETURNING clause hands it back. */
  counterAfter: 43 as number | null,
  counterRows: 1,
  /** Make the counter UPDATE fail as a call timeout does (a lock wait cut short). */
  counterTimesOut: false,
}));

vi.mock('oracledb', () => {
  const connection = (id: number) => {
    const c = {
      callTimeout: 0,
      oracleServerVersionString: '19.0.0',
      execute: async (sql: string) => {
        const text = sql.replace(/\s+/g, ' ').trim();
        driver.log.push(`#${id} ${text} [call timeout ${c.callTimeout} ms]`);
        if (text.startsWith('UPDATE PCCONSUM')) {
          if (driver.counterTimesOut)
            throw Object.assign(new Error('NJS-123: call timeout of 10000 ms exceeded'), { code: 'NJS-123' });
          return {
            rowsAffected: driver.counterRows,
            outBinds: { ret_proxnumcli: Array(driver.counterRows).fill(driver.counterAfter) },
          };
        }
        if (text.includes('FROM PCCIDADE'))
          return { rows: [{ CODCIDADE: 1, NOMECIDADE: 'PORTO ALEGRE', UF: 'RS', CODIBGE: 4314902 }] };
        if (text.startsWith('INSERT INTO PCCLIENT')) return { rowsAffected: 1 };
        return { rows: [] };
      },
      commit: async () => void driver.log.push(`#${id} COMMIT`),
      rollback: async () => void driver.log.push(`#${id} ROLLBACK`),
      close: async () => void driver.log.push(`#${id} release`),
    };
    return c;
  };
  const api = {
    thin: true,
    OUT_FORMAT_OBJECT: 4002,
    BIND_OUT: 3003,
    DB_TYPE_NUMBER: 2010,
    DB_TYPE_VARCHAR: 2001,
    DB_TYPE_CLOB: 2017,
    DB_TYPE_DATE: 2011,
    createPool: async () => ({
      getConnection: async () => connection(++driver.nextId),
      close: async () => {},
    }),
  };
  return { default: api, ...api };
});

const defaults = {
  codcob: 'CART',
  codplpag: 1,
  codpraca: 1,
  codusur: 99,
  codatv: 2,
  numregiao: null,
  codfilialnf: '1',
  companyWithIeIsFinalConsumer: false,
};

const openDb = async () => {
  const { OracleDb } = await import('../db/oracle-db');
  const db = await OracleDb.open({ connectString: 'x', user: 'u', password: 'p' });
  driver.log.length = 0;
  driver.nextId = 0;
  return db;
};

beforeEach(() => {
  driver.log.length = 0;
  driver.nextId = 0;
  driver.counterAfter = 43;
  driver.counterRows = 1;
  driver.counterTimesOut = false;
});

describe('customer code on Oracle: PCCONSUM is never held across other work', () => {
  it('UPDATE … RETURNING and COMMIT alone in their transaction, then the customer insert in another', async () => {
    const { createCustomer } = await import('./customers-repository');
    const codcli = await createCustomer(
      await openDb(),
      { name: 'Maria', document: '52998224725', ibgeCode: 4314902 },
      defaults,
    );
    expect(codcli).toBe(42);
    expect(driver.log).toEqual([
      expect.stringMatching(/^#1 SELECT .* FROM PCCIDADE WHERE PCCIDADE\.CODIBGE = :codibge /),
      '#1 release',
      // The lock on PCCONSUM lives for exactly these two calls, with a bounded wait (10 s call timeout).
      '#2 UPDATE PCCONSUM SET PROXNUMCLI = PCCONSUM.PROXNUMCLI + 1 RETURNING PROXNUMCLI INTO :ret_proxnumcli [call timeout 10000 ms]',
      '#2 COMMIT',
      '#2 release',
      '#3 SELECT PCCLIENT.CODCLI FROM PCCLIENT WHERE PCCLIENT.CODCLI = :codcli [call timeout 60000 ms]',
      '#3 release',
      expect.stringMatching(/^#4 INSERT INTO PCCLIENT \(CODCLI, .* \[call timeout 60000 ms\]$/),
      '#4 COMMIT',
      '#4 release',
    ]);
    expect(driver.log.some((l) => /FOR UPDATE/.test(l))).toBe(false);
  });

  it('a lock wait past the timeout takes nothing, inserts nothing and says so in pt-BR', async () => {
    driver.counterTimesOut = true;
    const { createCustomer } = await import('./customers-repository');
    const error = await createCustomer(
      await openDb(),
      { name: 'Maria', document: '52998224725', ibgeCode: 4314902 },
      defaults,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'counter_locked', retryable: true });
    expect((error as AppError).message).toContain('PCCONSUM.PROXNUMCLI');
    expect(driver.log).toContain('#2 ROLLBACK');
    expect(driver.log.some((l) => l.includes('INSERT INTO PCCLIENT'))).toBe(false);
  });

  it('a NULL counter or one that changes two rows is rolled back at once, before anything else runs', async () => {
    const { takeNextCustomerCode } = await import('./customer-code');
    driver.counterAfter = null;
    await expect(takeNextCustomerCode(await openDb())).rejects.toMatchObject({ code: 'missing_counter' });
    expect(driver.log.slice(-2)).toEqual(['#1 ROLLBACK', '#1 release']);
    driver.counterAfter = 43;
    driver.counterRows = 2;
    await expect(takeNextCustomerCode(await openDb())).rejects.toMatchObject({
      code: 'counter_update_failed',
    });
    expect(driver.log).toEqual([
      '#1 UPDATE PCCONSUM SET PROXNUMCLI = PCCONSUM.PROXNUMCLI + 1 RETURNING PROXNUMCLI INTO :ret_proxnumcli [call timeout 10000 ms]',
      '#1 ROLLBACK',
      '#1 release',
    ]);
  });
});
