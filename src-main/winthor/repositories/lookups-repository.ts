import type { DbSession } from '../db/db';
import { toNumber, toText } from './sql-helpers';

/** A code and its description, for the mapping screens and the prerequisites check. */
export interface Lookup {
  code: string;
  description: string;
}

/** Billing types (PCCOB): store payment method → CODCOB. */
export const listBillingTypes = async (db: DbSession): Promise<Lookup[]> =>
  (await db.query(`SELECT PCCOB.CODCOB, PCCOB.COBRANCA FROM PCCOB ORDER BY PCCOB.CODCOB`)).map((r) => ({
    code: toText(r.CODCOB),
    description: toText(r.COBRANCA),
  }));

export interface PaymentPlan extends Lookup {
  days: number;
  installments: number;
}

/** Payment plans (PCPLPAG): store installments → CODPLPAG. */
export const listPaymentPlans = async (db: DbSession): Promise<PaymentPlan[]> =>
  (
    await db.query(
      `SELECT PCPLPAG.CODPLPAG, PCPLPAG.DESCRICAO, PCPLPAG.NUMDIAS, PCPLPAG.NUMPR FROM PCPLPAG ORDER BY PCPLPAG.CODPLPAG`,
    )
  ).map((r) => ({
    code: String(toNumber(r.CODPLPAG)),
    description: toText(r.DESCRICAO),
    days: toNumber(r.NUMDIAS),
    installments: toNumber(r.NUMPR),
  }));

export const listSalesAreas = async (db: DbSession): Promise<Lookup[]> =>
  (await db.query(`SELECT PCPRACA.CODPRACA, PCPRACA.PRACA FROM PCPRACA ORDER BY PCPRACA.CODPRACA`)).map(
    (r) => ({
      code: String(toNumber(r.CODPRACA)),
      description: toText(r.PRACA),
    }),
  );

export const listSalesReps = async (db: DbSession): Promise<Lookup[]> =>
  (await db.query(`SELECT PCUSUARI.CODUSUR, PCUSUARI.NOME FROM PCUSUARI ORDER BY PCUSUARI.CODUSUR`)).map(
    (r) => ({
      code: String(toNumber(r.CODUSUR)),
      description: toText(r.NOME),
    }),
  );

export const listActivities = async (db: DbSession): Promise<Lookup[]> =>
  (await db.query(`SELECT PCATIVI.CODATIV, PCATIVI.RAMO FROM PCATIVI ORDER BY PCATIVI.CODATIV`)).map((r) => ({
    code: String(toNumber(r.CODATIV)),
    description: toText(r.RAMO),
  }));

export const listPriceRegions = async (db: DbSession): Promise<Lookup[]> =>
  (
    await db.query(`SELECT PCREGIAO.NUMREGIAO, PCREGIAO.REGIAO FROM PCREGIAO ORDER BY PCREGIAO.NUMREGIAO`)
  ).map((r) => ({
    code: String(toNumber(r.NUMREGIAO)),
    description: toText(r.REGIAO),
  }));

/** The code tables the parameters 4008–4014 point at, with the SQL that tells whether a code exists. */
export const CODE_TABLES = {
  PCCOB: `SELECT COUNT(*) AS N FROM PCCOB WHERE PCCOB.CODCOB = :code`,
  PCPLPAG: `SELECT COUNT(*) AS N FROM PCPLPAG WHERE PCPLPAG.CODPLPAG = :code`,
  PCPRACA: `SELECT COUNT(*) AS N FROM PCPRACA WHERE PCPRACA.CODPRACA = :code`,
  PCUSUARI: `SELECT COUNT(*) AS N FROM PCUSUARI WHERE PCUSUARI.CODUSUR = :code`,
  PCATIVI: `SELECT COUNT(*) AS N FROM PCATIVI WHERE PCATIVI.CODATIV = :code`,
  PCREGIAO: `SELECT COUNT(*) AS N FROM PCREGIAO WHERE PCREGIAO.NUMREGIAO = :code`,
} as const;
export type CodeTable = keyof typeof CODE_TABLES;

export const codeExists = async (db: DbSession, table: CodeTable, code: string): Promise<boolean> => {
  const numeric = table !== 'PCCOB';
  if (numeric && !/^\d+$/.test(code.trim())) return false;
  const row = await db.queryOne(CODE_TABLES[table], { code: numeric ? Number(code) : code.trim() });
  return toNumber(row?.N) > 0;
};
