import type { Db } from './db/db';
import { OracleDb } from './db/oracle-db';
import { SqliteDb } from './db/sqlite-db';
import { createDemoSchema, dropDemoSchema } from './demo/demo-schema';
import { seedDemo, type SeedOptions } from './demo/seed';

/** An in-memory demo WinThor, seeded (small by default so tests stay fast). */
export const createTestWinthor = async (options: SeedOptions = {}): Promise<SqliteDb> => {
  const db = new SqliteDb({ file: ':memory:' });
  await createDemoSchema(db);
  await seedDemo(db, { products: 120, customers: 20, ...options });
  return db;
};

/**
 * WINTHOR_TEST_ORACLE = user/password@host:port/service (Easy Connect), e.g.
 * wtc_test/wtc_test@localhost:1521/FREEPDB1. Must be a throw-away schema: the suite drops and creates
 * PC* tables in it.
 */
export const parseOracleTestUrl = (
  value: string,
): { user: string; password: string; connectString: string } => {
  const match = /^([^/@]+)\/([^@]*)@(.+)$/.exec(value.trim());
  if (!match) throw new Error('WINTHOR_TEST_ORACLE: use o formato usuario/senha@host:porta/servico');
  return { user: match[1]!, password: match[2]!, connectString: match[3]! };
};

/** The same demo WinThor in the Oracle named by WINTHOR_TEST_ORACLE (tables dropped and re-created). */
export const createOracleTestWinthor = async (options: SeedOptions = {}): Promise<Db> => {
  const db = await OracleDb.open({
    ...parseOracleTestUrl(process.env.WINTHOR_TEST_ORACLE ?? ''),
    poolMin: 0,
    poolMax: 4,
  });
  await dropDemoSchema(db);
  await createDemoSchema(db);
  await seedDemo(db, { products: 120, customers: 20, ...options });
  return db;
};
