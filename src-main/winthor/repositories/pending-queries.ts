import type { Binds, DbSession } from '../db/db';
import { PENDING_COLUMNS, toPending, type PendingRecord, type PendingStatus } from './pendings-repository';
import { toNumber, toText } from './sql-helpers';
import { containsFilter } from './text-filter';

/** What the Pendências screen filters by (every field optional). */
export interface PendingFilter {
  branch?: string;
  entity?: string;
  kind?: string;
  status?: PendingStatus;
  /** Last attempt (UPDATED_AT) from / to. */
  from?: Date;
  to?: Date;
  /** The item's key exactly, or words of the message. */
  text?: string;
  ids?: readonly number[];
  beforeId?: number;
  limit?: number;
}

/** The WHERE clause of a filter (without paging), for lists, groups and bulk actions alike. */
export const pendingWhere = (db: DbSession, filter: PendingFilter): { where: string[]; binds: Binds } => {
  const where: string[] = [];
  const binds: Binds = {};
  if (filter.branch) {
    where.push('WTC_PENDING.BRANCH = :branch');
    binds.branch = filter.branch;
  }
  if (filter.entity) {
    where.push('WTC_PENDING.ENTITY = :entity');
    binds.entity = filter.entity;
  }
  if (filter.kind) {
    where.push('WTC_PENDING.ERROR_KIND = :error_kind');
    binds.error_kind = filter.kind;
  }
  if (filter.status) {
    where.push('WTC_PENDING.STATUS = :status');
    binds.status = filter.status;
  }
  if (filter.from) {
    where.push('WTC_PENDING.UPDATED_AT >= :from_at');
    binds.from_at = filter.from;
  }
  if (filter.to) {
    where.push('WTC_PENDING.UPDATED_AT <= :to_at');
    binds.to_at = filter.to;
  }
  if (filter.text?.trim()) {
    const contains = containsFilter(db, 'WTC_PENDING.MESSAGE', 'text_like', filter.text);
    where.push(`(WTC_PENDING.ERP_KEY = :text_key OR ${contains.sql})`);
    Object.assign(binds, contains.binds, { text_key: filter.text.trim() });
  }
  if (filter.ids) {
    if (filter.ids.length === 0) where.push('1 = 0');
    else {
      const names = filter.ids.map((id, i) => {
        binds[`id${i}`] = id;
        return `:id${i}`;
      });
      where.push(`WTC_PENDING.ID IN (${names.join(', ')})`);
    }
  }
  return { where, binds };
};

/** Newest first, keyset paging by ID (one page more than asked tells whether there is a next page). */
export const listPendings = async (db: DbSession, filter: PendingFilter = {}): Promise<PendingRecord[]> => {
  const { where, binds } = pendingWhere(db, filter);
  where.push('WTC_PENDING.ID < :before_id');
  const rows = await db.query(
    db.dialect.limit(
      `SELECT ${PENDING_COLUMNS} FROM WTC_PENDING WHERE ${where.join(' AND ')} ORDER BY WTC_PENDING.ID DESC`,
    ),
    { ...binds, before_id: filter.beforeId ?? Number.MAX_SAFE_INTEGER, row_limit: filter.limit ?? 100 },
  );
  return rows.map(toPending);
};

export const getPending = async (db: DbSession, id: number): Promise<PendingRecord | undefined> => {
  const row = await db.queryOne(`SELECT ${PENDING_COLUMNS} FROM WTC_PENDING WHERE WTC_PENDING.ID = :id`, {
    id,
  });
  return row ? toPending(row) : undefined;
};

/** One group of the Pendências screen: a kind of an entity, with its count. */
export interface PendingGroup {
  entity: string;
  kind: string;
  count: number;
}

/**
 * Pendências grouped by entity and kind, largest group first (the filter's kind is ignored). Counted from
 * the index WTC_PENDING_KIND_IX alone when filtered by state (and branch): no table row is read.
 */
export const groupPendings = async (db: DbSession, filter: PendingFilter = {}): Promise<PendingGroup[]> => {
  const { where, binds } = pendingWhere(db, { ...filter, kind: undefined, ids: undefined });
  const rows = await db.query(
    `SELECT WTC_PENDING.ENTITY, WTC_PENDING.ERROR_KIND, COUNT(*) AS N
       FROM WTC_PENDING ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      GROUP BY WTC_PENDING.ENTITY, WTC_PENDING.ERROR_KIND
      ORDER BY COUNT(*) DESC, WTC_PENDING.ERROR_KIND`,
    binds,
  );
  return rows.map((row) => ({
    entity: toText(row.ENTITY),
    kind: toText(row.ERROR_KIND),
    count: toNumber(row.N),
  }));
};

/**
 * Open pendências of every branch by kind, with the first and last one (alerts: "a new kind"). With
 * `selfRetrying`, each row also counts its pendências of those kinds still in their first attempts (below
 * `belowAttempts`): the engine retries them on its own, no person needed yet (ADR 0035). That second count
 * reads only the rows of those kinds (index on STATUS, BRANCH, ENTITY, ERROR_KIND), not every open one.
 */
export const openPendingKinds = async (
  db: DbSession,
  selfRetrying?: { kinds: readonly string[]; belowAttempts: number },
): Promise<
  Array<{ branch: string; entity: string; kind: string; count: number; maxId: number; retrying: number }>
> => {
  const rows = await db.query(
    `SELECT WTC_PENDING.BRANCH, WTC_PENDING.ENTITY, WTC_PENDING.ERROR_KIND, COUNT(*) AS N,
            MAX(WTC_PENDING.ID) AS MAX_ID
       FROM WTC_PENDING WHERE WTC_PENDING.STATUS = 'open'
      GROUP BY WTC_PENDING.BRANCH, WTC_PENDING.ENTITY, WTC_PENDING.ERROR_KIND`,
  );
  const retrying = new Map<string, number>();
  if (selfRetrying && selfRetrying.kinds.length > 0) {
    const binds: Record<string, string | number> = { below: selfRetrying.belowAttempts };
    selfRetrying.kinds.forEach((kind, i) => (binds[`k${i}`] = kind));
    const early = await db.query(
      `SELECT WTC_PENDING.BRANCH, WTC_PENDING.ENTITY, WTC_PENDING.ERROR_KIND, COUNT(*) AS N
         FROM WTC_PENDING
        WHERE WTC_PENDING.STATUS = 'open'
          AND WTC_PENDING.ERROR_KIND IN (${selfRetrying.kinds.map((_, i) => `:k${i}`).join(', ')})
          AND WTC_PENDING.ATTEMPTS < :below
        GROUP BY WTC_PENDING.BRANCH, WTC_PENDING.ENTITY, WTC_PENDING.ERROR_KIND`,
      binds,
    );
    for (const row of early)
      retrying.set(`${toText(row.BRANCH)}|${toText(row.ENTITY)}|${toText(row.ERROR_KIND)}`, toNumber(row.N));
  }
  return rows.map((row) => ({
    branch: toText(row.BRANCH),
    entity: toText(row.ENTITY),
    kind: toText(row.ERROR_KIND),
    count: toNumber(row.N),
    maxId: toNumber(row.MAX_ID),
    retrying: retrying.get(`${toText(row.BRANCH)}|${toText(row.ENTITY)}|${toText(row.ERROR_KIND)}`) ?? 0,
  }));
};

/** Pendências of a kind created after `afterId`, oldest first (alerts told once per item). */
export const listPendingsAfter = async (
  db: DbSession,
  kind: string,
  afterId: number,
  limit: number,
): Promise<PendingRecord[]> => {
  const rows = await db.query(
    db.dialect.limit(
      `SELECT ${PENDING_COLUMNS} FROM WTC_PENDING
        WHERE WTC_PENDING.ERROR_KIND = :error_kind AND WTC_PENDING.ID > :after_id ORDER BY WTC_PENDING.ID`,
    ),
    { error_kind: kind, after_id: afterId, row_limit: limit },
  );
  return rows.map(toPending);
};
