/** How the integration's own tables are described once and rendered per dialect (schema-ddl.ts). */
export type ColumnType =
  | { kind: 'id' }
  | { kind: 'int' }
  | { kind: 'decimal' }
  | { kind: 'text'; size: number }
  | { kind: 'date' }
  | { kind: 'clob' };

export interface ColumnDef {
  name: string;
  type: ColumnType;
  notNull?: boolean;
}

export interface TableDef {
  name: string;
  columns: ColumnDef[];
  /** Omitted when the table has an 'id' column (then ID is the key). */
  primaryKey?: string[];
  unique?: Array<{ name: string; columns: string[] }>;
  indexes?: Array<{ name: string; columns: string[] }>;
}

export const id: ColumnDef = { name: 'ID', type: { kind: 'id' }, notNull: true };
export const text = (name: string, size: number, notNull = false): ColumnDef => ({
  name,
  type: { kind: 'text', size },
  notNull,
});
export const int = (name: string, notNull = false): ColumnDef => ({ name, type: { kind: 'int' }, notNull });
export const date = (name: string, notNull = false): ColumnDef => ({ name, type: { kind: 'date' }, notNull });
