import type { TFunction } from 'i18next';
import type { CodeMapping, StoreCodeSeen, WinthorCode } from '@contract';

/** How a WinThor code reads in the picker and the list: "3 — 3X SEM JUROS (3 parcela(s), 30 dias)". */
export const winthorLabel = (code: WinthorCode, t: TFunction): string => {
  const detail =
    code.installments !== null
      ? t('mappings.planDetail', { installments: code.installments, days: code.days ?? 0 })
      : code.document;
  return `${code.code} — ${code.description}${detail ? ` (${detail})` : ''}`;
};

/** Store codes compared as the order import compares them: no case, no surrounding spaces. */
export const sameStoreCode = (a: string, b: string): boolean =>
  a.trim().toLowerCase() === b.trim().toLowerCase();

/** A date for people, in the UI's language; empty when there is none. */
export const formatWhen = (iso: string | null, language: string): string =>
  iso ? new Date(iso).toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' }) : '';

/**
 * Carriers: the row already mapping the same shipping method under its other form — its id when `code` is
 * its name, or its name when `code` is its id — to another WinThor code, as far as the codes seen on
 * orders tell the screen both (the order import takes the id's row first: the name's would never be used).
 */
export const otherFormClash = (
  code: string,
  winthorCode: string,
  rows: readonly CodeMapping[],
  seen: readonly StoreCodeSeen[],
  editing: number | null,
): { row: CodeMapping; method: StoreCodeSeen } | null => {
  for (const method of seen) {
    if (!method.name || sameStoreCode(method.name, method.code)) continue;
    const other = sameStoreCode(method.code, code)
      ? method.name
      : sameStoreCode(method.name, code)
        ? method.code
        : null;
    if (other === null) continue;
    const row = rows.find(
      (candidate, index) =>
        index !== editing &&
        sameStoreCode(candidate.storeCode, other) &&
        candidate.winthorCode !== winthorCode,
    );
    if (row) return { row, method };
  }
  return null;
};
