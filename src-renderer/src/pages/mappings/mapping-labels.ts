import type { TFunction } from 'i18next';
import type { WinthorCode } from '@contract';

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
