import type { DbSession } from '../db/db';
import { toOptionalNumber, toText } from './sql-helpers';

export interface WinthorBranch {
  code: string;
  name: string;
  fantasia: string;
  /** PCFILIAL.NUMREGIAOPADRAO: default price region. */
  defaultRegion: number | null;
  active: boolean;
}

const SELECT_BRANCHES = `SELECT PCFILIAL.CODIGO, PCFILIAL.RAZAOSOCIAL, PCFILIAL.FANTASIA, PCFILIAL.NUMREGIAOPADRAO, PCFILIAL.DTEXCLUSAO
  FROM PCFILIAL`;

const toBranch = (row: Record<string, unknown>): WinthorBranch => ({
  code: toText(row.CODIGO),
  name: toText(row.RAZAOSOCIAL),
  fantasia: toText(row.FANTASIA),
  defaultRegion: toOptionalNumber(row.NUMREGIAOPADRAO),
  active: row.DTEXCLUSAO === null || row.DTEXCLUSAO === undefined,
});

/** Every real branch (not the '99' pseudo branch), active ones first. */
export const listBranches = async (db: DbSession): Promise<WinthorBranch[]> => {
  const rows = await db.query(`${SELECT_BRANCHES} WHERE PCFILIAL.CODIGO <> '99' ORDER BY PCFILIAL.CODIGO`);
  return rows.map(toBranch).sort((a, b) => Number(b.active) - Number(a.active));
};

export const getBranch = async (db: DbSession, code: string): Promise<WinthorBranch | undefined> => {
  const row = await db.queryOne(`${SELECT_BRANCHES} WHERE PCFILIAL.CODIGO = :codigo`, { codigo: code });
  return row ? toBranch(row) : undefined;
};
