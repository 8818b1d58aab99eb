import type { BindValue, Binds } from '../db/db';

/** The bind names and the SQL text of IN lists, by prefix and length: pages repeat the same few. */
const LIST_CACHE_LIMIT = 200;
const listNames = new Map<string, string[]>();
const listSql = new Map<string, string>();

const namesFor = (prefix: string, length: number): string[] => {
  let names = listNames.get(prefix);
  if (!names || names.length < length) {
    names = Array.from({ length: Math.max(length, names?.length ?? 0) }, (_, i) => `${prefix}${i}`);
    if (listNames.size >= LIST_CACHE_LIMIT) listNames.clear();
    listNames.set(prefix, names);
  }
  return names;
};

/**
 * The lengths an IN list is written at. A list is padded to the next one by repeating its last value — the
 * same set, so the same rows for IN and NOT IN — so that lists of 437 and 452 keys are one statement, not
 * two: one cursor in Oracle's shared pool, one prepared statement on the embedded database (whose cache
 * would otherwise hold hundreds of near-identical statements of a reconcile's pages).
 */
const LIST_LENGTHS = [1, 2, 3, 4, 5, 10, 20, 50, 100, 200, 300, 400, 500, 750, 1000];

/** The length a list of `count` values is written at (longer lists are written as they are). */
export const paddedLength = (count: number): number => LIST_LENGTHS.find((n) => n >= count) ?? count;

/**
 * `:p0, :p1, …` for an IN list, with its binds. Oracle accepts at most 1000 items: chunk first. `others`
 * are the statement's other binds, put in the same object (spreading a list of hundreds costs more than
 * the query on the embedded database). The list is padded (paddedLength) with its last value.
 */
export const inList = (
  prefix: string,
  values: readonly BindValue[],
  others?: Binds,
): { sql: string; binds: Binds } => {
  if (values.length === 0) throw new Error('Lista IN vazia');
  const length = paddedLength(values.length);
  const names = namesFor(prefix, length);
  const binds: Binds = others ? { ...others } : {};
  const last = values[values.length - 1] as BindValue;
  for (let i = 0; i < length; i++) binds[names[i]!] = i < values.length ? (values[i] as BindValue) : last;
  const cacheKey = `${prefix}|${length}`;
  let sql = listSql.get(cacheKey);
  if (sql === undefined) {
    sql = names
      .slice(0, length)
      .map((name) => `:${name}`)
      .join(', ');
    if (listSql.size >= LIST_CACHE_LIMIT) listSql.clear();
    listSql.set(cacheKey, sql);
  }
  return { sql, binds };
};

export const chunk = <T>(items: readonly T[], size = 500): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

export const toNumber = (value: unknown): number =>
  value === null || value === undefined || value === '' ? 0 : Number(value);
export const toOptionalNumber = (value: unknown): number | null =>
  value === null || value === undefined || value === '' ? null : Number(value);
/**
 * A column as trimmed text. A finite number is written by JSON.stringify (the same text as String) because
 * String() of a double goes through V8's number-to-string cache, which lives in the old generation: a
 * barcode read per product would be promoted garbage on a 100k-product reconcile.
 */
export const toText = (value: unknown): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'number' && Number.isFinite(value)
      ? JSON.stringify(value)
      : String(value).trim();
export const toOptionalText = (value: unknown): string | null => {
  const text = toText(value);
  return text === '' ? null : text;
};
export const toOptionalDate = (value: unknown): Date | null =>
  value instanceof Date ? value : value ? new Date(String(value)) : null;

/** DATE columns keep whole seconds: drop milliseconds so a key written is the key read back. */
export const wholeSeconds = (date: Date): Date => new Date(Math.floor(date.getTime() / 1000) * 1000);

/**
 * Cuts text to a WinThor column size (Oracle would reject it with ORA-12899). WinThor's VARCHAR2(n) columns
 * are sized in BYTES by default, and on an AL32UTF8 database an accented letter takes two: the text is cut
 * so that its UTF-8 form fits in `size` bytes (never inside a character). On a single-byte database
 * (WE8ISO8859P1, WE8MSWIN1252) that can drop one or two more letters of a value that was too long anyway,
 * which is the price of never failing an insert on a UTF-8 one (Oracle semantics by reading, not run here).
 */
export const fit = (value: string | null | undefined, size: number): string | null => {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === '') return null;
  if (Buffer.byteLength(text, 'utf8') <= size) return text;
  let bytes = 0;
  let cut = '';
  for (const character of text) {
    bytes += Buffer.byteLength(character, 'utf8');
    if (bytes > size) break;
    cut += character;
  }
  return cut;
};

/** The column list of an `INSERT INTO T (a, b, …) VALUES …`, as written (what the prerequisites compare). */
export const insertColumnsOf = (sql: string): string[] => {
  const match = /INSERT\s+INTO\s+[\w$#.]+\s*\(([^)]*)\)/i.exec(sql);
  if (!match) throw new Error(`Não é um INSERT com lista de colunas: ${sql.slice(0, 60)}`);
  return match[1]!
    .split(',')
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
};
