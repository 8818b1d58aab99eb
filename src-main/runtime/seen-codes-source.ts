import { recordsFromRecordedCodes } from '../engine/mappings/recorded-codes';
import type { SeenCodesSource } from '../engine/mappings/seen-codes';
import type { DatabaseService } from '../winthor/database-service';
import { listStoreCodes } from '../winthor/repositories/store-codes-repository';

/**
 * The mapping screens' "codes seen on orders" from the order import's record (WTC_STORE_CODE, written by
 * the orders job, ADR 0024/0223): a code of the last order run shows at once. Orders of a kind = the
 * sum of its codes' counts (each order carries one code of each kind). Nothing recorded (or the database
 * unreachable): null, and the screen reads a sample of the store's orders instead.
 */
export const storeCodeRecordSource = (database: DatabaseService): SeenCodesSource => ({
  seen: async (branch, kind) => {
    let rows;
    try {
      rows = await database.use((db) => listStoreCodes(db, { branch, kind }));
    } catch {
      return null;
    }
    if (rows.length === 0) return null;
    return {
      orders: rows.reduce((sum, row) => sum + row.count, 0),
      records: recordsFromRecordedCodes(kind, rows),
    };
  },
});
