import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindNames, pickBinds } from './binds';
import { SqliteDb } from './sqlite-db';

describe('SqliteDb adapter', () => {
  it('returns UPPERCASE keys, binds only the names the SQL uses, and keeps dates as wall-clock values', async () => {
    const db = new SqliteDb({ file: ':memory:' });
    await db.execute('CREATE TABLE T (id INTEGER, dt DATE, txt TEXT)');
    const when = new Date(2026, 0, 31, 23, 59, 58);
    await db.execute('INSERT INTO T (id, dt, txt) VALUES (:id, :dt, :txt)', {
      id: 1,
      dt: when,
      txt: 'a',
      unused: 5,
    });
    expect(await db.query('SELECT id, dt, txt AS Lower_Alias FROM T')).toEqual([
      { ID: 1, DT: when, LOWER_ALIAS: 'a' },
    ]);
    await expect(db.query('SELECT id FROM T WHERE id = :missing', {})).rejects.toThrow(/:missing/);
    // Text of a date's length that is not a date stays text.
    for (const txt of [
      '2026-01-31 23:59:5x',
      '2026/01/31 23:59:58',
      'abcd-ef-gh ij:kl:mn',
      '1234567890123456789',
    ])
      await db.execute('INSERT INTO T (id, txt) VALUES (2, :txt)', { txt });
    expect((await db.query('SELECT txt FROM T WHERE id = 2')).map((row) => row.TXT)).toEqual([
      '2026-01-31 23:59:5x',
      '2026/01/31 23:59:58',
      'abcd-ef-gh ij:kl:mn',
      '1234567890123456789',
    ]);
    expect((await db.queryOne("SELECT '2026-02-03 04:05:06' AS D"))!.D).toEqual(
      new Date(2026, 1, 3, 4, 5, 6),
    );
    // Only a DATE (or TIMESTAMP) column or an expression is read as a date: text in a text column stays text.
    await db.execute('CREATE TABLE V (TXT VARCHAR2(30), DT DATE)');
    await db.execute("INSERT INTO V (TXT, DT) VALUES ('2026-02-03 04:05:06', '2026-02-03 04:05:06')");
    expect(await db.queryOne('SELECT V.TXT, V.DT, MAX(V.DT) AS LAST FROM V')).toEqual({
      TXT: '2026-02-03 04:05:06',
      DT: new Date(2026, 1, 3, 4, 5, 6),
      LAST: new Date(2026, 1, 3, 4, 5, 6),
    });
    await db.close();
  });

  it('executeReturning hands back the changed rows (UPDATE … RETURNING), one row per changed row', async () => {
    const db = new SqliteDb({ file: ':memory:' });
    await db.execute('CREATE TABLE C (k TEXT, n INTEGER)');
    await db.execute("INSERT INTO C (k, n) VALUES ('a', 41), ('b', 7)");
    const one = await db.transaction((tx) =>
      tx.executeReturning('UPDATE C SET n = n + 1 WHERE k = :k', { k: 'a', unused: 1 }, { N: 'number' }),
    );
    expect(one).toEqual({ rowsAffected: 1, rows: [{ N: 42 }] });
    const both = await db.executeReturning('UPDATE C SET n = n + 1', undefined, { K: 'text', N: 'number' });
    expect(both.rowsAffected).toBe(2);
    expect(both.rows).toEqual(
      expect.arrayContaining([
        { K: 'a', N: 43 },
        { K: 'b', N: 8 },
      ]),
    );
    await db.close();
  });

  it('rolls a transaction back when the work throws, and serialises concurrent transactions', async () => {
    const db = new SqliteDb({ file: ':memory:' });
    await db.execute('CREATE TABLE C (n INTEGER)');
    await db.execute('INSERT INTO C (n) VALUES (0)');
    await expect(
      db.transaction(async (tx) => {
        await tx.execute('UPDATE C SET n = 100');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await db.queryOne('SELECT n FROM C'))!.N).toBe(0);
    await Promise.all(
      Array.from({ length: 10 }, () =>
        db.transaction(async (tx) => {
          const { N } = (await tx.queryOne<{ N: number }>('SELECT n FROM C'))!;
          await new Promise((r) => setTimeout(r, 1));
          await tx.execute('UPDATE C SET n = :n', { n: N + 1 });
        }),
      ),
    );
    expect((await db.queryOne('SELECT n FROM C'))!.N).toBe(10);
    await db.close();
  });

  it('streams rows one by one and executeMany inserts a batch', async () => {
    const db = new SqliteDb({ file: ':memory:' });
    await db.execute('CREATE TABLE S (n INTEGER)');
    await db.executeMany(
      'INSERT INTO S (n) VALUES (:n)',
      Array.from({ length: 1000 }, (_, n) => ({ n })),
    );
    let sum = 0;
    for await (const row of db.stream<{ N: number }>('SELECT n FROM S WHERE n >= :min', { min: 10 }))
      sum += row.N;
    expect(sum).toBe((999 * 1000) / 2 - 45);
    await db.close();
  });

  it('passes no binds to a statement called without binds (Oracle trigger bodies hold :NEW / :OLD)', () => {
    expect(pickBinds('CREATE TRIGGER T ... :NEW.X := :OLD.X', undefined)).toEqual({});
    expect(() => pickBinds('SELECT 1 FROM T WHERE A = :a', {})).toThrow(/:a/);
    expect(pickBinds('SELECT 1 FROM T WHERE A = :a', { A: 1, other: 2 })).toEqual({ a: 1 });
  });

  it('lets a caller write while it streams a file database (the stream has its own read-only connection)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wtc-stream-'));
    const db = new SqliteDb({ file: join(dir, 'x.sqlite') });
    try {
      await db.execute('CREATE TABLE S (n INTEGER)');
      await db.execute('CREATE TABLE W (n INTEGER)');
      await db.executeMany(
        'INSERT INTO S (n) VALUES (:n)',
        Array.from({ length: 50 }, (_, n) => ({ n })),
      );
      let seen = 0;
      for await (const row of db.stream<{ N: number }>('SELECT n FROM S ORDER BY n')) {
        await db.execute('INSERT INTO W (n) VALUES (:n)', { n: row.N });
        await db.transaction(async (tx) => {
          for await (const inner of tx.stream('SELECT n FROM S WHERE n = :n', { n: row.N }))
            await tx.execute('INSERT INTO W (n) VALUES (:n)', { n: inner.N as number });
        });
        seen++;
      }
      expect(seen).toBe(50);
      expect((await db.queryOne('SELECT COUNT(*) AS C FROM W'))!.C).toBe(100);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds bind names outside strings and comments', () => {
    expect(
      bindNames(
        `SELECT ':no' AS a, x FROM t -- :nope\nWHERE a = :yes AND b = :yes /* :never */ AND c = :other`,
      ),
    ).toEqual(['yes', 'other']);
  });
});

describe('embedded database and the event loop', () => {
  it('a long chain of calls that all answer at once still lets timers run', async () => {
    const db = new SqliteDb({ file: ':memory:' });
    try {
      await db.execute('CREATE TABLE T (N INTEGER)');
      let timerRan = false;
      setTimeout(() => (timerRan = true), 0);
      const started = performance.now();
      let calls = 0;
      // better-sqlite3 answers synchronously: without the adapter's turns this loop would never yield.
      while (!timerRan && performance.now() - started < 2000) {
        await db.queryOne('SELECT COUNT(*) AS N FROM T');
        calls += 1;
      }
      expect(timerRan).toBe(true);
      expect(calls).toBeGreaterThan(1);
      expect(performance.now() - started).toBeLessThan(500);
    } finally {
      await db.close();
    }
  });
});
