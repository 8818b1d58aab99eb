import type { DbSession } from '../db/db';
import { pendingWhere, type PendingFilter } from './pending-queries';
import { recordPendingEvents } from './pending-events';
import { fit, toNumber, toText } from './sql-helpers';

/** What a bulk action touched: each pendência with its entity and branch (to start their jobs). */
export interface TouchedPending {
  id: number;
  entity: string;
  branch: string;
}

/** Most pendências one action changes (a group larger than this is retried in more than one click). */
export const MAX_PENDINGS_PER_ACTION = 50_000;

/**
 * "Tentar de novo": the chosen pendências (ids, or every one a filter finds — a whole group) are due now
 * (NEXT_ATTEMPT_AT = now); an ignored one is reopened. The jobs retry open pendências of their entity on
 * every run. Resolved ones are left alone.
 */
export const retryPendings = async (
  db: DbSession,
  selection: PendingFilter,
  at: Date,
  actor: string,
): Promise<TouchedPending[]> => {
  const { where, binds } = pendingWhere(db, { ...selection, status: undefined });
  where.push(`WTC_PENDING.STATUS IN ('open', 'ignored')`);
  const touched = await selectIds(db, where, binds);
  if (touched.length === 0) return [];
  await updateIds(
    db,
    touched,
    `STATUS = 'open', NEXT_ATTEMPT_AT = :at, IGNORE_REASON = NULL, IGNORED_BY = NULL, IGNORED_AT = NULL`,
    `WTC_PENDING.STATUS IN ('open', 'ignored')`,
    { at },
  );
  await recordPendingEvents(
    db,
    touched.map((t) => t.id),
    { action: 'retry', at, kind: null, message: null, actor },
  );
  return touched;
};

/** "Ignorar": open pendências chosen leave the list of open ones, with the reason, who and when. */
export const ignorePendings = async (
  db: DbSession,
  selection: PendingFilter,
  reason: string,
  at: Date,
  actor: string,
): Promise<TouchedPending[]> => {
  const { where, binds } = pendingWhere(db, { ...selection, status: undefined });
  where.push(`WTC_PENDING.STATUS = 'open'`);
  const touched = await selectIds(db, where, binds);
  if (touched.length === 0) return [];
  await updateIds(
    db,
    touched,
    `STATUS = 'ignored', IGNORE_REASON = :reason, IGNORED_BY = :actor, IGNORED_AT = :at, NEXT_ATTEMPT_AT = NULL`,
    `WTC_PENDING.STATUS = 'open'`,
    { reason: fit(reason, 400), actor: fit(actor, 60), at },
  );
  await recordPendingEvents(
    db,
    touched.map((t) => t.id),
    { action: 'ignored', at, kind: null, message: fit(reason, 400), actor },
  );
  return touched;
};

const selectIds = async (
  db: DbSession,
  where: string[],
  binds: Record<string, unknown>,
): Promise<TouchedPending[]> => {
  const rows = await db.query(
    db.dialect.limit(
      `SELECT WTC_PENDING.ID, WTC_PENDING.ENTITY, WTC_PENDING.BRANCH FROM WTC_PENDING
        WHERE ${where.join(' AND ')} ORDER BY WTC_PENDING.ID DESC`,
    ),
    { ...(binds as Record<string, never>), row_limit: MAX_PENDINGS_PER_ACTION },
  );
  return rows.map((row) => ({
    id: toNumber(row.ID),
    entity: toText(row.ENTITY),
    branch: toText(row.BRANCH),
  }));
};

/**
 * One UPDATE per 500 ids (Oracle takes at most 1000 items in an IN list); `guard` again, so a pendência a
 * job resolved meanwhile is not touched (the caller runs both in one transaction).
 */
const updateIds = async (
  db: DbSession,
  touched: readonly TouchedPending[],
  set: string,
  guard: string,
  binds: Record<string, string | Date | null>,
): Promise<void> => {
  for (let i = 0; i < touched.length; i += 500) {
    const ids = touched.slice(i, i + 500);
    const names = ids.map((_, j) => `:id${j}`);
    await db.execute(
      `UPDATE WTC_PENDING SET ${set} WHERE WTC_PENDING.ID IN (${names.join(', ')}) AND ${guard}`,
      { ...binds, ...Object.fromEntries(ids.map((t, j) => [`id${j}`, t.id])) },
    );
  }
};
