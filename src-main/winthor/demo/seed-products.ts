import type { DbSession } from '../db/db';
import { ean13CheckDigit } from './check-digits';
import { DEMO_BRANCHES } from './demo-branches';
import { ADJECTIVES, BRANDS, DEPARTMENTS, PACKS } from './demo-vocabulary';
import { insertAll, type SeedRow } from './insert-rows';
import type { Prng } from './prng';
import type { CategoryLeaf } from './seed-categories';

/** The EAN-13 of a demo product (GS1 prefix 789, the code, the check digit). */
export const eanFor = (codprod: number): string => {
  const first12 = `789${String(1_000_000 + codprod).padStart(9, '0')}`.slice(0, 12);
  return `${first12}${ean13CheckDigit(first12)}`;
};

/**
 * With `barcodeTypos`, every 97th product carries a barcode with a wrong check digit — a typing mistake real catalogues have — so
 * the demo shows what the operator sees for it: a pendência "EAN inválido" with the fix, in Monitorar →
 * Pendências and on the Painel, while the rest of the catalogue goes to the store.
 */
export const hasDemoBarcodeTypo = (codprod: number): boolean => codprod % 97 === 0;

const barcodeFor = (codprod: number): number => {
  const ean = eanFor(codprod);
  if (!hasDemoBarcodeTypo(codprod)) return Number(ean);
  const wrongDigit = (Number(ean.slice(-1)) + 1) % 10;
  return Number(`${ean.slice(0, -1)}${wrongDigit}`);
};

const money = (value: number): number => Math.round(value * 100) / 100;

/** Products (PCPRODUT) with stock per demo branch (PCEST) and prices per region (PCTABPR), in batches. */
export const seedProducts = async (
  db: DbSession,
  rng: Prng,
  count: number,
  leaves: CategoryLeaf[],
  now: Date,
  barcodeTypos: boolean,
): Promise<void> => {
  const BATCH = 2000;
  for (let from = 1; from <= count; from += BATCH) {
    const products: SeedRow[] = [];
    const stock: SeedRow[] = [];
    const prices: SeedRow[] = [];
    for (let p = from; p < Math.min(from + BATCH, count + 1); p++) {
      const leaf = leaves[p % leaves.length]!;
      const [embalagem, unidade] = rng.pick(PACKS);
      const dept = DEPARTMENTS[leaf.dept - 1]!;
      const section = dept[1][(leaf.sec % 100) - 1]!;
      const brand = rng.pick(BRANDS);
      const description = `${section} ${brand} ${rng.pick(ADJECTIVES)} ${p}`.slice(0, 40);
      const weight = money(rng.int(50, 5000) / 1000);
      products.push({
        CODPROD: p,
        DESCRICAO: description,
        CODAUXILIAR: barcodeTypos ? barcodeFor(p) : Number(eanFor(p)),
        EMBALAGEM: embalagem,
        UNIDADE: unidade,
        CODEPTO: leaf.dept,
        CODSEC: leaf.sec,
        CODCATEGORIA: leaf.cat,
        CODMARCA: BRANDS.indexOf(brand) + 1,
        PESOBRUTO: weight,
        PESOLIQ: money(weight * 0.95),
        ALTURAM3: rng.int(5, 40) / 100,
        LARGURAM3: rng.int(5, 40) / 100,
        COMPRIMENTOM3: rng.int(5, 60) / 100,
        MULTIPLO: 1,
        // Every 37th product deleted, every 11th not published: the filters have something to filter.
        DTEXCLUSAO: p % 37 === 0 ? now : null,
        ENVIAECOMMERCE: p % 11 === 0 ? 'N' : 'S',
        NOMEECOMMERCE: description.toLowerCase().replace(/(^|\s)\S/g, (c) => c.toUpperCase()),
        TITULOECOMMERCE: null,
        EXIBESEMESTOQUEECOMMERCE: p % 5 === 0 ? 'S' : 'N',
        IDINTEGRACAOCIASHOP: null,
        DTULTALTER: now,
        CODFAB: `REF-${p}`,
      });
      const cost = rng.int(150, 25_000) / 100;
      for (const branch of DEMO_BRANCHES) {
        const ger = rng.chance(0.1) ? 0 : rng.int(0, 400);
        stock.push({
          CODFILIAL: branch.code,
          CODPROD: p,
          QTESTGER: ger,
          QTRESERV: Math.min(ger, rng.int(0, 20)),
          QTBLOQUEADA: rng.chance(0.1) ? rng.int(1, 10) : 0,
          QTPENDENTE: rng.chance(0.2) ? rng.int(1, 15) : 0,
          CUSTOREAL: cost,
        });
      }
      for (const region of [1, 2, 3]) {
        const base = money(cost * (1.3 + region * 0.05));
        prices.push({
          CODPROD: p,
          NUMREGIAO: region,
          PVENDA1: base,
          PVENDA2: money(base * 0.97),
          PVENDA3: money(base * 0.95),
          PVENDA4: money(base * 0.93),
          PVENDA5: money(base * 1.05),
          PVENDA6: money(base * 1.1),
          PVENDA7: money(base * 0.9),
          DTULTALTPVENDA: now,
          PERDESCMAX: 5,
          EXCLUIDO: 'N',
        });
      }
    }
    await insertAll(db, 'PCPRODUT', products);
    await insertAll(db, 'PCEST', stock);
    await insertAll(db, 'PCTABPR', prices);
  }
};
