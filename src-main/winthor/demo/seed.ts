import { DEFAULT_PARAMETER_NAMES } from '../../contract';
import type { Db, DbSession } from '../db/db';
import { ean13CheckDigit, formatCnpj, makeCnpj } from './check-digits';
import { insertAll, type SeedRow } from './insert-rows';
import { createPrng, type Prng } from './prng';
import { seedCities, seedCustomers } from './seed-customers';

export interface SeedOptions {
  /** Number of products (default 600; the generator scales to 100 000). */
  products?: number;
  customers?: number;
  seed?: number;
  /** Date written in DTCADASTRO/DTULTALTER columns. */
  now?: Date;
}

export interface SeedSummary {
  products: number;
  customers: number;
  branches: string[];
}

export const DEMO_BRANCHES = [
  { code: '1', name: 'MATRIZ PORTO ALEGRE', fantasia: 'MATRIZ', region: 1, uf: 'RS' },
  { code: '2', name: 'FILIAL SAO PAULO', fantasia: 'FILIAL SP', region: 2, uf: 'SP' },
] as const;

/** Parameter values of the demo (PCPARAMFILIAL): company level '99', branch '2' overrides two. */
export const DEMO_PARAMETERS: Array<{
  param: keyof typeof DEFAULT_PARAMETER_NAMES;
  branch: string;
  value: string;
}> = [
  { param: '2829', branch: '99', value: '100' },
  { param: '2829', branch: '2', value: '80' },
  { param: '4008', branch: '99', value: 'CART' },
  { param: '4009', branch: '99', value: '1' },
  { param: '4010', branch: '99', value: '1' },
  { param: '4010', branch: '2', value: '2' },
  { param: '4011', branch: '99', value: '1' },
  { param: '4012', branch: '99', value: '99' },
  { param: '4013', branch: '99', value: '2' },
  { param: '4014', branch: '99', value: '' },
];

const DEPARTMENTS: Array<[string, string[]]> = [
  ['MERCEARIA', ['GRAOS', 'MASSAS', 'ENLATADOS']],
  ['BEBIDAS', ['REFRIGERANTES', 'SUCOS', 'AGUAS']],
  ['LIMPEZA', ['LAVANDERIA', 'COZINHA', 'BANHEIRO']],
  ['HIGIENE', ['CABELOS', 'ORAL', 'SABONETES']],
  ['BAZAR', ['UTILIDADES', 'DESCARTAVEIS', 'PILHAS']],
  ['PAPELARIA INTERNA', ['ESCRITORIO', 'ARQUIVO', 'CADERNOS']],
];
const ADJECTIVES = [
  'TRADICIONAL',
  'PREMIUM',
  'LIGHT',
  'INTEGRAL',
  'ZERO',
  'FAMILIA',
  'ECONOMICO',
  'EXTRA',
  'NATURAL',
  'ORIGINAL',
];
const BRANDS = ['BOM SABOR', 'VIDA', 'SOL', 'PRIMOR', 'ALVORADA', 'SERRANA', 'CRISTAL', 'AURORA'];
const PACKS: Array<[string, string, number]> = [
  ['UN', 'UN', 1],
  ['CX 12UN', 'CX', 12],
  ['PCT 5KG', 'PT', 1],
  ['FD 6X1L', 'FD', 6],
  ['GF 2L', 'UN', 1],
];
export const eanFor = (codprod: number): string => {
  const first12 = `789${String(1_000_000 + codprod).padStart(9, '0')}`.slice(0, 12);
  return `${first12}${ean13CheckDigit(first12)}`;
};

const money = (value: number): number => Math.round(value * 100) / 100;

const seedLookups = async (db: DbSession, rng: Prng, now: Date): Promise<void> => {
  await insertAll(db, 'PCREGIAO', [
    { NUMREGIAO: 1, REGIAO: 'SUL' },
    { NUMREGIAO: 2, REGIAO: 'SUDESTE' },
    { NUMREGIAO: 3, REGIAO: 'E-COMMERCE' },
  ]);
  await insertAll(
    db,
    'PCFILIAL',
    DEMO_BRANCHES.map((b) => ({
      CODIGO: b.code,
      RAZAOSOCIAL: b.name,
      FANTASIA: b.fantasia,
      NUMREGIAOPADRAO: b.region,
      DTEXCLUSAO: null,
      UF: b.uf,
    })),
  );
  await insertAll(db, 'PCCOB', [
    { CODCOB: 'D', COBRANCA: 'DINHEIRO' },
    { CODCOB: 'CART', COBRANCA: 'CARTAO DE CREDITO' },
    { CODCOB: 'BK', COBRANCA: 'BOLETO BANCARIO' },
    { CODCOB: 'PIX', COBRANCA: 'PIX' },
  ]);
  // PRAZO1..PRAZO12: the days of each instalment (the plan's terms, copied into PCPEDCFV by the staging).
  const terms = (...days: number[]) =>
    Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`PRAZO${i + 1}`, days[i] ?? null]));
  await insertAll(db, 'PCPLPAG', [
    { CODPLPAG: 1, DESCRICAO: 'A VISTA', NUMDIAS: 0, NUMPR: 1, ...terms(0) },
    { CODPLPAG: 2, DESCRICAO: '30 DIAS', NUMDIAS: 30, NUMPR: 1, ...terms(30) },
    { CODPLPAG: 3, DESCRICAO: '3X SEM JUROS', NUMDIAS: 30, NUMPR: 3, ...terms(30, 60, 90) },
    {
      CODPLPAG: 10,
      DESCRICAO: '10X CARTAO',
      NUMDIAS: 30,
      NUMPR: 10,
      ...terms(30, 60, 90, 120, 150, 180, 210, 240, 270, 300),
    },
  ]);
  await insertAll(db, 'PCPRACA', [
    { CODPRACA: 1, PRACA: 'E-COMMERCE', NUMREGIAO: 3 },
    { CODPRACA: 2, PRACA: 'CAPITAL', NUMREGIAO: 1 },
  ]);
  await insertAll(db, 'PCUSUARI', [
    { CODUSUR: 1, NOME: 'VENDEDOR BALCAO' },
    { CODUSUR: 99, NOME: 'RCA E-COMMERCE' },
  ]);
  await insertAll(db, 'PCATIVI', [
    { CODATIV: 1, RAMO: 'VAREJO' },
    { CODATIV: 2, RAMO: 'CONSUMIDOR FINAL' },
  ]);
  const suppliers: SeedRow[] = [];
  for (let i = 1; i <= 12; i++) {
    const carrier = i > 8;
    suppliers.push({
      CODFORNEC: i,
      FORNECEDOR: carrier
        ? `TRANSPORTADORA ${['RAPIDA SUL', 'EXPRESSO BRASIL', 'LOG FACIL', 'CORREIOS'][i - 9]}`
        : `FORNECEDOR ${BRANDS[i - 1]} LTDA`,
      CGC: formatCnpj(makeCnpj(`${String(10_000_000 + i * 7919).slice(0, 8)}0001`)),
      TIPOFORNEC: carrier ? 'T' : rng.pick(['I', 'D']),
      REVENDA: carrier ? 'N' : 'S',
      EXCLUIDO: i === 12 ? 'S' : 'N',
      DTEXCLUSAO: i === 12 ? now : null,
      BLOQUEIO: 'N',
    });
  }
  await insertAll(db, 'PCFORNEC', suppliers);
  await insertAll(
    db,
    'PCPARAMFILIAL',
    DEMO_PARAMETERS.map((p) => ({
      NOME: DEFAULT_PARAMETER_NAMES[p.param],
      CODFILIAL: p.branch,
      VALOR: p.value,
      DTMXSALTER: now,
    })),
  );
};

const seedCategories = async (db: DbSession): Promise<Array<{ dept: number; sec: number; cat: number }>> => {
  const leaves: Array<{ dept: number; sec: number; cat: number }> = [];
  const depts: SeedRow[] = [];
  const secs: SeedRow[] = [];
  const cats: SeedRow[] = [];
  DEPARTMENTS.forEach(([name, sections], d) => {
    const dept = d + 1;
    const publish = name !== 'PAPELARIA INTERNA' ? 'S' : 'N';
    depts.push({ CODEPTO: dept, DESCRICAO: name, ENVIAECOMMERCE: publish, IDINTEGRACAOCIASHOP: null });
    sections.forEach((section, s) => {
      const sec = dept * 100 + s + 1;
      secs.push({
        CODSEC: sec,
        CODEPTO: dept,
        DESCRICAO: section,
        ENVIAECOMMERCE: publish,
        IDINTEGRACAOCIASHOP: null,
      });
      for (let c = 1; c <= 2; c++) {
        cats.push({
          CODSEC: sec,
          CODCATEGORIA: c,
          CATEGORIA: `${section} ${c === 1 ? 'LINHA A' : 'LINHA B'}`,
          ENVIAECOMMERCE: publish,
          IDINTEGRACAOCIASHOP: null,
        });
        if (publish === 'S') leaves.push({ dept, sec, cat: c });
      }
    });
  });
  await insertAll(db, 'PCDEPTO', depts);
  await insertAll(db, 'PCSECAO', secs);
  await insertAll(db, 'PCCATEGORIA', cats);
  return leaves;
};

const seedProducts = async (
  db: DbSession,
  rng: Prng,
  count: number,
  leaves: Array<{ dept: number; sec: number; cat: number }>,
  now: Date,
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
        CODAUXILIAR: Number(eanFor(p)),
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

/** True when the demo tables exist and hold branches. */
export const isDemoSeeded = async (db: DbSession): Promise<boolean> => {
  try {
    const row = await db.queryOne(`SELECT COUNT(*) AS N FROM PCFILIAL`);
    return Number(row?.N ?? 0) > 0;
  } catch {
    return false;
  }
};

/**
 * Fills the demo WinThor (deterministic: same seed, same catalogue) through the Db port, in one
 * transaction. The tables must exist (createDemoSchema). Refuses a database that already holds branches,
 * so it can never mix into an existing catalogue — never point it at a production WinThor.
 */
export const seedDemo = async (db: Db, options: SeedOptions = {}): Promise<SeedSummary> => {
  const products = options.products ?? 600;
  const customers = options.customers ?? 60;
  const rng = createPrng(options.seed ?? 20261128);
  const now = options.now ?? new Date(2026, 10, 1, 8, 0, 0);
  if (await isDemoSeeded(db)) throw new Error('O banco de demonstração já tem dados; use um arquivo novo.');
  await db.transaction(async (tx) => {
    await seedLookups(tx, rng, now);
    const leaves = await seedCategories(tx);
    await seedProducts(tx, rng, products, leaves, now);
    const cities = await seedCities(tx);
    await seedCustomers(tx, rng, customers, cities, now);
    await insertAll(tx, 'PCCONSUM', [{ PROXNUMCLI: customers + 1 }]);
  });
  return { products, customers, branches: DEMO_BRANCHES.map((b) => b.code) };
};
