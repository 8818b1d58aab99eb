import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDemoDatabase } from './demo-database';
import { SqliteDb } from '../db/sqlite-db';
import { isValidEan13 } from './check-digits';
import { createDemoSchema } from './demo-schema';
import { DEMO_TABLES } from './demo-tables';
import { seedDemo } from './seed';
import { DEMO_CITIES } from './seed-cities';
import { eanFor } from './seed-products';

describe('demo WinThor seed', () => {
  it('is deterministic, has valid EAN-13 codes, and refuses to seed twice', async () => {
    const snapshot = async () => {
      const db = new SqliteDb({ file: ':memory:' });
      await createDemoSchema(db);
      const summary = await seedDemo(db, { products: 500 });
      const rows = await db.query(
        'SELECT PCPRODUT.CODPROD, PCPRODUT.DESCRICAO, PCPRODUT.CODAUXILIAR, PCEST.QTESTGER FROM PCPRODUT JOIN PCEST ON PCEST.CODPROD = PCPRODUT.CODPROD ORDER BY 1, PCEST.CODFILIAL',
      );
      return { db, summary, rows };
    };
    const a = await snapshot();
    const b = await snapshot();
    expect(a.summary).toEqual({ products: 500, customers: 60, branches: ['1', '2'] });
    expect(a.rows).toHaveLength(1000);
    expect(a.rows).toEqual(b.rows);
    expect(a.rows.every((r) => isValidEan13(String(r.CODAUXILIAR)))).toBe(true);
    expect(new Set(a.rows.map((r) => r.CODAUXILIAR)).size).toBe(500);
    expect(isValidEan13(eanFor(100_000))).toBe(true);
    await expect(seedDemo(a.db)).rejects.toThrow(/já tem dados/);
    const regions = await a.db.query('SELECT DISTINCT PCTABPR.NUMREGIAO FROM PCTABPR ORDER BY 1');
    expect(regions.map((r) => r.NUMREGIAO)).toEqual([1, 2, 3]);
    await a.db.close();
    await b.db.close();
  });

  it('declares every demo column with its dictionary type', async () => {
    const db = new SqliteDb({ file: ':memory:' });
    await createDemoSchema(db);
    const info = await db.query(`SELECT name, type FROM pragma_table_info('PCEST')`);
    expect(Object.fromEntries(info.map((c) => [c.NAME, c.TYPE]))).toEqual(DEMO_TABLES.PCEST!.columns);
    await db.close();
  });

  it('brings a demo file made by an older version up to the current tables and columns, with its cities', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wtc-demo-'));
    try {
      const file = join(dir, 'old.sqlite');
      const old = new SqliteDb({ file });
      await createDemoSchema(old);
      await seedDemo(old, { products: 3, customers: 2 });
      await old.execute(`ALTER TABLE PCCLIENT DROP COLUMN CODFILIALNF`);
      await old.execute(`DROP TABLE PCCIDADE`);
      await old.close();
      await prepareDemoDatabase(file, { installSchema: false });
      const db = new SqliteDb({ file });
      const columns = await db.query(`SELECT name AS NAME FROM pragma_table_info('PCCLIENT')`);
      expect(columns.map((c) => c.NAME)).toContain('CODFILIALNF');
      expect((await db.queryOne(`SELECT COUNT(*) AS N FROM PCCIDADE`))!.N).toBe(DEMO_CITIES.length);
      await db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
