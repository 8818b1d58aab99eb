import type { DbSession } from '../db/db';
import { toNumber, toOptionalNumber } from './sql-helpers';

/** Where the earlier copy of an order was found. */
export interface PossibleDuplicate {
  /** `integrador`: staged/imported under another STORE_KEY; `winthor`: in PCPEDCFV/PCPEDC by NUMPEDCLI. */
  source: 'integrador' | 'winthor';
  numped: number | null;
  /** The earlier staging's NUMPEDRCA (the WTC_STORE_ORDER id), when it is ours. */
  numpedrca: number | null;
}

export interface DuplicateQuery {
  storeKey: string;
  storeOrderId: string;
  cgccli: string;
  codcli: number;
  codusur: number;
  storeTotal: number | null;
}

/**
 * The second guard of the exactly-once import (ADR 0214), run in the staging transaction: the same store
 * order id already staged or imported under another STORE_KEY (the store's URL written differently) for the
 * same customer document and total; or, in WinThor itself, a staging that is not one this store key
 * recorded as staged (another store key, or one from before the integration tables were installed again:
 * the new records reuse the old ids) or an order not staged by us with the same NUMPEDCLI, RCA (CODUSUR)
 * and customer, not rejected nor cancelled.
 */
export const findPossibleDuplicate = async (
  tx: DbSession,
  query: DuplicateQuery,
): Promise<PossibleDuplicate | undefined> => (await findPossibleDuplicates(tx, query))[0];

/**
 * Every earlier copy the second guard finds (the same places, the same order as findPossibleDuplicate):
 * "Importar mesmo assim" (ADR 0219) lets the order through only when each of them is one the operator
 * confirmed — an order typed in WinThor after the decision is held again.
 */
export const findPossibleDuplicates = async (
  tx: DbSession,
  query: DuplicateQuery,
): Promise<PossibleDuplicate[]> => {
  const total = query.storeTotal === null ? 'IS NULL' : '= :store_total';
  const ours = await tx.query(
    `SELECT WTC_STORE_ORDER.ID, WTC_STORE_ORDER.NUMPED FROM WTC_STORE_ORDER
      WHERE WTC_STORE_ORDER.STORE_ORDER_ID = :store_order_id AND WTC_STORE_ORDER.STORE_KEY <> :store_key
        AND WTC_STORE_ORDER.STATE IN ('staged', 'imported') AND WTC_STORE_ORDER.CGCCLI = :cgccli
        AND WTC_STORE_ORDER.STORE_TOTAL ${total}
      ORDER BY WTC_STORE_ORDER.ID`,
    {
      store_order_id: query.storeOrderId,
      store_key: query.storeKey,
      cgccli: query.cgccli,
      ...(query.storeTotal === null ? {} : { store_total: query.storeTotal }),
    },
  );
  const found: PossibleDuplicate[] = ours.map((row) => ({
    source: 'integrador',
    numped: toOptionalNumber(row.NUMPED),
    numpedrca: toNumber(row.ID),
  }));
  const staged = await tx.query(
    `SELECT PCPEDCFV.NUMPEDRCA, PCPEDCFV.NUMPED FROM PCPEDCFV
      WHERE PCPEDCFV.NUMPEDCLI = :numpedcli AND PCPEDCFV.CODUSUR = :codusur AND PCPEDCFV.CGCCLI = :cgccli
        AND COALESCE(PCPEDCFV.IMPORTADO, 0) <> 3
        AND NOT EXISTS (SELECT 1 FROM WTC_STORE_ORDER
                         WHERE WTC_STORE_ORDER.ID = PCPEDCFV.NUMPEDRCA AND WTC_STORE_ORDER.STORE_KEY = :store_key
                           AND WTC_STORE_ORDER.STATE IN ('staged', 'imported', 'rejected'))
      ORDER BY PCPEDCFV.NUMPEDRCA`,
    {
      numpedcli: query.storeOrderId,
      codusur: query.codusur,
      cgccli: query.cgccli,
      store_key: query.storeKey,
    },
  );
  for (const row of staged)
    found.push({
      source: 'winthor',
      numped: toOptionalNumber(row.NUMPED),
      numpedrca: toOptionalNumber(row.NUMPEDRCA),
    });
  const typed = await tx.query(
    `SELECT PCPEDC.NUMPED FROM PCPEDC
      WHERE PCPEDC.NUMPEDCLI = :numpedcli AND PCPEDC.CODUSUR = :codusur AND PCPEDC.CODCLI = :codcli
        AND COALESCE(PCPEDC.POSICAO, ' ') <> 'C'
        AND NOT EXISTS (SELECT 1 FROM PCPEDCFV WHERE PCPEDCFV.NUMPED = PCPEDC.NUMPED)
      ORDER BY PCPEDC.NUMPED`,
    { numpedcli: query.storeOrderId, codusur: query.codusur, codcli: query.codcli },
  );
  for (const row of typed)
    found.push({ source: 'winthor', numped: toOptionalNumber(row.NUMPED), numpedrca: null });
  return found;
};
