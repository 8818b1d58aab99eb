import type { DbSession } from '../db/db';
import { toNumber, toOptionalText, toText } from './sql-helpers';

/** One coalesced change: many queue rows of the same (entity, branch, key) become one. */
export interface QueuedChange {
  entity: string;
  branch: string | null;
  key: string;
  /** Last operation seen: I, U or D. */
  operation: string;
  /** Highest queue ID folded into this change. */
  lastId: number;
  count: number;
}

export interface ChangeBatch {
  /** Highest ID read: everything up to it may be deleted once handled. 0 when the queue is empty. */
  watermark: number;
  changes: QueuedChange[];
}

/**
 * Reads a batch of the change queue (WTC_CHANGE_QUEUE) for some entities, oldest first, up to `limit` rows,
 * coalescing repeated keys (ADR 0102). Rows written after the read are left for the next batch.
 */
export const readChanges = async (
  db: DbSession,
  entities: readonly string[],
  limit = 1000,
): Promise<ChangeBatch> => {
  const binds: Record<string, string | number> = { row_limit: limit };
  const names = entities.map((entity, i) => {
    binds[`e${i}`] = entity;
    return `:e${i}`;
  });
  const rows = await db.query(
    db.dialect.limit(
      `SELECT ID, ENTITY, BRANCH, ERP_KEY, OPERATION FROM WTC_CHANGE_QUEUE WHERE ENTITY IN (${names.join(', ')}) ORDER BY ID`,
    ),
    binds,
  );
  const byKey = new Map<string, QueuedChange>();
  let watermark = 0;
  for (const row of rows) {
    const id = toNumber(row.ID);
    watermark = Math.max(watermark, id);
    const change = {
      entity: toText(row.ENTITY),
      branch: toOptionalText(row.BRANCH),
      key: toText(row.ERP_KEY),
    };
    const mapKey = `${change.entity}|${change.branch ?? ''}|${change.key}`;
    const existing = byKey.get(mapKey);
    if (existing) {
      existing.operation = toText(row.OPERATION);
      existing.lastId = id;
      existing.count++;
    } else byKey.set(mapKey, { ...change, operation: toText(row.OPERATION), lastId: id, count: 1 });
  }
  return { watermark, changes: [...byKey.values()] };
};

/** Deletes the handled rows of these entities up to the watermark. */
export const deleteChanges = async (
  db: DbSession,
  entities: readonly string[],
  watermark: number,
): Promise<number> => {
  const binds: Record<string, string | number> = { watermark };
  const names = entities.map((entity, i) => {
    binds[`e${i}`] = entity;
    return `:e${i}`;
  });
  return (
    await db.execute(
      `DELETE FROM WTC_CHANGE_QUEUE WHERE ID <= :watermark AND ENTITY IN (${names.join(', ')})`,
      binds,
    )
  ).rowsAffected;
};
