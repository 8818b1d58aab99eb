import type { BindValue, Binds } from './db';

/** One `:name` placeholder of a statement: where it starts (at the colon) and its name. */
interface Placeholder {
  at: number;
  name: string;
}

const NAME_START = /[A-Za-z_]/;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/** The `:name` placeholders of a statement in order, skipping string literals, quoted identifiers and comments. */
const placeholders = (sql: string): Placeholder[] => {
  const found: Placeholder[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"') {
      const end = sql.indexOf(ch, i + 1);
      i = end < 0 ? sql.length : end + 1;
      continue;
    }
    if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
      continue;
    }
    if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
      continue;
    }
    if (ch === ':' && sql[i - 1] !== ':' && NAME_START.test(sql[i + 1] ?? '')) {
      NAME.lastIndex = i + 1;
      const match = NAME.exec(sql);
      if (match) {
        found.push({ at: i, name: match[0] });
        i += 1 + match[0].length;
        continue;
      }
    }
    i += 1;
  }
  return found;
};

/** Statements are few and repeated: their bind names are worked out once (bounded, like a statement cache). */
const NAMES_CACHE_LIMIT = 1000;
const namesCache = new Map<string, string[]>();

/**
 * Names of the `:name` binds used by a statement, skipping string literals, quoted identifiers and
 * comments. Both drivers reject binds the statement does not use (Oracle: ORA-01036 / NJS-097), so
 * repositories may pass a wider object and each adapter keeps only these.
 */
export const bindNames = (sql: string): string[] => {
  let names = namesCache.get(sql);
  if (!names) {
    names = [...new Set(placeholders(sql).map((p) => p.name))];
    if (namesCache.size >= NAMES_CACHE_LIMIT) namesCache.clear();
    namesCache.set(sql, names);
  }
  return names;
};

/**
 * The statement with its `:name` binds made positional (`?`), and the name of each position in order (a
 * name used twice takes two positions). The embedded adapter binds an array, which costs far less than
 * a named object when an IN list has hundreds of binds; the SQL text the repositories write is unchanged.
 */
export const positionalSql = (sql: string): { sql: string; names: string[] } => {
  const found = placeholders(sql);
  let out = '';
  let from = 0;
  for (const { at, name } of found) {
    out += `${sql.slice(from, at)}?`;
    from = at + 1 + name.length;
  }
  return { sql: out + sql.slice(from), names: found.map((p) => p.name) };
};

/** The value of bind `name` (its exact name, else the same name in another case); a missing one throws. */
export const bindValue = (binds: Binds, name: string): BindValue => {
  let value = binds[name];
  if (value === undefined && !(name in binds)) {
    const key = Object.keys(binds).find((k) => k.toLowerCase() === name.toLowerCase());
    if (key === undefined) throw new Error(`Parâmetro :${name} sem valor no comando SQL.`);
    value = binds[key];
  }
  return value === undefined ? null : value;
};

/** Keeps the binds a statement uses; a missing one is an error in the repository, said plainly. */
export const pickBinds = (
  sql: string,
  binds: Binds | undefined,
  names?: string[],
): Record<string, BindValue> => {
  // No binds given = none wanted: DDL and trigger bodies hold ":NEW" / ":OLD", which are not binds.
  if (binds === undefined) return {};
  names ??= bindNames(sql);
  const picked: Record<string, BindValue> = {};
  for (const name of names) picked[name] = bindValue(binds, name);
  return picked;
};
