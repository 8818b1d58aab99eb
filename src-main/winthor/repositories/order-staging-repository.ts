import type { DbSession } from '../db/db';
import {
  fit,
  insertColumnsOf,
  toNumber,
  toOptionalNumber,
  toOptionalText,
  wholeSeconds,
} from './sql-helpers';

/** Key of a staged order: the PCPEDCFV primary key. */
export interface StagingKey {
  numpedrca: number;
  codusur: number;
  /** CPF/CNPJ as written in CGCCLI. */
  cgccli: string;
  /** DTABERTURAPEDPALM: whole seconds (DATE). */
  openedAt: Date;
}

export interface StagedItem {
  codprod: number;
  codauxiliar?: number | null;
  qt: number;
  pvenda: number;
  /** NUMSEQ (1, 2, …). */
  numseq: number;
}

export interface StagedOrder extends StagingKey {
  codcli: number;
  codfilial: string;
  codfilialnf?: string | null;
  /** CODFILIALRETIRA (header and items): the branch the goods leave from; default CODFILIAL. */
  codfilialretira?: string | null;
  codcob: string;
  codplpag: number;
  /** 1 = normal sale. */
  condvenda?: number;
  /** ORIGEMPED: 'F' (sales force), the origin of orders coming through PCPEDCFV. */
  origemped?: string;
  /** The store's order id (NUMPEDCLI, 15 characters). */
  numpedcli: string;
  vlfrete?: number;
  codfornecfrete?: number | null;
  fretedespacho?: string | null;
  obs1?: string | null;
  obs2?: string | null;
  obsentrega?: [string?, string?, string?, string?];
  dtentrega?: Date | null;
  items: StagedItem[];
}

export const ORDER_HEADER_INSERT_SQL = `INSERT INTO PCPEDCFV (NUMPEDRCA, CODUSUR, CGCCLI, DTABERTURAPEDPALM, DTFECHAMENTOPEDPALM, IMPORTADO, CODCLI, CODFILIAL, CODFILIALNF,
       CODFILIALRETIRA, CODCOB, CODPLPAG, PRAZO1, PRAZO2, PRAZO3, PRAZO4, PRAZO5, PRAZO6, PRAZO7, PRAZO8, PRAZO9, PRAZO10,
       PRAZO11, PRAZO12, CONDVENDA, ORIGEMPED, NUMPEDCLI, VLFRETE, CODFORNECFRETE, FRETEDESPACHO, OBS1, OBS2,
       OBSENTREGA1, OBSENTREGA2, OBSENTREGA3, OBSENTREGA4, DTENTREGA, DTINCLUSAO)
     VALUES (:numpedrca, :codusur, :cgccli, :dtabertura, :dtfechamento, 1, :codcli, :codfilial, :codfilialnf,
       :codfilialretira, :codcob, :codplpag, :prazo1, :prazo2, :prazo3, :prazo4, :prazo5, :prazo6, :prazo7, :prazo8, :prazo9,
       :prazo10, :prazo11, :prazo12, :condvenda, :origemped, :numpedcli, :vlfrete, :codfornecfrete, :fretedespacho, :obs1, :obs2,
       :obsentrega1, :obsentrega2, :obsentrega3, :obsentrega4, :dtentrega, :dtinclusao)`;

export const ORDER_ITEM_INSERT_SQL = `INSERT INTO PCPEDIFV (NUMPEDRCA, CODUSUR, CGCCLI, DTABERTURAPEDPALM, CODPROD, NUMSEQ, CODAUXILIAR, QT, PVENDA,
       CODFILIALRETIRA)
     VALUES (:numpedrca, :codusur, :cgccli, :dtabertura, :codprod, :numseq, :codauxiliar, :qt, :pvenda, :codfilialretira)`;

const TERMS = Array.from({ length: 12 }, (_, i) => `PRAZO${i + 1}`);

/**
 * The payment plan's own terms (PCPLPAG.PRAZO1..PRAZO12, days of each instalment), copied into the order:
 * the staging table carries them next to CODPLPAG, as a sales-force order does for a plan whose terms vary
 * per order; for a plan with fixed terms they are the same values (ADR 0112, by reading the dictionary).
 * A plan that does not exist gives no terms; the importer then rejects the order with its own message.
 */
export const readPaymentTerms = async (db: DbSession, codplpag: number): Promise<Array<number | null>> => {
  const row = await db.queryOne(
    `SELECT PCPLPAG.PRAZO1, PCPLPAG.PRAZO2, PCPLPAG.PRAZO3, PCPLPAG.PRAZO4, PCPLPAG.PRAZO5, PCPLPAG.PRAZO6,
            PCPLPAG.PRAZO7, PCPLPAG.PRAZO8, PCPLPAG.PRAZO9, PCPLPAG.PRAZO10, PCPLPAG.PRAZO11, PCPLPAG.PRAZO12
       FROM PCPLPAG WHERE PCPLPAG.CODPLPAG = :codplpag`,
    { codplpag },
  );
  return TERMS.map((c) => (row ? toOptionalNumber(row[c]) : null));
};

/** The staging columns an order fills (the prerequisites compare them with the NOT NULL ones). */
export const ORDER_HEADER_INSERT_COLUMNS = insertColumnsOf(ORDER_HEADER_INSERT_SQL);
export const ORDER_ITEM_INSERT_COLUMNS = insertColumnsOf(ORDER_ITEM_INSERT_SQL);

/**
 * Writes the header (PCPEDCFV) and items (PCPEDIFV) with IMPORTADO = 1 for WinThor's importer. Call it
 * inside the same transaction as the import record (architecture.md, Orders).
 */
export const stageOrder = async (
  tx: DbSession,
  order: StagedOrder,
  now: Date = new Date(),
): Promise<void> => {
  const key = {
    numpedrca: order.numpedrca,
    codusur: order.codusur,
    cgccli: order.cgccli,
    dtabertura: wholeSeconds(order.openedAt),
  };
  const codfilialretira = order.codfilialretira ?? order.codfilial;
  const terms = await readPaymentTerms(tx, order.codplpag);
  await tx.execute(ORDER_HEADER_INSERT_SQL, {
    ...key,
    dtfechamento: wholeSeconds(now),
    codcli: order.codcli,
    codfilial: order.codfilial,
    codfilialnf: order.codfilialnf ?? order.codfilial,
    codfilialretira,
    codcob: order.codcob,
    codplpag: order.codplpag,
    ...Object.fromEntries(terms.map((days, i) => [`prazo${i + 1}`, days])),
    condvenda: order.condvenda ?? 1,
    origemped: order.origemped ?? 'F',
    numpedcli: fit(order.numpedcli, 15),
    vlfrete: order.vlfrete ?? 0,
    codfornecfrete: order.codfornecfrete ?? null,
    fretedespacho: order.fretedespacho ?? null,
    obs1: fit(order.obs1, 50),
    obs2: fit(order.obs2, 50),
    obsentrega1: fit(order.obsentrega?.[0], 75),
    obsentrega2: fit(order.obsentrega?.[1], 75),
    obsentrega3: fit(order.obsentrega?.[2], 75),
    obsentrega4: fit(order.obsentrega?.[3], 75),
    dtentrega: order.dtentrega ? wholeSeconds(order.dtentrega) : null,
    dtinclusao: wholeSeconds(now),
  });
  await tx.executeMany(
    ORDER_ITEM_INSERT_SQL,
    order.items.map((item) => ({
      ...key,
      codprod: item.codprod,
      numseq: item.numseq,
      codauxiliar: item.codauxiliar ?? null,
      qt: item.qt,
      pvenda: item.pvenda,
      codfilialretira,
    })),
  );
};

/**
 * Removes a staged order that WinThor's importer REJECTED (IMPORTADO = 3), so that "reprocessar" stages it
 * again under the same NUMPEDRCA (one PCPEDCFV header per store order). Call it in the transaction that
 * stages the order again. 'absent' when there is no such header; 'not_rejected' (nothing removed) when it
 * is there but not rejected — the caller must then roll back.
 */
export const unstageRejected = async (
  tx: DbSession,
  key: StagingKey,
): Promise<'removed' | 'absent' | 'not_rejected'> => {
  const binds = {
    numpedrca: key.numpedrca,
    codusur: key.codusur,
    cgccli: key.cgccli,
    dtabertura: wholeSeconds(key.openedAt),
  };
  const header = await tx.queryOne(
    `SELECT PCPEDCFV.IMPORTADO FROM PCPEDCFV WHERE ${KEY_WHERE('PCPEDCFV')}`,
    binds,
  );
  if (!header) return 'absent';
  if (toOptionalNumber(header.IMPORTADO) !== 3) return 'not_rejected';
  await tx.execute(`DELETE FROM PCPEDIFV WHERE ${KEY_WHERE('PCPEDIFV')}`, binds);
  const removed = await tx.execute(
    `DELETE FROM PCPEDCFV WHERE ${KEY_WHERE('PCPEDCFV')} AND PCPEDCFV.IMPORTADO = 3`,
    binds,
  );
  return removed.rowsAffected === 1 ? 'removed' : 'not_rejected';
};

export type StagingStatus = 'waiting' | 'processing' | 'imported' | 'rejected' | 'unknown' | 'missing';

export interface StagingResult {
  status: StagingStatus;
  importado: number | null;
  /** PCPEDC order created by the importer (IMPORTADO = 2). */
  numped: number | null;
  /** Reason of a rejection (OBSERVACAO_PC), header and items. */
  message: string | null;
  itemMessages: Array<{ codprod: number; numseq: number; message: string }>;
}

const statusOf = (importado: number | null): StagingStatus =>
  importado === 1
    ? 'waiting'
    : importado === 4
      ? 'processing'
      : importado === 2
        ? 'imported'
        : importado === 3
          ? 'rejected'
          : 'unknown';

const KEY_WHERE = (table: 'PCPEDCFV' | 'PCPEDIFV') =>
  `${table}.NUMPEDRCA = :numpedrca AND ${table}.CODUSUR = :codusur AND ${table}.CGCCLI = :cgccli AND ${table}.DTABERTURAPEDPALM = :dtabertura`;

/** Reads what WinThor's importer did with a staged order: IMPORTADO 2/3, NUMPED, OBSERVACAO_PC. */
export const readStagingResult = async (db: DbSession, key: StagingKey): Promise<StagingResult> => {
  const binds = {
    numpedrca: key.numpedrca,
    codusur: key.codusur,
    cgccli: key.cgccli,
    dtabertura: wholeSeconds(key.openedAt),
  };
  const header = await db.queryOne(
    `SELECT PCPEDCFV.IMPORTADO, PCPEDCFV.NUMPED, PCPEDCFV.OBSERVACAO_PC FROM PCPEDCFV WHERE ${KEY_WHERE('PCPEDCFV')}`,
    binds,
  );
  if (!header) return { status: 'missing', importado: null, numped: null, message: null, itemMessages: [] };
  const importado = toOptionalNumber(header.IMPORTADO);
  const status = statusOf(importado);
  const items =
    status === 'rejected'
      ? await db.query(
          `SELECT PCPEDIFV.CODPROD, PCPEDIFV.NUMSEQ, PCPEDIFV.OBSERVACAO_PC FROM PCPEDIFV WHERE ${KEY_WHERE('PCPEDIFV')} AND PCPEDIFV.OBSERVACAO_PC IS NOT NULL ORDER BY PCPEDIFV.NUMSEQ`,
          binds,
        )
      : [];
  return {
    status,
    importado,
    numped: toOptionalNumber(header.NUMPED),
    message: toOptionalText(header.OBSERVACAO_PC),
    itemMessages: items.map((r) => ({
      codprod: toNumber(r.CODPROD),
      numseq: toNumber(r.NUMSEQ),
      message: toOptionalText(r.OBSERVACAO_PC) ?? '',
    })),
  };
};
