import type { DbSession } from '../db/db';
import { insertWithId } from './insert-with-id';
import { recordPendingEvents } from './pending-events';
import { fit, toNumber, toOptionalDate, toOptionalText, toText } from './sql-helpers';

export const PENDING_STATUSES = ['open', 'resolved', 'ignored'] as const;
export type PendingStatus = (typeof PENDING_STATUSES)[number];

/** The parameters of a pendência's message code (ADR 0025): the UI renders the kind in its language. */
export type MessageParams = Record<string, string | number | boolean | null>;

/**
 * An item that could not go through (WTC_PENDING): one open record per (entity, branch, key). The same
 * failure on the next run updates it; a fixed item resolves it; an ignored one stays ignored while the
 * same kind of failure repeats (ADR 0026).
 */
export interface PendingRecord {
  id: number;
  entity: string;
  branch: string;
  erpKey: string;
  kind: string;
  message: string;
  fix: string | null;
  params: MessageParams;
  attempts: number;
  nextAttemptAt: Date | null;
  status: PendingStatus;
  createdAt: Date;
  updatedAt: Date;
  ignoreReason: string | null;
  ignoredBy: string | null;
  ignoredAt: Date | null;
  resolvedAt: Date | null;
}

export interface PendingProblem {
  entity: string;
  branch: string;
  erpKey: string;
  /** The message's code (pt-BR words, snake case: `sem_preco`, `ean_invalido`, `loja_conflict`). */
  kind: string;
  /** pt-BR text, kept as it was written (the fallback when the UI has no words for the kind). */
  message: string;
  fix: string | null;
  /** The message's parameters (codprod, barcode, branch…), for the UI's own language. */
  params?: MessageParams;
  nextAttemptAt?: Date | null;
  /** Retry later and later (the store refused it: each attempt costs a call); otherwise every run. */
  backoff?: boolean;
}

export const PENDING_COLUMNS = `WTC_PENDING.ID, WTC_PENDING.ENTITY, WTC_PENDING.BRANCH, WTC_PENDING.ERP_KEY,
  WTC_PENDING.ERROR_KIND, WTC_PENDING.MESSAGE, WTC_PENDING.FIX, WTC_PENDING.PARAMS, WTC_PENDING.ATTEMPTS,
  WTC_PENDING.NEXT_ATTEMPT_AT, WTC_PENDING.STATUS, WTC_PENDING.CREATED_AT, WTC_PENDING.UPDATED_AT,
  WTC_PENDING.IGNORE_REASON, WTC_PENDING.IGNORED_BY, WTC_PENDING.IGNORED_AT, WTC_PENDING.RESOLVED_AT`;

/** The parameters as stored (JSON, at most 1000 bytes: a value too long is cut, never the insert refused). */
export const paramsText = (params: MessageParams | undefined): string | null => {
  if (!params || Object.keys(params).length === 0) return null;
  const clipped = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 200) : v]),
  );
  const text = JSON.stringify(clipped);
  return Buffer.byteLength(text, 'utf8') <= 1000 ? text : null;
};

export const parseParams = (text: string | null): MessageParams => {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).filter(
        ([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v),
      ),
    ) as MessageParams;
  } catch {
    return {};
  }
};

export const toPending = (row: Record<string, unknown>): PendingRecord => ({
  id: toNumber(row.ID),
  entity: toText(row.ENTITY),
  branch: toText(row.BRANCH),
  erpKey: toText(row.ERP_KEY),
  kind: toText(row.ERROR_KIND),
  message: toText(row.MESSAGE),
  fix: toOptionalText(row.FIX),
  params: parseParams(toOptionalText(row.PARAMS)),
  attempts: toNumber(row.ATTEMPTS),
  nextAttemptAt: toOptionalDate(row.NEXT_ATTEMPT_AT),
  status: toText(row.STATUS) as PendingStatus,
  createdAt: toOptionalDate(row.CREATED_AT) ?? new Date(0),
  updatedAt: toOptionalDate(row.UPDATED_AT) ?? new Date(0),
  ignoreReason: toOptionalText(row.IGNORE_REASON),
  ignoredBy: toOptionalText(row.IGNORED_BY),
  ignoredAt: toOptionalDate(row.IGNORED_AT),
  resolvedAt: toOptionalDate(row.RESOLVED_AT),
});

const KEY = `WTC_PENDING.ENTITY = :entity AND WTC_PENDING.BRANCH = :branch AND WTC_PENDING.ERP_KEY = :erp_key`;

/**
 * Opens a pendência, or updates the open (or ignored) one of the same item: message, kind, parameters, one
 * more attempt. An ignored one stays ignored while the same kind repeats; another kind reopens it (a new
 * problem). The history gets a line when something worth reading happened: the first failure, a changed
 * message, or an attempt that was due (a retry asked for, a back-off ended) — not one per scheduled run.
 * Returns whether it is new (for alerts: "a new pendência").
 */
export const recordPending = async (
  db: DbSession,
  problem: PendingProblem,
  at: Date,
): Promise<{ id: number; created: boolean; kindChanged: boolean }> => {
  const key = { entity: problem.entity, branch: problem.branch, erp_key: problem.erpKey };
  const existing = await db.queryOne(
    `SELECT WTC_PENDING.ID, WTC_PENDING.STATUS, WTC_PENDING.ERROR_KIND, WTC_PENDING.MESSAGE,
            WTC_PENDING.NEXT_ATTEMPT_AT, WTC_PENDING.ATTEMPTS
       FROM WTC_PENDING WHERE ${KEY} AND WTC_PENDING.STATUS IN ('open', 'ignored')
      ORDER BY WTC_PENDING.ID DESC`,
    key,
  );
  const attempts = existing ? toNumber(existing.ATTEMPTS) + 1 : 1;
  const nextAttemptAt = problem.backoff
    ? new Date(at.getTime() + retryDelayMs(attempts))
    : (problem.nextAttemptAt ?? null);
  const fields = {
    error_kind: fit(problem.kind, 60) ?? 'erro',
    message: fit(problem.message, 4000) ?? '-',
    fix: fit(problem.fix, 4000),
    params: paramsText(problem.params),
    next_attempt_at: nextAttemptAt,
    updated_at: at,
  };
  if (existing) {
    const id = toNumber(existing.ID);
    const sameKind = toText(existing.ERROR_KIND) === fields.error_kind;
    const reopen = toText(existing.STATUS) === 'ignored' && !sameKind;
    const due = toOptionalDate(existing.NEXT_ATTEMPT_AT);
    await db.execute(
      `UPDATE WTC_PENDING SET ERROR_KIND = :error_kind, MESSAGE = :message, FIX = :fix, PARAMS = :params,
         ATTEMPTS = ATTEMPTS + 1, NEXT_ATTEMPT_AT = :next_attempt_at, UPDATED_AT = :updated_at
         ${reopen ? `, STATUS = 'open', IGNORE_REASON = NULL, IGNORED_BY = NULL, IGNORED_AT = NULL` : ''}
        WHERE WTC_PENDING.ID = :id`,
      { id, ...fields },
    );
    const changed = !sameKind || toText(existing.MESSAGE) !== fields.message;
    if (reopen || changed || (due !== null && due.getTime() <= at.getTime())) {
      await recordPendingEvents(db, [id], {
        action: reopen ? 'reopened' : 'failed',
        at,
        kind: fields.error_kind,
        message: fields.message,
      });
    }
    return { id, created: false, kindChanged: !sameKind || reopen };
  }
  const id = await insertWithId(db, 'WTC_PENDING', {
    ENTITY: problem.entity,
    BRANCH: problem.branch,
    ERP_KEY: problem.erpKey,
    ERROR_KIND: fields.error_kind,
    MESSAGE: fields.message,
    FIX: fields.fix,
    PARAMS: fields.params,
    ATTEMPTS: 1,
    NEXT_ATTEMPT_AT: fields.next_attempt_at,
    STATUS: 'open',
    CREATED_AT: at,
    UPDATED_AT: at,
  });
  await recordPendingEvents(db, [id], {
    action: 'failed',
    at,
    kind: fields.error_kind,
    message: fields.message,
  });
  return { id, created: true, kindChanged: true };
};

/**
 * The item went through: its open or ignored pendência (if any) closes itself — the cause is gone.
 * Returns how many were closed.
 */
export const resolvePendings = async (
  db: DbSession,
  items: ReadonlyArray<{ entity: string; branch: string; erpKey: string }>,
  at: Date,
  /** What resolved it, on the history line (a staged order says so: ADR 0219's notice reads it). */
  message: string | null = null,
): Promise<number> => {
  let closed = 0;
  for (const item of items) {
    const result = await db.executeReturning<{ ID: unknown }>(
      `UPDATE WTC_PENDING SET STATUS = 'resolved', UPDATED_AT = :updated_at, RESOLVED_AT = :updated_at
        WHERE ${KEY} AND WTC_PENDING.STATUS IN ('open', 'ignored')`,
      { entity: item.entity, branch: item.branch, erp_key: item.erpKey, updated_at: at },
      { ID: 'number' },
    );
    if (result.rowsAffected === 0) continue;
    closed += result.rowsAffected;
    await recordPendingEvents(
      db,
      result.rows.map((row) => toNumber(row.ID)),
      { action: 'resolved', at, kind: null, message },
    );
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

/** Keys of an entity's open pendências whose back-off has not ended (NEXT_ATTEMPT_AT after `now`). */
export const backingOffPendingKeys = async (
  db: DbSession,
  entity: string,
  branch: string,
  now: Date,
): Promise<Set<string>> => {
  const rows = await db.query(
    `SELECT WTC_PENDING.ERP_KEY FROM WTC_PENDING
      WHERE WTC_PENDING.ENTITY = :entity AND WTC_PENDING.BRANCH = :branch AND WTC_PENDING.STATUS = 'open'
        AND WTC_PENDING.NEXT_ATTEMPT_AT IS NOT NULL AND WTC_PENDING.NEXT_ATTEMPT_AT > :now`,
    { entity, branch, now },
  );
  return new Set(rows.map((row) => toText(row.ERP_KEY)));
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
