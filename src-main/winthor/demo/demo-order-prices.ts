import type { DbSession } from '../db/db';
import { DEMO_BRANCHES } from './demo-branches';
import { hasDemoBarcodeTypo } from './seed-products';

/**
 * The products the demo store's generated orders may sell, with the price the importing branch (the first
 * demo branch: its default region, PVENDA1 as parameter 4010 says) has in the demo WinThor: published, not
 * deleted, with a price, and with a valid barcode (a product with a typo never reaches the store). The
 * demo store's orders use these prices from their first read, so their items pass the price check
 * (ADR 0221).
 */
export const demoOrderPrices = async (db: DbSession): Promise<Map<string, number>> => {
  const rows = await db.query(
    `SELECT PCTABPR.CODPROD, PCTABPR.PVENDA1
       FROM PCTABPR JOIN PCPRODUT ON PCPRODUT.CODPROD = PCTABPR.CODPROD
      WHERE PCTABPR.NUMREGIAO = :numregiao AND PCPRODUT.ENVIAECOMMERCE = 'S' AND PCPRODUT.DTEXCLUSAO IS NULL
        AND (PCTABPR.EXCLUIDO IS NULL OR PCTABPR.EXCLUIDO <> 'S') AND PCTABPR.PVENDA1 > 0
      ORDER BY PCTABPR.CODPROD`,
    { numregiao: DEMO_BRANCHES[0].region },
  );
  const prices = new Map<string, number>();
  for (const row of rows) {
    const codprod = Number(row.CODPROD);
    if (!hasDemoBarcodeTypo(codprod)) prices.set(String(codprod), Number(row.PVENDA1));
  }
  return prices;
};
