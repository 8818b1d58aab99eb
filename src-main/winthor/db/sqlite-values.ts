import type Database from 'better-sqlite3';
import { bindValue, pickBinds } from './binds';
import type { BindValue, Binds, Row } from './db';

/** How values cross into and out of the embedded database (dates as text, binds by position, row shapes). */
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Wall-clock text, the form SQLite's datetime() uses; read back as a local Date (see ADR 0105). */
export const toSqliteDate = (date: Date): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;

/** Two decimal digits at `at`, or NaN. */
const twoDigits = (text: string, at: number): number => {
  const tens = text.charCodeAt(at) - 48;
  const units = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : NaN;
};

/**
 * `YYYY-MM-DD HH:MM:SS` (what toSqliteDate writes) as a local Date; other text as is. Read by character
 * codes, not a regular expression: every binding, price and product row carries a date.
 */
export const fromSqliteValue = (value: unknown): unknown => {
  if (typeof value !== 'string' || value.length !== 19) return value;
  if (
    value.charCodeAt(4) !== 45 || // -
    value.charCodeAt(7) !== 45 ||
    value.charCodeAt(10) !== 32 || // space
    value.charCodeAt(13) !== 58 || // :
    value.charCodeAt(16) !== 58
  )
    return value;
  const year = twoDigits(value, 0) * 100 + twoDigits(value, 2);
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  const hours = twoDigits(value, 11);
  const minutes = twoDigits(value, 14);
  const seconds = twoDigits(value, 17);
  // NaN anywhere: not all digits, so not a date.
  if (Number.isNaN(year + month + day + hours + minutes + seconds)) return value;
  return new Date(year, month - 1, day, hours, minutes, seconds);
};

export const toSqliteValue = (value: BindValue): string | number | bigint | null => {
  if (value instanceof Date) return toSqliteDate(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
};

export const prepareBinds = (
  sql: string,
  binds: Binds | undefined,
): Record<string, string | number | bigint | null> => {
  const picked = pickBinds(sql, binds);
  const out: Record<string, string | number | bigint | null> = {};
  for (const [k, v] of Object.entries(picked)) out[k] = toSqliteValue(v);
  return out;
};

/** The rows a statement returns: each column's key (UPPERCASE) and whether it may hold a date. */
export interface RowShape {
  keys: string[];
  dates: boolean[];
}

/**
 * Dates are stored as text (toSqliteDate): a column declared DATE or TIMESTAMP, or an expression (no declared
 * type: MAX(a date), COALESCE…), is read back as a Date when its text is one; other columns are as stored.
 */
export const rowShape = (stmt: Database.Statement): RowShape => {
  const columns = stmt.columns();
  return {
    keys: columns.map((c) => c.name.toUpperCase()),
    dates: columns.map((c) => c.type === null || /DATE|TIME/i.test(c.type)),
  };
};

export const NO_COLUMNS: RowShape = { keys: [], dates: [] };

export const toRow = (values: unknown[], { keys, dates }: RowShape): Row => {
  const row: Row = {};
  for (let i = 0; i < keys.length; i++) row[keys[i]!] = dates[i] ? fromSqliteValue(values[i]) : values[i];
  return row;
};

/** A prepared statement with its binds made positional (`names`: the bind of each position). */
export interface Prepared {
  stmt: Database.Statement;
  names: string[];
  shape: RowShape;
}

/**
 * The values of a positional statement, in order. Without binds (DDL, a statement that needs none) an
 * empty list: a statement that does need binds then fails as it would with a missing name.
 */
export const positionalBinds = (
  names: string[],
  binds: Binds | undefined,
): Array<string | number | bigint | null> => {
  if (binds === undefined) return [];
  const values = new Array<string | number | bigint | null>(names.length);
  for (let i = 0; i < names.length; i++) values[i] = toSqliteValue(bindValue(binds, names[i]!));
  return values;
};
