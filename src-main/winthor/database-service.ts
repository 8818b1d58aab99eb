import type { Settings } from '../api/contract';
import type { Db } from './db/db';
import { openDb, type DatabaseSettings } from './db/open-db';

/**
 * The runtime's database: opened lazily from the settings on first use, re-opened when the database
 * settings change, closed with the runtime.
 */
export class DatabaseService {
  private current: { key: string; db: Promise<Db> } | undefined;

  constructor(private readonly readSettings: () => Settings) {}

  /** The Db for the current settings (opens or re-opens it). */
  async get(): Promise<Db> {
    const database = this.readSettings().database;
    const key = JSON.stringify(database);
    if (this.current?.key !== key) {
      const previous = this.current;
      const db = openDb(database);
      this.current = { key, db };
      db.catch(() => {
        if (this.current?.db === db) this.current = undefined;
      });
      if (previous) void previous.db.then((d) => d.close()).catch(() => {});
    }
    return this.current.db;
  }

  /** Opens a database just for `work` (e.g. "test connection" before the settings are saved). */
  async withTemporary<T>(database: DatabaseSettings, work: (db: Db) => Promise<T>): Promise<T> {
    const db = await openDb(database);
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  }

  async close(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    if (current) await current.db.then((db) => db.close()).catch(() => {});
  }
}
