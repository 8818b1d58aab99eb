import type { Binds, DbSession } from '../db/db';

/**
 * A "contains" text filter, ignoring case: `column LIKE :bind` with the typed text's own % and _ taken
 * literally. Oracle compares UPPER(column) with the upper-cased text (accented letters fold too); SQLite's
 * LIKE already ignores the case of ASCII letters, and its UPPER folds only those, so the text is kept as
 * typed there ("preço" finds "Preço", not "PREÇO": a limit of the stand-in).
 */
export const containsFilter = (
  db: DbSession,
  column: string,
  bind: string,
  text: string,
): { sql: string; binds: Binds } => {
  const typed = text.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
  const pattern = db.dialect.name === 'oracle' ? typed.toUpperCase() : typed;
  return { sql: db.dialect.containsText(column, bind), binds: { [bind]: `%${pattern}%` } };
};
