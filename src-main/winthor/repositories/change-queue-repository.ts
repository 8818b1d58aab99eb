import type { DbSession, Row } from '../db/db';
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
  /** Every queue ID folded into this change: what `deleteChanges` removes once it is handled. */
  ids: number[];
}

export interface ChangeBatch {
  /** Every queue ID read, ascending: delete exactly these once handled (never "up to the highest"). */
  ids: number[];
  changes: QueuedChange[];
}

/** Folds queue rows (read in ID order) into one change per (entity, branch, key), keeping every ID read. */
export const coalesceChanges = (rows: ReadonlyArray<Record<string, unknown>>): ChangeBatch => {
  const byKey = new Map<string, QueuedChange>();
  const ids: number[] = [];
  for (const row of rows) {
    const id = toNumber(row.ID);
    ids.push(id);
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
      existing.ids.push(id);
    } else
      byKey.set(mapKey, { ...change, operation: toText(row.OPERATION), lastId: id, count: 1, ids: [id] });
  }
  return { ids, changes: [...byKey.values()] };
};

/** IDs per DELETE: well under Oracle's 1000-expression IN list limit. */
export const DELETE_CHUNK = 500;

/**
 * The oldest `limit` rows of one entity. `ENTITY = :entity ORDER BY ID` is served in order by the index
 * (ENTITY, ID) and stops after `limit` rows (by reading Oracle's top-N rules; the plan was not observed): an
 * `ENTITY IN (…) ORDER BY ID` would make Oracle sort the whole backlog of those entities on every batch.
 */
const oldestOf = (db: DbSession, entity: string, limit: number) =>
  db.query(
    db.dialect.limit(
      `SELECT ID, ENTITY, BRANCH, ERP_KEY, OPERATION FROM WTC_CHANGE_QUEUE WHERE ENTITY = :entity ORDER BY ID`,
    ),
    { entity, row_limit: limit },
  );

/**
 * Reads a batch of the change queue (WTC_CHANGE_QUEUE) for some entities, oldest first, up to `limit` rows,
 * coalescing repeated keys (ADR 0102). One indexed read per entity, merged by ID. Rows not read (committed
 * later, even with a lower ID) stay for the next batch: only the IDs returned here are ever deleted.
 */
export const readChanges = async (
  db: DbSession,
  entities: readonly string[],
  limit = 1000,
): Promise<ChangeBatch> => {
  const perEntity: Row[] = [];
  for (const entity of new Set(entities)) perEntity.push(...(await oldestOf(db, entity, limit)));
  const rows = perEntity.sort((a, b) => toNumber(a.ID) - toNumber(b.ID)).slice(0, limit);
  return coalesceChanges(rows);
};

/**
 * Deletes exactly the queue rows that were read and handled (their IDs), in chunks of DELETE_CHUNK binds.
 * Not "ID <= highest ID read": on Oracle, sequence values are not committed in order (concurrent sessions,
 * sequence CACHE, RAC), so a row with a lower ID can become visible after the read and would be deleted
 * unseen (ADR 0102).
 */
export const deleteChanges = async (db: DbSession, ids: readonly number[]): Promise<number> => {
  let deleted = 0;
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += DELETE_CHUNK) {
    const chunk = unique.slice(start, start + DELETE_CHUNK);
    const binds: Record<string, number> = {};
    const names = chunk.map((id, i) => {
      binds[`id${i}`] = id;
      return `:id${i}`;
    });
    deleted += (await db.execute(`DELETE FROM WTC_CHANGE_QUEUE WHERE ID IN (${names.join(', ')})`, binds))
      .rowsAffected;
  }
  return deleted;
};
