import { join } from 'node:path';
import { SqliteDb } from '../db/sqlite-db';
import { install } from '../schema/installer';
import { createDemoSchema } from './demo-schema';
import { isDemoSeeded, seedDemo, type SeedSummary } from './seed';
import { seedCities } from './seed-cities';

export const DEMO_DATABASE_FILE = 'winthor-demo.sqlite';

export const demoDatabasePath = (dataDir: string): string => join(dataDir, DEMO_DATABASE_FILE);

export interface DemoDatabaseReport {
  file: string;
  /** Set when this call seeded the database (it was empty). */
  seeded: SeedSummary | null;
  schemaVersion: number;
}

/** Creates the demo WinThor if needed: PC* tables, seed (only when empty), integration schema. */
export const prepareDemoDatabase = async (
  file: string,
  options: { products?: number; installSchema?: boolean } = {},
): Promise<DemoDatabaseReport> => {
  const db = new SqliteDb({ file });
  try {
    await createDemoSchema(db);
    const seeded = (await isDemoSeeded(db))
      ? null
      : await seedDemo(db, {
          barcodeTypos: true,
          ...(options.products !== undefined ? { products: options.products } : {}),
        });
    // A demo made before PCCIDADE existed: its cities, so customers can be created (ADR 0110).
    if (!seeded && !(await db.queryOne(`SELECT PCCIDADE.CODCIDADE FROM PCCIDADE`))) await seedCities(db);
    const plan = options.installSchema === false ? null : await install(db);
    return { file, seeded, schemaVersion: plan?.targetVersion ?? 0 };
  } finally {
    await db.close();
  }
};
