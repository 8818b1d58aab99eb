import type { DbSession } from '../db/db';
import { toNumber, toText } from './sql-helpers';

/**
 * Carriers are suppliers (PCFORNEC) whose TIPOFORNEC is 'T' (transportadora), not deleted (EXCLUIDO,
 * DTEXCLUSAO). See docs/adr/0104-carrier-recognition.md: the code list is a parameter so a site that
 * marks carriers differently can pass its own.
 */
export const CARRIER_SUPPLIER_TYPES = ['T'] as const;

export interface Carrier {
  code: number;
  name: string;
  document: string;
  blocked: boolean;
}

export const listCarriers = async (
  db: DbSession,
  supplierTypes: readonly string[] = CARRIER_SUPPLIER_TYPES,
): Promise<Carrier[]> => {
  const binds: Record<string, string> = {};
  const names = supplierTypes.map((t, i) => {
    binds[`t${i}`] = t;
    return `:t${i}`;
  });
  const rows = await db.query(
    `SELECT PCFORNEC.CODFORNEC, PCFORNEC.FORNECEDOR, PCFORNEC.CGC, PCFORNEC.BLOQUEIO FROM PCFORNEC
      WHERE PCFORNEC.TIPOFORNEC IN (${names.join(', ')}) AND PCFORNEC.DTEXCLUSAO IS NULL AND COALESCE(PCFORNEC.EXCLUIDO, 'N') <> 'S'
      ORDER BY PCFORNEC.CODFORNEC`,
    binds,
  );
  return rows.map((r) => ({
    code: toNumber(r.CODFORNEC),
    name: toText(r.FORNECEDOR),
    document: toText(r.CGC),
    blocked: toText(r.BLOQUEIO) === 'S',
  }));
};
