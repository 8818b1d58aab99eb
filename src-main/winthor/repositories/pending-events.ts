import type { DbSession } from '../db/db';
import { chunk, fit, inList, toNumber, toOptionalDate, toOptionalText, toText } from './sql-helpers';

export const PENDING_EVENT_ACTIONS = [
  'failed',
  'retry',
  'ignored',
  'reopened',
  'resolved',
  /** "Importar mesmo assim" on a possible duplicate (ADR 0219): the operator's decision, who and when. */
  'import_anyway',
] as const;
export type PendingEventAction = (typeof PENDING_EVENT_ACTIONS)[number];

/** One line of a pendência's history (WTC_PENDING_EVENT). */
export interface PendingEvent {
  id: number;
  pendingId: number;
  at: Date;
  action: PendingEventAction;
  kind: string | null;
  message: string | null;
  actor: string | null;
}

/** Appends the same history line to each pendência named (one round trip). */
export const recordPendingEvents = async (
  db: DbSession,
  pendingIds: readonly number[],
  event: {
    action: PendingEventAction;
    at: Date;
    kind: string | null;
    message: string | null;
    actor?: string | null;
  },
): Promise<void> => {
  if (pendingIds.length === 0) return;
  await db.executeMany(
    `INSERT INTO WTC_PENDING_EVENT (ID, PENDING_ID, EVENT_AT, ACTION, ERROR_KIND, MESSAGE, ACTOR)
     VALUES (${db.dialect.nextId('WTC_PENDING_EVENT')}, :pending_id, :event_at, :action, :error_kind, :message, :actor)`,
    pendingIds.map((id) => ({
      pending_id: id,
      event_at: event.at,
      action: event.action,
      error_kind: fit(event.kind, 60),
      message: fit(event.message, 4000),
      actor: fit(event.actor ?? null, 60),
    })),
  );
};

/** A pendência's history, oldest first (at most `limit` lines: the newest ones). */
export const listPendingEvents = async (
  db: DbSession,
  pendingId: number,
  limit = 200,
): Promise<PendingEvent[]> => {
  const rows = await db.query(
    db.dialect.limit(
      `SELECT WTC_PENDING_EVENT.ID, WTC_PENDING_EVENT.PENDING_ID, WTC_PENDING_EVENT.EVENT_AT,
              WTC_PENDING_EVENT.ACTION, WTC_PENDING_EVENT.ERROR_KIND, WTC_PENDING_EVENT.MESSAGE,
              WTC_PENDING_EVENT.ACTOR
         FROM WTC_PENDING_EVENT WHERE WTC_PENDING_EVENT.PENDING_ID = :pending_id
        ORDER BY WTC_PENDING_EVENT.ID DESC`,
    ),
    { pending_id: pendingId, row_limit: limit },
  );
  return rows
    .map((row) => ({
      id: toNumber(row.ID),
      pendingId: toNumber(row.PENDING_ID),
      at: toOptionalDate(row.EVENT_AT) ?? new Date(0),
      action: toText(row.ACTION) as PendingEventAction,
      kind: toOptionalText(row.ERROR_KIND),
      message: toOptionalText(row.MESSAGE),
      actor: toOptionalText(row.ACTOR),
    }))
    .reverse();
};

/** Deletes the history of these pendências (retention, before the pendências themselves). */
export const deletePendingEvents = async (db: DbSession, pendingIds: readonly number[]): Promise<number> => {
  let deleted = 0;
  for (const ids of chunk(pendingIds, 500)) {
    const list = inList('p', ids);
    deleted += (
      await db.execute(
        `DELETE FROM WTC_PENDING_EVENT WHERE WTC_PENDING_EVENT.PENDING_ID IN (${list.sql})`,
        list.binds,
      )
    ).rowsAffected;
  }
  return deleted;
};
