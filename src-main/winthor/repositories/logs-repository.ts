import type { Binds, DbSession } from '../db/db';
import { fit, toNumber, toOptionalDate, toOptionalNumber, toOptionalText, toText } from './sql-helpers';
import { containsPattern, containsSql } from './text-filter';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** One structured log line (WTC_LOG). `details` is JSON text, without secrets. */
export interface LogRecord {
  id?: number;
  at: Date;
  level: LogLevel;
  branch: string | null;
  entity: string | null;
  runId: number | null;
  message: string;
  details: string | null;
}

/** Appends log lines in one round trip. */
export const writeLogs = async (db: DbSession, lines: readonly LogRecord[]): Promise<void> => {
  if (lines.length === 0) return;
  await db.executeMany(
    `INSERT INTO WTC_LOG (ID, LOGGED_AT, LOG_LEVEL, BRANCH, ENTITY, RUN_ID, MESSAGE, DETAILS)
     VALUES (${db.dialect.nextId('WTC_LOG')}, :logged_at, :log_level, :branch, :entity, :run_id, :message, :details)`,
    lines.map((line) => ({
      logged_at: line.at,
      log_level: line.level,
      branch: line.branch,
      entity: line.entity,
      run_id: line.runId,
      message: fit(line.message, 4000) ?? '-',
      details: line.details === null ? null : line.details.slice(0, 32_000),
    })),
  );
};

export interface LogFilter {
  branch?: string;
  entity?: string;
  level?: LogLevel;
  runId?: number;
  from?: Date;
  to?: Date;
  /** Words of the message (contains, ignoring case). */
  text?: string;
  beforeId?: number;
  limit?: number;
}

/** The WHERE clause of a filter (without paging): the same for a page and for the CSV export. */
export const logWhere = (filter: LogFilter): { where: string[]; binds: Binds } => {
  const where: string[] = [];
  const binds: Binds = {};
  if (filter.branch) {
    where.push('WTC_LOG.BRANCH = :branch');
    binds.branch = filter.branch;
  }
  if (filter.entity) {
    where.push('WTC_LOG.ENTITY = :entity');
    binds.entity = filter.entity;
  }
  if (filter.level) {
    where.push('WTC_LOG.LOG_LEVEL = :log_level');
    binds.log_level = filter.level;
  }
  if (filter.runId !== undefined) {
    where.push('WTC_LOG.RUN_ID = :run_id');
    binds.run_id = filter.runId;
  }
  if (filter.from) {
    where.push('WTC_LOG.LOGGED_AT >= :from_at');
    binds.from_at = filter.from;
  }
  if (filter.to) {
    where.push('WTC_LOG.LOGGED_AT <= :to_at');
    binds.to_at = filter.to;
  }
  if (filter.text?.trim()) {
    where.push(containsSql('WTC_LOG.MESSAGE', 'text_like'));
    binds.text_like = containsPattern(filter.text);
  }
  return { where, binds };
};

const LIST_COLUMNS = `WTC_LOG.ID, WTC_LOG.LOGGED_AT, WTC_LOG.LOG_LEVEL, WTC_LOG.BRANCH, WTC_LOG.ENTITY,
  WTC_LOG.RUN_ID, WTC_LOG.MESSAGE`;

const toLog = (row: Record<string, unknown>, details: string | null = null): LogRecord => ({
  id: toNumber(row.ID),
  at: toOptionalDate(row.LOGGED_AT) ?? new Date(0),
  level: toText(row.LOG_LEVEL) as LogLevel,
  branch: toOptionalText(row.BRANCH),
  entity: toOptionalText(row.ENTITY),
  runId: toOptionalNumber(row.RUN_ID),
  message: toText(row.MESSAGE),
  details,
});

/**
 * Newest first, keyset paging by ID: each page starts below the last ID of the previous one, so page 1000
 * costs what page 1 costs however many lines there are. Details are left out (see getLog).
 */
export const listLogs = async (db: DbSession, filter: LogFilter = {}): Promise<LogRecord[]> => {
  const { where, binds } = logWhere(filter);
  where.push('WTC_LOG.ID < :before_id');
  const rows = await db.query(
    db.dialect.limit(
      `SELECT ${LIST_COLUMNS} FROM WTC_LOG WHERE ${where.join(' AND ')} ORDER BY WTC_LOG.ID DESC`,
    ),
    { ...binds, before_id: filter.beforeId ?? Number.MAX_SAFE_INTEGER, row_limit: filter.limit ?? 100 },
  );
  return rows.map((row) => toLog(row));
};

/** One line with its details (JSON text as written; the caller hides secrets before showing it). */
export const getLog = async (db: DbSession, id: number): Promise<LogRecord | undefined> => {
  const row = await db.queryOne(
    `SELECT ${LIST_COLUMNS}, WTC_LOG.DETAILS FROM WTC_LOG WHERE WTC_LOG.ID = :id`,
    {
      id,
    },
  );
  return row ? toLog(row, toOptionalText(row.DETAILS)) : undefined;
};
