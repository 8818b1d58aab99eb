import type { BindValue, Binds } from '../db/db';

/** `:p0, :p1, …` for an IN list, with its binds. Oracle accepts at most 1000 items: chunk first. */
export const inList = (prefix: string, values: readonly BindValue[]): { sql: string; binds: Binds } => {
  if (values.length === 0) throw new Error('Lista IN vazia');
  const binds: Binds = {};
  const names = values.map((value, i) => {
    binds[`${prefix}${i}`] = value;
    return `:${prefix}${i}`;
  });
  return { sql: names.join(', '), binds };
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
export const toText = (value: unknown): string =>
  value === null || value === undefined ? '' : String(value).trim();
export const toOptionalText = (value: unknown): string | null => {
  const text = toText(value);
  return text === '' ? null : text;
};
export const toOptionalDate = (value: unknown): Date | null =>
  value instanceof Date ? value : value ? new Date(String(value)) : null;

/** DATE columns keep whole seconds: drop milliseconds so a key written is the key read back. */
export const wholeSeconds = (date: Date): Date => new Date(Math.floor(date.getTime() / 1000) * 1000);

/** Cuts text to a WinThor column size (Oracle would reject it with ORA-12899). */
export const fit = (value: string | null | undefined, size: number): string | null => {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  return text === '' ? null : text.slice(0, size);
};
