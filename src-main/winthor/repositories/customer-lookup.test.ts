import { describe, expect, it } from 'vitest';
import type { DbSession } from '../db/db';
import { oracleDialect } from '../db/dialect';
import { findCustomer } from './customer-lookup';

describe('customer lookup: the CGCENT index first, never a full scan of PCCLIENT', () => {
  it('tries the usual stored forms, then the other forms found in an index range, reading only the needed columns', async () => {
    const asked: Array<{ sql: string; binds: Record<string, unknown> }> = [];
    const answers = [
      [],
      [{ CGCENT: '529982247-25' }, { CGCENT: '529.982.247-25' }],
      [{ CODCLI: 77, CLIENTE: 'MARIA', CGCENT: '529982247-25', IEENT: 'ISENTO' }],
    ];
    const db = {
      dialect: oracleDialect,
      query: async (sql: string, binds: Record<string, unknown>) => {
        asked.push({ sql: sql.replace(/\s+/g, ' '), binds });
        return answers.shift() ?? [];
      },
    } as unknown as DbSession;
    expect(await findCustomer(db, { document: '529.982.247-25' })).toEqual({
      codcli: 77,
      name: 'MARIA',
      document: '529982247-25',
      ie: 'ISENTO',
    });
    const select = 'SELECT PCCLIENT.CODCLI, PCCLIENT.CLIENTE, PCCLIENT.CGCENT, PCCLIENT.IEENT FROM PCCLIENT';
    expect(asked[0]).toEqual({
      sql: `${select} WHERE PCCLIENT.CGCENT IN (:doc0, :doc1) AND PCCLIENT.DTEXCLUSAO IS NULL ORDER BY PCCLIENT.CODCLI`,
      binds: { doc0: '52998224725', doc1: '529.982.247-25' },
    });
    // The fallback reads CGCENT only, in the LIKE '52%' range of its index: no PCCLIENT row is visited.
    expect(asked[1]!.sql).toMatch(
      /^SELECT DISTINCT PCCLIENT\.CGCENT FROM PCCLIENT WHERE PCCLIENT\.CGCENT LIKE :doc_prefix AND REPLACE\(/,
    );
    expect(asked[1]!.binds).toEqual({ doc_prefix: '52%', doc_digits: '52998224725' });
    // Then only the new forms, by index again.
    expect(asked[2]).toEqual({
      sql: `${select} WHERE PCCLIENT.CGCENT IN (:doc0) AND PCCLIENT.DTEXCLUSAO IS NULL ORDER BY PCCLIENT.CODCLI`,
      binds: { doc0: '529982247-25' },
    });
    expect(asked).toHaveLength(3);
  });

  it('stops after the index lookup when the usual forms exist, and after the range when nothing else matches', async () => {
    let calls = 0;
    const db = {
      dialect: oracleDialect,
      query: async () => {
        calls++;
        return [];
      },
    } as unknown as DbSession;
    expect(await findCustomer(db, { document: '11222333000181', ie: '1' })).toBeUndefined();
    expect(calls).toBe(2);
  });
});
