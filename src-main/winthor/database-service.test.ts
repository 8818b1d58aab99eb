import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../contract';
import type { Db, DbSession, Row } from './db/db';
import { sqliteDialect } from './db/dialect';
import type { DatabaseSettings } from './db/open-db';
import { DatabaseService } from './database-service';

/** A fake Db whose calls fail once it is closed, as a closed pool's do. */
class FakeDb {
  readonly kind = 'embedded' as const;
  readonly dialect = sqliteDialect;
  closed = false;
  constructor(readonly file: string) {}
  private check(): void {
    if (this.closed) throw new Error(`NJS-065: connection pool was closed (${this.file})`);
  }
  async query<T extends Row>(): Promise<T[]> {
    this.check();
    return [{ FILE: this.file } as unknown as T];
  }
  async queryOne<T extends Row>(): Promise<T | undefined> {
    this.check();
    return { FILE: this.file } as unknown as T;
  }
  async execute() {
    this.check();
    return { rowsAffected: 1 };
  }
  async executeMany() {
    this.check();
    return { rowsAffected: 1 };
  }
  async *stream<T extends Row>(): AsyncIterable<T> {
    this.check();
    yield { N: 1 } as unknown as T;
    await new Promise((r) => setTimeout(r, 5));
    this.check();
    yield { N: 2 } as unknown as T;
  }
  async transaction<T>(work: (tx: DbSession) => Promise<T>): Promise<T> {
    this.check();
    const result = await work(this as unknown as DbSession);
    this.check(); // the commit
    return result;
  }
  async info() {
    return { kind: 'embedded' as const, driverMode: 'embedded' as const, serverVersion: this.file };
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

const gate = () => {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
};

const setup = (drainTimeoutMs = 60_000) => {
  let settings: Settings = defaultSettings();
  const use = (file: string) => {
    settings = { ...settings, database: { ...settings.database, kind: 'embedded', embedded: { file } } };
  };
  const opened = new Map<string, FakeDb>();
  const service = new DatabaseService(() => settings, {
    drainTimeoutMs,
    open: async (database: DatabaseSettings) => {
      const db = new FakeDb(database.embedded.file);
      opened.set(db.file, db);
      return db as unknown as Db;
    },
  });
  use('a.db');
  return { service, use, opened };
};

describe('DatabaseService: a settings change never cuts the work running on the previous database', () => {
  it('keeps the old database open until its running transaction commits, then closes it', async () => {
    const { service, use, opened } = setup();
    const slow = gate();
    const running = (await service.get()).transaction(async (tx) => {
      await tx.execute('UPDATE X SET A = 1');
      await slow.promise;
      return tx.query('SELECT 1');
    });
    use('b.db');
    const next = await service.get();
    expect(await next.query('SELECT 1')).toEqual([{ FILE: 'b.db' }]);
    expect(opened.get('a.db')!.closed).toBe(false);
    slow.open();
    expect(await running).toEqual([{ FILE: 'a.db' }]);
    await expect.poll(() => opened.get('a.db')!.closed).toBe(true);
    expect(opened.get('b.db')!.closed).toBe(false);
    await service.close();
    expect(opened.get('b.db')!.closed).toBe(true);
  });

  it('use(work) holds the database across several calls (e.g. an install)', async () => {
    const { service, use, opened } = setup();
    const between = gate();
    const work = service.use(async (db) => {
      await db.execute('CREATE TABLE T (A INT)');
      await between.promise;
      await db.execute('CREATE TABLE U (A INT)');
      return (await db.info()).serverVersion;
    });
    await new Promise((r) => setTimeout(r, 0));
    use('b.db');
    await service.get();
    await new Promise((r) => setTimeout(r, 10));
    expect(opened.get('a.db')!.closed).toBe(false);
    between.open();
    expect(await work).toBe('a.db');
    await expect.poll(() => opened.get('a.db')!.closed).toBe(true);
  });

  it('counts a stream as work until it is read to the end', async () => {
    const { service, use, opened } = setup();
    const rows: unknown[] = [];
    const reading = (async () => {
      for await (const row of (await service.get()).stream('SELECT N FROM T')) {
        rows.push(row);
        if (rows.length === 1) {
          use('b.db');
          await service.get();
        }
      }
    })();
    await reading;
    expect(rows).toEqual([{ N: 1 }, { N: 2 }]);
    await expect.poll(() => opened.get('a.db')!.closed).toBe(true);
  });

  it('closes an idle previous database at once, and a stuck one after the drain time', async () => {
    const idle = setup();
    await idle.service.get();
    idle.use('b.db');
    await idle.service.get();
    await expect.poll(() => idle.opened.get('a.db')!.closed).toBe(true);

    const stuck = setup(20);
    void (await stuck.service.get()).transaction(() => new Promise(() => {})).catch(() => {});
    stuck.use('b.db');
    await stuck.service.get();
    expect(stuck.opened.get('a.db')!.closed).toBe(false);
    await expect.poll(() => stuck.opened.get('a.db')!.closed, { timeout: 1000 }).toBe(true);
  });

  it('keeps instanceof and the extra members of the real adapter', async () => {
    const { service } = setup();
    const db = await service.get();
    expect(db).toBeInstanceOf(FakeDb);
    expect((db as unknown as FakeDb).file).toBe('a.db');
  });
});
