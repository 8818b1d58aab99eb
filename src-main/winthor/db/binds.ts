import type { BindValue, Binds } from './db';

/**
 * Names of the `:name` binds used by a statement, skipping string literals, quoted identifiers and
 * comments. Both drivers reject binds the statement does not use (Oracle: ORA-01036 / NJS-097), so
 * repositories may pass a wider object and each adapter keeps only these.
 */
export const bindNames = (sql: string): string[] => {
  const names = new Set<string>();
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
    if (ch === ':' && sql[i - 1] !== ':' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1));
      if (match) {
        names.add(match[0]);
        i += 1 + match[0].length;
        continue;
      }
    }
    i += 1;
  }
  return [...names];
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
  for (const name of names) {
    const key = name in binds ? name : Object.keys(binds).find((k) => k.toLowerCase() === name.toLowerCase());
    if (key === undefined) throw new Error(`Parâmetro :${name} sem valor no comando SQL.`);
    const value = binds[key];
    picked[name] = value === undefined ? null : value;
  }
  return picked;
};
