/**
 * A "contains" text filter that both databases run the same way: `UPPER(column) LIKE :bind ESCAPE '\'`,
 * with the typed text upper-cased and its own % and _ taken literally. (SQLite's UPPER folds only ASCII
 * letters, Oracle's folds accented ones too: "ação" finds "AÇÃO" on Oracle, only "aÇÃo"-free text here.)
 */
export const containsPattern = (text: string): string =>
  `%${text
    .trim()
    .toUpperCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const containsSql = (column: string, bind: string): string =>
  `UPPER(${column}) LIKE :${bind} ESCAPE '\\'`;
