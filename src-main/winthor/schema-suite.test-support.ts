import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import type { Db } from './db/db';
import { install, uninstall } from './schema/installer';

export interface SchemaSuiteOptions {
  /** Skip the whole block (Oracle when WINTHOR_TEST_ORACLE is not set). */
  skip?: boolean;
  /** Our tables emptied before each test, in this order. */
  emptyBeforeEach: readonly string[];
}

/**
 * A describe block about our tables on any Db holding the demo WinThor (the embedded database always,
 * Oracle when WINTHOR_TEST_ORACLE is set): the Db is opened and our schema uninstalled and installed afresh
 * once, the given tables are emptied before each test, and the Db is closed at the end. The tests read the
 * open Db through `db()` (it opens in beforeAll, after the tests are declared).
 */
export const schemaSuite = (
  title: string,
  open: () => Promise<Db>,
  options: SchemaSuiteOptions,
  tests: (db: () => Db) => void,
) =>
  describe.skipIf(options.skip ?? false)(title, () => {
    let db: Db | undefined;
    const current = (): Db => {
      if (!db) throw new Error('schemaSuite: the Db is not open yet (use db() inside a test or hook).');
      return db;
    };
    beforeAll(async () => {
      db = await open();
      await uninstall(db);
      await install(db);
    }, 120_000);
    afterAll(async () => db?.close());
    beforeEach(async () => {
      for (const table of options.emptyBeforeEach) await current().execute(`DELETE FROM ${table}`);
    });
    tests(current);
  });
