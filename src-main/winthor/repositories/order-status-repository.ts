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
}

export const getOrderStatuses = async (db: DbSession, numpeds: readonly number[]): Promise<OrderStatus[]> => {
  const out: OrderStatus[] = [];
  for (const part of chunk([...new Set(numpeds)])) {
    if (part.length === 0) continue;
    const list = inList('n', part);
    const rows = await db.query(
      `SELECT PCPEDC.NUMPED, PCPEDC.POSICAO, PCPEDC.NUMNOTA, PCPEDC.CHAVENFE, PCPEDC.DTFAT, PCPEDC.NUMTRANSVENDA
         FROM PCPEDC WHERE PCPEDC.NUMPED IN (${list.sql}) ORDER BY PCPEDC.NUMPED`,
      list.binds,
    );
    for (const r of rows) {
      out.push({
        numped: toNumber(r.NUMPED),
        position: toText(r.POSICAO),
        invoiceNumber: toOptionalNumber(r.NUMNOTA),
        invoiceKey: toOptionalText(r.CHAVENFE),
        invoicedAt: toOptionalDate(r.DTFAT),
        numtransvenda: toOptionalNumber(r.NUMTRANSVENDA),
      });
    }
  }
  return out;
};
