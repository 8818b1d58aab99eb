import type { DbSession } from '../db/db';
import { deletePendingEvents } from './pending-events';
import { toNumber } from './sql-helpers';

/**
 * Retention (ADR 0028): each call deletes at most `batch` old rows and returns how many it deleted; the
 * caller repeats, awaiting between batches, until a call deletes fewer than `batch`. Short statements keep
 * the undo (Oracle) and the file lock (SQLite) small, so the engine's own writes are never held up long.
 */
const deleteBatch = async (
  db: DbSession,
  table: string,
  condition: string,
  binds: Record<string, Date | string>,
  batch: number,
): Promise<number> => {
  const rows = await db.query(db.dialect.limit(`SELECT ${table}.ID FROM ${table} WHERE ${condition}`), {
    ...binds,
    row_limit: batch,
  });
  if (rows.length === 0) return 0;
  const ids = rows.map((row) => toNumber(row.ID));
  let deleted = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    deleted += (
      await db.execute(
        `DELETE FROM ${table} WHERE ${table}.ID IN (${part.map((_, j) => `:id${j}`).join(', ')})`,
        Object.fromEntries(part.map((id, j) => [`id${j}`, id])),
      )
    ).rowsAffected;
  }
  return deleted;
};

/** Log lines written before `cutoff`. */
export const purgeLogs = (db: DbSession, cutoff: Date, batch: number): Promise<number> =>
  deleteBatch(db, 'WTC_LOG', 'WTC_LOG.LOGGED_AT < :cutoff', { cutoff }, batch);

/** Finished runs started before `cutoff` (a run still marked running is kept). */
export const purgeRuns = (db: DbSession, cutoff: Date, batch: number): Promise<number> =>
  deleteBatch(
    db,
    'WTC_RUN',
    `WTC_RUN.STARTED_AT < :cutoff AND WTC_RUN.STATUS <> 'running'`,
    { cutoff },
    batch,
  );

/** History lines older than `cutoff`, of any pendência (a long-open one keeps only its recent history). */
export const purgePendingEvents = (db: DbSession, cutoff: Date, batch: number): Promise<number> =>
  deleteBatch(db, 'WTC_PENDING_EVENT', 'WTC_PENDING_EVENT.EVENT_AT < :cutoff', { cutoff }, batch);

/** Resolved pendências closed before `cutoff`, with their history. Open and ignored ones stay. */
export const purgeResolvedPendings = async (db: DbSession, cutoff: Date, batch: number): Promise<number> => {
  const rows = await db.query(
    db.dialect.limit(
      `SELECT WTC_PENDING.ID FROM WTC_PENDING
        WHERE WTC_PENDING.STATUS = 'resolved' AND WTC_PENDING.UPDATED_AT < :cutoff`,
    ),
    { cutoff, row_limit: batch },
  );
  const ids = rows.map((row) => toNumber(row.ID));
  if (ids.length === 0) return 0;
  await deletePendingEvents(db, ids);
  let deleted = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    deleted += (
      await db.execute(
        `DELETE FROM WTC_PENDING WHERE WTC_PENDING.ID IN (${part.map((_, j) => `:id${j}`).join(', ')})
           AND WTC_PENDING.STATUS = 'resolved'`,
        Object.fromEntries(part.map((id, j) => [`id${j}`, id])),
      )
    ).rowsAffected;
  }
  return deleted;
};
