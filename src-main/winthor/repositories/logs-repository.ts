import type { Binds, DbSession } from '../db/db';
import { fit, toNumber, toOptionalDate, toOptionalNumber, toOptionalText, toText } from './sql-helpers';
import { containsFilter } from './text-filter';

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
}

/** Where a page starts: below this line in the order (time, then id), newest first. */
export interface LogCursor {
  at: Date;
  id: number;
}

/** Lines a text filter reads per page at most (ADR 0028): about 100–150 ms on the embedded database. */
export const LOG_TEXT_SCAN_ROWS = 100_000;

export interface LogPage {
  lines: LogRecord[];
  /** Where the next page starts; null when nothing older matches. */
  next: LogCursor | null;
  /**
   * True when a text filter read its LOG_TEXT_SCAN_ROWS lines before filling the page: older lines may still
   * match, from `next` on ("continuar a busca").
   */
  partial: boolean;
}

/** The WHERE clause of a filter (without the text and the page), shared by a page and the CSV export. */
const logWhere = (filter: LogFilter, cursor: LogCursor | undefined): { where: string[]; binds: Binds } => {
  const where: string[] = [];
  const binds: Binds = {};
  const equal = (column: string, bind: string, value: string | number | undefined) => {
    if (value === undefined || value === '') return;
    where.push(`WTC_LOG.${column} = :${bind}`);
    binds[bind] = value;
  };
  equal('BRANCH', 'branch', filter.branch);
  equal('ENTITY', 'entity', filter.entity);
  equal('LOG_LEVEL', 'log_level', filter.level);
  equal('RUN_ID', 'run_id', filter.runId);
  if (filter.from) {
    where.push('WTC_LOG.LOGGED_AT >= :from_at');
    binds.from_at = filter.from;
  }
  if (filter.to) {
    where.push('WTC_LOG.LOGGED_AT <= :to_at');
    binds.to_at = filter.to;
  }
  if (cursor) {
    // Written so that the time range alone can use the index: LOGGED_AT <= t, then the tie-break.
    where.push(
      'WTC_LOG.LOGGED_AT <= :cursor_at AND (WTC_LOG.LOGGED_AT < :cursor_at OR WTC_LOG.ID < :cursor_id)',
    );
    binds.cursor_at = cursor.at;
    binds.cursor_id = cursor.id;
  }
  return { where, binds };
};

const LIST_COLUMNS = `WTC_LOG.ID, WTC_LOG.LOGGED_AT, WTC_LOG.LOG_LEVEL, WTC_LOG.BRANCH, WTC_LOG.ENTITY,
  WTC_LOG.RUN_ID, WTC_LOG.MESSAGE`;
const NEWEST_FIRST = 'ORDER BY WTC_LOG.LOGGED_AT DESC, WTC_LOG.ID DESC';

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
 * Newest first (by time, then id), keyset paging: each page starts below the last line of the previous one,
 * so page 1000 costs what page 1 costs however many lines there are (ADR 0028). The filters of branch,
 * level, run and period follow an index; a text filter reads at most LOG_TEXT_SCAN_ROWS lines per page and
 * says so (`partial`) instead of reading a million. Details are left out (see getLog).
 */
export const listLogs = async (
  db: DbSession,
  filter: LogFilter = {},
  page: { before?: LogCursor; limit?: number; scanRows?: number } = {},
): Promise<LogPage> => {
  const limit = page.limit ?? 100;
  const { where, binds } = logWhere(filter, page.before);
  const ordered = `SELECT ${LIST_COLUMNS} FROM WTC_LOG ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${NEWEST_FIRST}`;
  if (!filter.text?.trim()) {
    const rows = await db.query(db.dialect.limit(ordered), { ...binds, row_limit: limit + 1 });
    const lines = rows.slice(0, limit).map((row) => toLog(row));
    return { lines, next: rows.length > limit ? cursorOf(lines.at(-1)!) : null, partial: false };
  }
  const scanRows = page.scanRows ?? LOG_TEXT_SCAN_ROWS;
  const text = containsFilter(db, 'T.MESSAGE', 'text_like', filter.text);
  const rows = await db.query(
    db.dialect.limit(
      `SELECT T.* FROM (${db.dialect.limitBy(ordered, 'scan_rows')}) T WHERE ${text.sql}
        ORDER BY T.LOGGED_AT DESC, T.ID DESC`,
    ),
    { ...binds, ...text.binds, scan_rows: scanRows, row_limit: limit + 1 },
  );
  const lines = rows.slice(0, limit).map((row) => toLog(row));
  if (rows.length > limit) return { lines, next: cursorOf(lines.at(-1)!), partial: false };
  // The page is not full: either every line was read, or the scan stopped at its last row (more may match).
  const boundary = await db.queryOne(
    db.dialect.nthRow(
      `SELECT WTC_LOG.LOGGED_AT, WTC_LOG.ID FROM WTC_LOG ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${NEWEST_FIRST}`,
      'scan_rows',
    ),
    { ...binds, scan_rows: scanRows },
  );
  if (!boundary) return { lines, next: null, partial: false };
  return {
    lines,
    next: { at: toOptionalDate(boundary.LOGGED_AT) ?? new Date(0), id: toNumber(boundary.ID) },
    partial: true,
  };
};

const cursorOf = (line: LogRecord): LogCursor => ({ at: line.at, id: line.id! });

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
