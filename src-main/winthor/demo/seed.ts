import type { Db, DbSession } from '../db/db';
import { DEMO_BRANCH_CODES } from './demo-branches';
import { insertAll } from './insert-rows';
import { createPrng } from './prng';
import { seedCategories } from './seed-categories';
import { seedCities } from './seed-cities';
import { seedCustomers } from './seed-customers';
import { seedLookups } from './seed-lookups';
import { seedProducts } from './seed-products';

export interface SeedOptions {
  /** Number of products (default 600; the generator scales to 100 000). */
  products?: number;
  customers?: number;
  seed?: number;
  /** Date written in DTCADASTRO/DTULTALTER columns. */
  now?: Date;
  /**
   * Give every 97th product a barcode with a wrong check digit, so the demo shows a pendência (the app's
   * demo database does; the tests' catalogue is clean unless a test asks).
   */
  barcodeTypos?: boolean;
}

export interface SeedSummary {
  products: number;
  customers: number;
  branches: string[];
}

/** True when the demo tables exist and hold branches. */
export const isDemoSeeded = async (db: DbSession): Promise<boolean> => {
  try {
    const row = await db.queryOne(`SELECT COUNT(*) AS N FROM PCFILIAL`);
    return Number(row?.N ?? 0) > 0;
  } catch {
    return false;
  }
};

/**
 * Fills the demo WinThor (deterministic: same seed, same catalogue) through the Db port, in one
 * transaction. The tables must exist (createDemoSchema). Refuses a database that already holds branches,
 * so it can never mix into an existing catalogue — never point it at a production WinThor.
 */
export const seedDemo = async (db: Db, options: SeedOptions = {}): Promise<SeedSummary> => {
  const products = options.products ?? 600;
  const customers = options.customers ?? 60;
  const rng = createPrng(options.seed ?? 20261128);
  const now = options.now ?? new Date(2026, 10, 1, 8, 0, 0);
  if (await isDemoSeeded(db)) throw new Error('O banco de demonstração já tem dados; use um arquivo novo.');
  await db.transaction(async (tx) => {
    await seedLookups(tx, rng, now);
    const leaves = await seedCategories(tx);
    await seedProducts(tx, rng, products, leaves, now, options.barcodeTypos ?? false);
    const cities = await seedCities(tx);
    await seedCustomers(tx, rng, customers, cities, now);
    await insertAll(tx, 'PCCONSUM', [{ PROXNUMCLI: customers + 1 }]);
  });
  return { products, customers, branches: [...DEMO_BRANCH_CODES] };
};
