import { describe, expect, it } from 'vitest';
import { install } from '../schema/installer';
import { createTestWinthor } from '../test-winthor.test-support';
import { oracleDialect, sqliteDialect } from './dialect';

describe('dialects', () => {
  it('upsert inserts then updates on the unique key (SQLite, on WTC_STORE_BINDING)', async () => {
    const db = await createTestWinthor({ products: 1, customers: 1 });
    await install(db);
    const sql = sqliteDialect.upsert(
      'WTC_STORE_BINDING',
      ['STORE_KEY', 'ENTITY', 'ERP_KEY'],
      ['STORE_ID', 'PAYLOAD_HASH', 'HIDDEN', 'UPDATED_AT'],
    );
    const row = {
      store_key: 's1',
      entity: 'product',
      erp_key: '10',
      store_id: 'A',
      payload_hash: 'h1',
      hidden: 0,
      updated_at: new Date(2026, 0, 1),
    };
    await db.execute(sql, row);
    await db.execute(sql, { ...row, store_id: 'B', payload_hash: 'h2' });
    expect(
      await db.query('SELECT STORE_KEY, ENTITY, ERP_KEY, STORE_ID, PAYLOAD_HASH FROM WTC_STORE_BINDING'),
    ).toEqual([{ STORE_KEY: 's1', ENTITY: 'product', ERP_KEY: '10', STORE_ID: 'B', PAYLOAD_HASH: 'h2' }]);
    const limited = await db.query(
      sqliteDialect.limit('SELECT PCFILIAL.CODIGO FROM PCFILIAL ORDER BY PCFILIAL.CODIGO'),
      { row_limit: 1 },
    );
    expect(limited).toEqual([{ CODIGO: '1' }]);
    await db.close();
  });

  it('writes the Oracle forms: MERGE, ROWNUM paging, sequence ids', () => {
    expect(oracleDialect.upsert('WTC_BINDING', ['ENTITY', 'ERP_KEY'], ['STORE_ID'])).toBe(
      'MERGE INTO WTC_BINDING T USING (SELECT :entity AS ENTITY, :erp_key AS ERP_KEY, :store_id AS STORE_ID FROM DUAL) S' +
        ' ON (T.ENTITY = S.ENTITY AND T.ERP_KEY = S.ERP_KEY) WHEN MATCHED THEN UPDATE SET T.STORE_ID = S.STORE_ID' +
        ' WHEN NOT MATCHED THEN INSERT (ENTITY, ERP_KEY, STORE_ID) VALUES (S.ENTITY, S.ERP_KEY, S.STORE_ID)',
    );
    expect(oracleDialect.upsert('WTC_BINDING', ['ENTITY'], ['STORE_ID'], { withId: true })).toContain(
      'WHEN NOT MATCHED THEN INSERT (ID, ENTITY, STORE_ID) VALUES (WTC_BINDING_SEQ.NEXTVAL, S.ENTITY, S.STORE_ID)',
    );
    expect(oracleDialect.limit('SELECT X FROM T ORDER BY X')).toBe(
      'SELECT * FROM (SELECT X FROM T ORDER BY X) WHERE ROWNUM <= :row_limit',
    );
    // 11.2 has no FETCH FIRST / OFFSET: ROWNUM for the rows read, and for the n-th row of an ordered query.
    expect(oracleDialect.limitBy('SELECT X FROM T ORDER BY X', 'scan_rows')).toBe(
      'SELECT * FROM (SELECT X FROM T ORDER BY X) WHERE ROWNUM <= :scan_rows',
    );
    expect(oracleDialect.nthRow('SELECT X FROM T ORDER BY X', 'n')).toBe(
      'SELECT * FROM (SELECT Q.*, ROWNUM AS RN_ FROM (SELECT X FROM T ORDER BY X) Q WHERE ROWNUM <= :n) WHERE RN_ = :n',
    );
    expect(oracleDialect.containsText('WTC_LOG.MESSAGE', 't')).toBe(
      "UPPER(WTC_LOG.MESSAGE) LIKE :t ESCAPE '\\'",
    );
    expect(oracleDialect.returning(['PROXNUMCLI'])).toBe(' RETURNING PROXNUMCLI INTO :ret_proxnumcli');
    expect(sqliteDialect.returning(['PROXNUMCLI'])).toBe(' RETURNING PROXNUMCLI');
    // Every row lock the integration takes has a bounded wait (ORA-30006 past it), never an endless one.
    expect(oracleDialect.forUpdate).toBe(' FOR UPDATE WAIT 5');
    expect(oracleDialect.nextId('WTC_LOG')).toBe('WTC_LOG_SEQ.NEXTVAL');
    expect(() => oracleDialect.nextId('X; DROP')).toThrow(/inválido/);
  });
});
