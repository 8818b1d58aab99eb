import type { DbSession } from '../db/db';
import { insertWithId } from './insert-with-id';
import { fit, toNumber, toOptionalDate, toOptionalText, toText } from './sql-helpers';

export const PENDING_STATUSES = ['open', 'resolved', 'ignored'] as const;
export type PendingStatus = (typeof PENDING_STATUSES)[number];

/**
 * An item that could not go through (WTC_PENDING): one open record per (entity, branch, key). The same
 * failure on the next run updates it; a fixed item resolves it.
 */
export interface PendingRecord {
  id: number;
  entity: string;
  branch: string;
  erpKey: string;
  kind: string;
  message: string;
  fix: string | null;
  attempts: number;
  nextAttemptAt: Date | null;
  status: PendingStatus;
  createdAt: Date;
  updatedAt: Date;
}

export interface PendingProblem {
  entity: string;
  branch: string;
  erpKey: string;
  kind: string;
  message: string;
  fix: string | null;
  nextAttemptAt?: Date | null;
  /** Retry later and later (the store refused it: each attempt costs a call); otherwise every run. */
  backoff?: boolean;
}

const COLUMNS = `WTC_PENDING.ID, WTC_PENDING.ENTITY, WTC_PENDING.BRANCH, WTC_PENDING.ERP_KEY, WTC_PENDING.ERROR_KIND,
  WTC_PENDING.MESSAGE, WTC_PENDING.FIX, WTC_PENDING.ATTEMPTS, WTC_PENDING.NEXT_ATTEMPT_AT, WTC_PENDING.STATUS,
  WTC_PENDING.CREATED_AT, WTC_PENDING.UPDATED_AT`;

const toPending = (row: Record<string, unknown>): PendingRecord => ({
  id: toNumber(row.ID),
  entity: toText(row.ENTITY),
  branch: toText(row.BRANCH),
  erpKey: toText(row.ERP_KEY),
  kind: toText(row.ERROR_KIND),
  message: toText(row.MESSAGE),
  fix: toOptionalText(row.FIX),
  attempts: toNumber(row.ATTEMPTS),
  nextAttemptAt: toOptionalDate(row.NEXT_ATTEMPT_AT),
  status: toText(row.STATUS) as PendingStatus,
  createdAt: toOptionalDate(row.CREATED_AT) ?? new Date(0),
  updatedAt: toOptionalDate(row.UPDATED_AT) ?? new Date(0),
});

const KEY = `WTC_PENDING.ENTITY = :entity AND WTC_PENDING.BRANCH = :branch AND WTC_PENDING.ERP_KEY = :erp_key`;

/**
 * Opens a pendência, or updates the open one of the same item (message, kind, one more attempt).
 * Returns whether it is new (for alerts: "a new pendência").
 */
export const recordPending = async (
  db: DbSession,
  problem: PendingProblem,
  at: Date,
): Promise<{ id: number; created: boolean }> => {
  const key = { entity: problem.entity, branch: problem.branch, erp_key: problem.erpKey };
  const open = await db.queryOne(
    `SELECT WTC_PENDING.ID, WTC_PENDING.ATTEMPTS FROM WTC_PENDING WHERE ${KEY} AND WTC_PENDING.STATUS = 'open'`,
    key,
  );
  const attempts = open ? toNumber(open.ATTEMPTS) + 1 : 1;
  const nextAttemptAt = problem.backoff
    ? new Date(at.getTime() + retryDelayMs(attempts))
    : (problem.nextAttemptAt ?? null);
  const fields = {
    error_kind: fit(problem.kind, 20) ?? 'erro',
    message: fit(problem.message, 4000) ?? '-',
    fix: fit(problem.fix, 4000),
    next_attempt_at: nextAttemptAt,
    updated_at: at,
  };
  if (open) {
    const id = toNumber(open.ID);
    await db.execute(
      `UPDATE WTC_PENDING SET ERROR_KIND = :error_kind, MESSAGE = :message, FIX = :fix,
         ATTEMPTS = ATTEMPTS + 1, NEXT_ATTEMPT_AT = :next_attempt_at, UPDATED_AT = :updated_at
        WHERE WTC_PENDING.ID = :id`,
      { id, ...fields },
    );
    return { id, created: false };
  }
  const id = await insertWithId(db, 'WTC_PENDING', {
    ENTITY: problem.entity,
    BRANCH: problem.branch,
    ERP_KEY: problem.erpKey,
    ERROR_KIND: fields.error_kind,
    MESSAGE: fields.message,
    FIX: fields.fix,
    ATTEMPTS: 1,
    NEXT_ATTEMPT_AT: fields.next_attempt_at,
    STATUS: 'open',
    CREATED_AT: at,
    UPDATED_AT: at,
  });
  return { id, created: true };
};

/** The item went through: its open pendência (if any) closes itself. Returns how many were closed. */
export const resolvePendings = async (
  db: DbSession,
  items: ReadonlyArray<{ entity: string; branch: string; erpKey: string }>,
  at: Date,
): Promise<number> => {
  let closed = 0;
  for (const item of items) {
    closed += (
      await db.execute(
        `UPDATE WTC_PENDING SET STATUS = 'resolved', UPDATED_AT = :updated_at
          WHERE ${KEY} AND WTC_PENDING.STATUS = 'open'`,
        { entity: item.entity, branch: item.branch, erp_key: item.erpKey, updated_at: at },
      )
    ).rowsAffected;
  }
  return closed;
};

/**
 * Keys of an entity's open pendências in a branch. With `dueAt`, only those due for another attempt (no
 * next attempt set, or set before that time), the longest waiting first: a job retries these.
 */
export const openPendingKeys = async (
  db: DbSession,
  entity: string,
  branch: string,
  options: { dueAt?: Date; limit?: number } = {},
): Promise<Set<string>> => {
  const due = options.dueAt
    ? ' AND (WTC_PENDING.NEXT_ATTEMPT_AT IS NULL OR WTC_PENDING.NEXT_ATTEMPT_AT <= :due_at)'
    : '';
  const rows = await db.query(
    db.dialect.limit(
      `SELECT WTC_PENDING.ERP_KEY FROM WTC_PENDING
        WHERE WTC_PENDING.ENTITY = :entity AND WTC_PENDING.BRANCH = :branch AND WTC_PENDING.STATUS = 'open'${due}
        ORDER BY COALESCE(WTC_PENDING.NEXT_ATTEMPT_AT, WTC_PENDING.UPDATED_AT), WTC_PENDING.ID`,
    ),
    {
      entity,
      branch,
      row_limit: options.limit ?? 1000,
      ...(options.dueAt ? { due_at: options.dueAt } : {}),
    },
  );
  return new Set(rows.map((row) => toText(row.ERP_KEY)));
};

/** Waits between attempts of an item the store refused: 5 min, doubling, at most a day. */
export const retryDelayMs = (attempts: number): number =>
  Math.min(24 * 3_600_000, 5 * 60_000 * 2 ** Math.max(0, Math.min(attempts - 1, 20)));
/**
 * Keys of an entity's open pendências that wait for a person and were asked to run again ("reprocessar"):
 * NEXT_ATTEMPT_AT set and reached. A pendência recorded without NEXT_ATTEMPT_AT is not due.
 */
export const duePendingKeys = async (
  db: DbSession,
  entity: string,
  branch: string,
  now: Date,
): Promise<Set<string>> => {
  const rows = await db.query(
    `SELECT WTC_PENDING.ERP_KEY FROM WTC_PENDING
      WHERE WTC_PENDING.ENTITY = :entity AND WTC_PENDING.BRANCH = :branch AND WTC_PENDING.STATUS = 'open'
        AND WTC_PENDING.NEXT_ATTEMPT_AT IS NOT NULL AND WTC_PENDING.NEXT_ATTEMPT_AT <= :now`,
    { entity, branch, now },
  );
  return new Set(rows.map((row) => toText(row.ERP_KEY)));
};

export interface PendingFilter {
  branch?: string;
  entity?: string;
  status?: PendingStatus;
  beforeId?: number;
  limit?: number;
}

export const listPendings = async (db: DbSession, filter: PendingFilter = {}): Promise<PendingRecord[]> => {
  const where = ['WTC_PENDING.ID < :before_id'];
  const binds: Record<string, string | number> = {
    before_id: filter.beforeId ?? Number.MAX_SAFE_INTEGER,
    row_limit: filter.limit ?? 100,
  };
  if (filter.branch) {
    where.push('WTC_PENDING.BRANCH = :branch');
    binds.branch = filter.branch;
  }
  if (filter.entity) {
    where.push('WTC_PENDING.ENTITY = :entity');
    binds.entity = filter.entity;
  }
  if (filter.status) {
    where.push('WTC_PENDING.STATUS = :status');
    binds.status = filter.status;
  }
  const rows = await db.query(
    db.dialect.limit(
      `SELECT ${COLUMNS} FROM WTC_PENDING WHERE ${where.join(' AND ')} ORDER BY WTC_PENDING.ID DESC`,
    ),
    binds,
  );
  return rows.map(toPending);
};

/** Open pendências per entity of a branch (Painel). */
export const countOpenPendings = async (db: DbSession, branch: string): Promise<Record<string, number>> => {
  const rows = await db.query(
    `SELECT WTC_PENDING.ENTITY, COUNT(*) AS N FROM WTC_PENDING
      WHERE WTC_PENDING.BRANCH = :branch AND WTC_PENDING.STATUS = 'open' GROUP BY WTC_PENDING.ENTITY`,
    { branch },
  );
  return Object.fromEntries(rows.map((row) => [toText(row.ENTITY), toNumber(row.N)]));
};
