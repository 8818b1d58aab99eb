import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_TABLES } from '../demo/demo-tables';
import { QUEUE_TRIGGERS } from '../schema/integration-objects';
import { triggerColumns, WINTHOR_COLUMNS_USED } from './columns-used';
import { OPTIONAL_WINTHOR_COLUMNS } from './optional-columns';

const WINTHOR_DIR = fileURLToPath(new URL('..', import.meta.url));
/** Where the product's SQL lives (the demo and the test kit write their own, which do not count). */
const PRODUCT_SQL = ['repositories', 'schema', 'prerequisites', 'catalog'];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });

/** WinThor columns named in SQL text: PCxxx.COL, INSERT INTO PCxxx (cols), UPDATE PCxxx SET col = … */
const columnsInSource = (): Map<string, Set<string>> => {
  const used = new Map<string, Set<string>>();
  const add = (table: string, column: string) => {
    if (!used.has(table)) used.set(table, new Set());
    used.get(table)!.add(column);
  };
  for (const file of PRODUCT_SQL.flatMap((d) => sourceFiles(join(WINTHOR_DIR, d)))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(PC[A-Z0-9_]{3,})\.([A-Z][A-Z0-9_$#]*)\b/g)) add(m[1]!, m[2]!);
    for (const m of text.matchAll(/INSERT\s+INTO\s+(PC[A-Z0-9_]+)\s*\(([^)]*)\)/g))
      for (const c of m[2]!.split(',').map((x) => x.trim())) if (/^[A-Z][A-Z0-9_$#]*$/.test(c)) add(m[1]!, c);
    for (const m of text.matchAll(/UPDATE\s+(PC[A-Z0-9_]+)\s+SET\s+([\s\S]*?)(?:\bWHERE\b|`)/g))
      for (const a of m[2]!.matchAll(/(?:^|,)\s*([A-Z][A-Z0-9_$#]*)\s*=/g)) add(m[1]!, a[1]!);
  }
  for (const trigger of QUEUE_TRIGGERS) for (const c of triggerColumns(trigger)) add(trigger.table, c);
  return used;
};

describe('the WinThor columns the product uses (what the prerequisites ask the database for)', () => {
  it('is exactly what the SQL of the repositories, triggers and prerequisites names (the optional ones apart)', () => {
    const optional = (table: string, column: string) =>
      OPTIONAL_WINTHOR_COLUMNS[table]?.includes(column) ?? false;
    const fromSource = Object.fromEntries(
      [...columnsInSource()]
        .map(([t, cols]) => [t, [...cols].filter((c) => !optional(t, c)).sort()])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
    const listed = Object.fromEntries(
      Object.entries(WINTHOR_COLUMNS_USED).map(([t, cols]) => [t, [...cols].sort()]),
    );
    expect(listed).toEqual(fromSource);
  });

  it('names each optional column in the SQL, and no optional column is also a required one', () => {
    const used = columnsInSource();
    for (const [table, columns] of Object.entries(OPTIONAL_WINTHOR_COLUMNS))
      for (const column of columns) {
        expect(used.get(table)?.has(column), `${table}.${column}`).toBe(true);
        expect(WINTHOR_COLUMNS_USED[table] ?? []).not.toContain(column);
      }
  });

  it('exists in the demo WinThor, so the stand-in runs every statement the product sends', () => {
    for (const [table, columns] of [
      ...Object.entries(WINTHOR_COLUMNS_USED),
      ...Object.entries(OPTIONAL_WINTHOR_COLUMNS),
    ])
      for (const column of columns)
        expect(DEMO_TABLES[table]?.columns[column], `${table}.${column}`).toBeDefined();
  });
});
