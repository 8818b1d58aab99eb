import type { DbSession } from '../db/db';
import {
  chunk,
  inList,
  toNumber,
  toOptionalDate,
  toOptionalNumber,
  toOptionalText,
  toText,
} from './sql-helpers';

/** PCPEDC.POSICAO: L liberado, B bloqueado, P pendente, M montado, F faturado, C cancelado. */
export type OrderPosition = 'L' | 'B' | 'P' | 'M' | 'F' | 'C';

export interface OrderStatus {
  numped: number;
  position: string;
  invoiceNumber: number | null;
  /** CHAVENFE: 44-digit NF-e access key. */
  invoiceKey: string | null;
  invoicedAt: Date | null;
  numtransvenda: number | null;
  /** PCPEDC.CODIGORASTREIOFRETEVENDA (null where this WinThor has no such column, ADR 0216). */
  trackingCode: string | null;
  /** The order's carrier's PCFORNEC.URLBASERASTREIO (null where unknown or not in this WinThor). */
  trackingUrlBase: string | null;
}

/** Which of the optional tracking columns this WinThor has (ADR 0216). */
export interface TrackingColumns {
  /** PCPEDC.CODIGORASTREIOFRETEVENDA */
  code: boolean;
  /** PCFORNEC.URLBASERASTREIO */
  urlBase: boolean;
}

export const NO_TRACKING_COLUMNS: TrackingColumns = { code: false, urlBase: false };

const statusSql = (tracking: TrackingColumns, list: string): string => {
  const link = tracking.code && tracking.urlBase;
  const columns = [
    'PCPEDC.NUMPED, PCPEDC.POSICAO, PCPEDC.NUMNOTA, PCPEDC.CHAVENFE, PCPEDC.DTFAT, PCPEDC.NUMTRANSVENDA',
    ...(tracking.code ? ['PCPEDC.CODIGORASTREIOFRETEVENDA'] : []),
    ...(link ? ['PCFORNEC.URLBASERASTREIO'] : []),
  ].join(', ');
  const from = link ? 'PCPEDC LEFT JOIN PCFORNEC ON PCFORNEC.CODFORNEC = PCPEDC.CODFORNECFRETE' : 'PCPEDC';
  return `SELECT ${columns} FROM ${from} WHERE PCPEDC.NUMPED IN (${list}) ORDER BY PCPEDC.NUMPED`;
};

export const getOrderStatuses = async (
  db: DbSession,
  numpeds: readonly number[],
  tracking: TrackingColumns = NO_TRACKING_COLUMNS,
): Promise<OrderStatus[]> => {
  const out: OrderStatus[] = [];
  for (const part of chunk([...new Set(numpeds)])) {
    if (part.length === 0) continue;
    const list = inList('n', part);
    const rows = await db.query(statusSql(tracking, list.sql), list.binds);
    for (const r of rows) {
      out.push({
        numped: toNumber(r.NUMPED),
        position: toText(r.POSICAO),
        invoiceNumber: toOptionalNumber(r.NUMNOTA),
        invoiceKey: toOptionalText(r.CHAVENFE),
        invoicedAt: toOptionalDate(r.DTFAT),
        numtransvenda: toOptionalNumber(r.NUMTRANSVENDA),
        trackingCode: tracking.code ? toOptionalText(r.CODIGORASTREIOFRETEVENDA) : null,
        trackingUrlBase: tracking.code && tracking.urlBase ? toOptionalText(r.URLBASERASTREIO) : null,
      });
    }
  }
  return out;
};
