import type { DbSession } from '../db/db';
import { normalizeGtin } from './gtin';
import {
  chunk,
  inList,
  toNumber,
  toOptionalDate,
  toOptionalNumber,
  toOptionalText,
  toText,
} from './sql-helpers';

export interface WinthorProduct {
  codprod: number;
  description: string;
  /**
   * CODAUXILIAR (a NUMBER) as GTIN text with its leading zeros restored (`normalizeGtin`): EAN-8, EAN-13 or
   * GTIN-14; null when empty, 0 or the check digit is wrong.
   */
  ean: string | null;
  /** CODAUXILIAR as stored (null when empty or 0): tells "no barcode" from "an invalid one". */
  barcode: string | null;
  packaging: string;
  unit: string;
  departmentCode: number | null;
  sectionCode: number | null;
  categoryCode: number | null;
  brandCode: number | null;
  grossWeightKg: number | null;
  netWeightKg: number | null;
  heightM: number | null;
  widthM: number | null;
  lengthM: number | null;
  multiple: number | null;
  ecommerceName: string | null;
  ecommerceTitle: string | null;
  showWithoutStock: boolean;
  storeId: string | null;
  lastChange: Date | null;
}

const COLUMNS = `PCPRODUT.CODPROD, PCPRODUT.DESCRICAO, PCPRODUT.CODAUXILIAR, PCPRODUT.EMBALAGEM, PCPRODUT.UNIDADE,
  PCPRODUT.CODEPTO, PCPRODUT.CODSEC, PCPRODUT.CODCATEGORIA, PCPRODUT.CODMARCA, PCPRODUT.PESOBRUTO, PCPRODUT.PESOLIQ,
  PCPRODUT.ALTURAM3, PCPRODUT.LARGURAM3, PCPRODUT.COMPRIMENTOM3, PCPRODUT.MULTIPLO, PCPRODUT.NOMEECOMMERCE,
  PCPRODUT.TITULOECOMMERCE, PCPRODUT.EXIBESEMESTOQUEECOMMERCE, PCPRODUT.IDINTEGRACAOCIASHOP, PCPRODUT.DTULTALTER`;

/** Published = ENVIAECOMMERCE 'S' and not deleted (DTEXCLUSAO null). */
const PUBLISHED = `PCPRODUT.ENVIAECOMMERCE = 'S' AND PCPRODUT.DTEXCLUSAO IS NULL`;

export const toProduct = (row: Record<string, unknown>): WinthorProduct => ({
  codprod: toNumber(row.CODPROD),
  description: toText(row.DESCRICAO),
  ean: normalizeGtin(row.CODAUXILIAR),
  barcode: toOptionalNumber(row.CODAUXILIAR) ? toText(row.CODAUXILIAR) : null,
  packaging: toText(row.EMBALAGEM),
  unit: toText(row.UNIDADE),
  departmentCode: toOptionalNumber(row.CODEPTO),
  sectionCode: toOptionalNumber(row.CODSEC),
  categoryCode: toOptionalNumber(row.CODCATEGORIA),
  brandCode: toOptionalNumber(row.CODMARCA),
  grossWeightKg: toOptionalNumber(row.PESOBRUTO),
  netWeightKg: toOptionalNumber(row.PESOLIQ),
  heightM: toOptionalNumber(row.ALTURAM3),
  widthM: toOptionalNumber(row.LARGURAM3),
  lengthM: toOptionalNumber(row.COMPRIMENTOM3),
  multiple: toOptionalNumber(row.MULTIPLO),
  ecommerceName: toOptionalText(row.NOMEECOMMERCE),
  ecommerceTitle: toOptionalText(row.TITULOECOMMERCE),
  showWithoutStock: toText(row.EXIBESEMESTOQUEECOMMERCE) === 'S',
  storeId: toOptionalText(row.IDINTEGRACAOCIASHOP),
  lastChange: toOptionalDate(row.DTULTALTER),
});

/** Streams every published product in CODPROD order (reconcile, first load). */
export async function* streamPublishedProducts(db: DbSession): AsyncGenerator<WinthorProduct> {
  for await (const row of db.stream(
    `SELECT ${COLUMNS} FROM PCPRODUT WHERE ${PUBLISHED} ORDER BY PCPRODUT.CODPROD`,
  )) {
    yield toProduct(row);
  }
}

/** One page of published products after a CODPROD (keyset paging: stable and cheap on both databases). */
export const listPublishedProducts = async (
  db: DbSession,
  options: { afterCodprod?: number; limit?: number } = {},
): Promise<WinthorProduct[]> => {
  const sql = db.dialect.limit(
    `SELECT ${COLUMNS} FROM PCPRODUT WHERE ${PUBLISHED} AND PCPRODUT.CODPROD > :after_codprod ORDER BY PCPRODUT.CODPROD`,
  );
  const rows = await db.query(sql, {
    after_codprod: options.afterCodprod ?? 0,
    row_limit: options.limit ?? 500,
  });
  return rows.map(toProduct);
};

/**
 * The products with these codes, published or not: the caller tells "not published any more" (a product the
 * store has but WinThor no longer publishes) from "missing" by comparing with `published`.
 */
export const getProducts = async (
  db: DbSession,
  codprods: readonly number[],
): Promise<Array<WinthorProduct & { published: boolean }>> => {
  const out: Array<WinthorProduct & { published: boolean }> = [];
  for (const part of chunk([...new Set(codprods)])) {
    if (part.length === 0) continue;
    const list = inList('p', part);
    const rows = await db.query(
      `SELECT ${COLUMNS}, CASE WHEN ${PUBLISHED} THEN 1 ELSE 0 END AS PUBLISHED FROM PCPRODUT WHERE PCPRODUT.CODPROD IN (${list.sql}) ORDER BY PCPRODUT.CODPROD`,
      list.binds,
    );
    for (const row of rows) out.push({ ...toProduct(row), published: toNumber(row.PUBLISHED) === 1 });
  }
  return out;
};

export const setProductStoreId = async (
  db: DbSession,
  codprod: number,
  storeId: string | null,
): Promise<number> =>
  (
    await db.execute(
      `UPDATE PCPRODUT SET IDINTEGRACAOCIASHOP = :store_id WHERE PCPRODUT.CODPROD = :codprod`,
      { store_id: storeId, codprod },
    )
  ).rowsAffected;
