import { DEFAULT_PARAMETER_NAMES } from '../../api/contract';
import { toSqliteDate, type SqliteDb } from '../db/sqlite-db';
import { createDemoSchema } from './demo-schema';
import { ean13CheckDigit, formatCnpj, formatCpf, makeCnpj, makeCpf } from './check-digits';
import { createPrng, type Prng } from './prng';

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
export const DEMO_PARAMETERS: Array<{ param: keyof typeof DEFAULT_PARAMETER_NAMES; branch: string; value: string }> = [
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
const ADJECTIVES = ['TRADICIONAL', 'PREMIUM', 'LIGHT', 'INTEGRAL', 'ZERO', 'FAMILIA', 'ECONOMICO', 'EXTRA', 'NATURAL', 'ORIGINAL'];
const BRANDS = ['BOM SABOR', 'VIDA', 'SOL', 'PRIMOR', 'ALVORADA', 'SERRANA', 'CRISTAL', 'AURORA'];
const PACKS: Array<[string, string, number]> = [
  ['UN', 'UN', 1],
  ['CX 12UN', 'CX', 12],
  ['PCT 5KG', 'PT', 1],
  ['FD 6X1L', 'FD', 6],
  ['GF 2L', 'UN', 1],
];
const FIRST = ['ANA', 'BRUNO', 'CARLA', 'DIEGO', 'ELISA', 'FABIO', 'GABRIELA', 'HUGO', 'IARA', 'JOAO', 'LUCAS', 'MARIA'];
const LAST = ['SILVA', 'SOUZA', 'OLIVEIRA', 'PEREIRA', 'COSTA', 'RODRIGUES', 'ALMEIDA', 'NASCIMENTO'];

export const eanFor = (codprod: number): string => {
  const first12 = `789${String(1_000_000 + codprod).padStart(9, '0')}`.slice(0, 12);
  return `${first12}${ean13CheckDigit(first12)}`;
};

const money = (value: number): number => Math.round(value * 100) / 100;

const insertAll = (db: SqliteDb, table: string, rows: Array<Record<string, unknown>>): void => {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const stmt = db.raw.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
  for (const row of rows) stmt.run(row);
};

const seedLookups = (db: SqliteDb, rng: Prng, now: string): void => {
  insertAll(db, 'PCREGIAO', [
    { NUMREGIAO: 1, REGIAO: 'SUL' },
    { NUMREGIAO: 2, REGIAO: 'SUDESTE' },
    { NUMREGIAO: 3, REGIAO: 'E-COMMERCE' },
  ]);
  insertAll(
    db,
    'PCFILIAL',
    DEMO_BRANCHES.map((b) => ({ CODIGO: b.code, RAZAOSOCIAL: b.name, FANTASIA: b.fantasia, NUMREGIAOPADRAO: b.region, DTEXCLUSAO: null, UF: b.uf })),
  );
  insertAll(db, 'PCCOB', [
    { CODCOB: 'D', COBRANCA: 'DINHEIRO' },
    { CODCOB: 'CART', COBRANCA: 'CARTAO DE CREDITO' },
    { CODCOB: 'BK', COBRANCA: 'BOLETO BANCARIO' },
    { CODCOB: 'PIX', COBRANCA: 'PIX' },
  ]);
  insertAll(db, 'PCPLPAG', [
    { CODPLPAG: 1, DESCRICAO: 'A VISTA', NUMDIAS: 0, NUMPR: 1 },
    { CODPLPAG: 2, DESCRICAO: '30 DIAS', NUMDIAS: 30, NUMPR: 1 },
    { CODPLPAG: 3, DESCRICAO: '3X SEM JUROS', NUMDIAS: 30, NUMPR: 3 },
    { CODPLPAG: 10, DESCRICAO: '10X CARTAO', NUMDIAS: 30, NUMPR: 10 },
  ]);
  insertAll(db, 'PCPRACA', [
    { CODPRACA: 1, PRACA: 'E-COMMERCE', NUMREGIAO: 3 },
    { CODPRACA: 2, PRACA: 'CAPITAL', NUMREGIAO: 1 },
  ]);
  insertAll(db, 'PCUSUARI', [
    { CODUSUR: 1, NOME: 'VENDEDOR BALCAO' },
    { CODUSUR: 99, NOME: 'RCA E-COMMERCE' },
  ]);
  insertAll(db, 'PCATIVI', [
    { CODATIV: 1, RAMO: 'VAREJO' },
    { CODATIV: 2, RAMO: 'CONSUMIDOR FINAL' },
  ]);
  const suppliers: Array<Record<string, unknown>> = [];
  for (let i = 1; i <= 12; i++) {
    const carrier = i > 8;
    suppliers.push({
      CODFORNEC: i,
      FORNECEDOR: carrier ? `TRANSPORTADORA ${['RAPIDA SUL', 'EXPRESSO BRASIL', 'LOG FACIL', 'CORREIOS'][i - 9]}` : `FORNECEDOR ${BRANDS[i - 1]} LTDA`,
      CGC: formatCnpj(makeCnpj(`${String(10_000_000 + i * 7919).slice(0, 8)}0001`)),
      TIPOFORNEC: carrier ? 'T' : rng.pick(['I', 'D']),
      REVENDA: carrier ? 'N' : 'S',
      EXCLUIDO: i === 12 ? 'S' : 'N',
      DTEXCLUSAO: i === 12 ? now : null,
      BLOQUEIO: 'N',
    });
  }
  insertAll(db, 'PCFORNEC', suppliers);
  insertAll(
    db,
    'PCPARAMFILIAL',
    DEMO_PARAMETERS.map((p) => ({ NOME: DEFAULT_PARAMETER_NAMES[p.param], CODFILIAL: p.branch, VALOR: p.value, DTMXSALTER: now })),
  );
};

const seedCategories = (db: SqliteDb): Array<{ dept: number; sec: number; cat: number }> => {
  const leaves: Array<{ dept: number; sec: number; cat: number }> = [];
  const depts: Array<Record<string, unknown>> = [];
  const secs: Array<Record<string, unknown>> = [];
  const cats: Array<Record<string, unknown>> = [];
  DEPARTMENTS.forEach(([name, sections], d) => {
    const dept = d + 1;
    const publish = name !== 'PAPELARIA INTERNA' ? 'S' : 'N';
    depts.push({ CODEPTO: dept, DESCRICAO: name, ENVIAECOMMERCE: publish, IDINTEGRACAOCIASHOP: null });
    sections.forEach((section, s) => {
      const sec = dept * 100 + s + 1;
      secs.push({ CODSEC: sec, CODEPTO: dept, DESCRICAO: section, ENVIAECOMMERCE: publish, IDINTEGRACAOCIASHOP: null });
      for (let c = 1; c <= 2; c++) {
        cats.push({ CODSEC: sec, CODCATEGORIA: c, CATEGORIA: `${section} ${c === 1 ? 'LINHA A' : 'LINHA B'}`, ENVIAECOMMERCE: publish, IDINTEGRACAOCIASHOP: null });
        if (publish === 'S') leaves.push({ dept, sec, cat: c });
      }
    });
  });
  insertAll(db, 'PCDEPTO', depts);
  insertAll(db, 'PCSECAO', secs);
  insertAll(db, 'PCCATEGORIA', cats);
  return leaves;
};

const seedProducts = (db: SqliteDb, rng: Prng, count: number, leaves: Array<{ dept: number; sec: number; cat: number }>, now: string): void => {
  const product = db.raw.prepare(
    `INSERT INTO PCPRODUT (CODPROD, DESCRICAO, CODAUXILIAR, EMBALAGEM, UNIDADE, CODEPTO, CODSEC, CODCATEGORIA, CODMARCA, PESOBRUTO, PESOLIQ,
       ALTURAM3, LARGURAM3, COMPRIMENTOM3, MULTIPLO, DTEXCLUSAO, ENVIAECOMMERCE, NOMEECOMMERCE, TITULOECOMMERCE, EXIBESEMESTOQUEECOMMERCE,
       IDINTEGRACAOCIASHOP, DTULTALTER, CODFAB)
     VALUES (@CODPROD, @DESCRICAO, @CODAUXILIAR, @EMBALAGEM, @UNIDADE, @CODEPTO, @CODSEC, @CODCATEGORIA, @CODMARCA, @PESOBRUTO, @PESOLIQ,
       @ALTURAM3, @LARGURAM3, @COMPRIMENTOM3, @MULTIPLO, @DTEXCLUSAO, @ENVIAECOMMERCE, @NOMEECOMMERCE, @TITULOECOMMERCE, @EXIBE,
       NULL, @DTULTALTER, @CODFAB)`,
  );
  const stock = db.raw.prepare(
    'INSERT INTO PCEST (CODFILIAL, CODPROD, QTESTGER, QTRESERV, QTBLOQUEADA, QTPENDENTE, CUSTOREAL) VALUES (@f, @p, @ger, @res, @blq, @pend, @custo)',
  );
  const price = db.raw.prepare(
    `INSERT INTO PCTABPR (CODPROD, NUMREGIAO, PVENDA1, PVENDA2, PVENDA3, PVENDA4, PVENDA5, PVENDA6, PVENDA7, DTULTALTPVENDA, PERDESCMAX, EXCLUIDO)
     VALUES (@p, @r, @v1, @v2, @v3, @v4, @v5, @v6, @v7, @dt, 5, 'N')`,
  );
  for (let p = 1; p <= count; p++) {
    const leaf = leaves[p % leaves.length]!;
    const [embalagem, unidade] = rng.pick(PACKS);
    const dept = DEPARTMENTS[leaf.dept - 1]!;
    const section = dept[1][(leaf.sec % 100) - 1]!;
    const brand = rng.pick(BRANDS);
    const description = `${section} ${brand} ${rng.pick(ADJECTIVES)} ${p}`.slice(0, 40);
    const weight = money(rng.int(50, 5000) / 1000);
    product.run({
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
      DTEXCLUSAO: p % 37 === 0 ? now : null,
      ENVIAECOMMERCE: p % 11 === 0 ? 'N' : 'S',
      NOMEECOMMERCE: `${description.toLowerCase().replace(/(^|\s)\S/g, (s) => s.toUpperCase())}`,
      TITULOECOMMERCE: null,
      EXIBE: p % 5 === 0 ? 'S' : 'N',
      DTULTALTER: now,
      CODFAB: `REF-${p}`,
    });
    const cost = rng.int(150, 25_000) / 100;
    for (const branch of DEMO_BRANCHES) {
      const ger = rng.chance(0.1) ? 0 : rng.int(0, 400);
      stock.run({
        f: branch.code,
        p,
        ger,
        res: Math.min(ger, rng.int(0, 20)),
        blq: rng.chance(0.1) ? rng.int(1, 10) : 0,
        pend: rng.chance(0.2) ? rng.int(1, 15) : 0,
        custo: cost,
      });
    }
    for (const region of [1, 2, 3]) {
      const base = money(cost * (1.3 + region * 0.05));
      price.run({ p, r: region, v1: base, v2: money(base * 0.97), v3: money(base * 0.95), v4: money(base * 0.93), v5: money(base * 1.05), v6: money(base * 1.1), v7: money(base * 0.9), dt: now });
    }
  }
};

const seedCustomers = (db: SqliteDb, rng: Prng, count: number, now: string): number => {
  const rows: Array<Record<string, unknown>> = [];
  for (let i = 1; i <= count; i++) {
    const company = i % 4 === 0;
    const digits = company ? makeCnpj(`${String(20_000_000 + i * 104_729).slice(0, 8)}0001`) : makeCpf(String(100_000_000 + i * 7_654_321).slice(-9));
    const name = company ? `${rng.pick(LAST)} COMERCIO LTDA ${i}` : `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    rows.push({
      CODCLI: i,
      CLIENTE: name,
      FANTASIA: name.slice(0, 40),
      // Half stored with punctuation, half digits only: both happen in real databases.
      CGCENT: i % 2 === 0 ? (company ? formatCnpj(digits) : formatCpf(digits)) : digits,
      IEENT: company ? String(1_000_000_000 + i) : 'ISENTO',
      TIPOFJ: company ? 'J' : 'F',
      EMAIL: `cliente${i}@exemplo.com.br`,
      TELENT: `51999${String(100000 + i).slice(-6)}`,
      ENDERENT: `RUA DAS FLORES`,
      NUMEROENT: String(rng.int(1, 2000)),
      COMPLEMENTOENT: null,
      BAIRROENT: 'CENTRO',
      MUNICENT: 'PORTO ALEGRE',
      ESTENT: 'RS',
      CEPENT: '90010-000',
      CODCIDADE: 4314902,
      CODCOB: 'CART',
      CODPLPAG: 1,
      CODPRACA: 1,
      CODUSUR1: 99,
      CODATV1: 2,
      NUMREGIAOCLI: 1,
      DTCADASTRO: now,
      DTEXCLUSAO: null,
      BLOQUEIO: 'N',
    });
  }
  insertAll(db, 'PCCLIENT', rows);
  return count;
};

/** True when the demo tables exist and hold the branches. */
export const isDemoSeeded = (db: SqliteDb): boolean => {
  const table = db.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'PCFILIAL'").get();
  if (!table) return false;
  return (db.raw.prepare('SELECT COUNT(*) AS N FROM PCFILIAL').get() as { N: number }).N > 0;
};

/**
 * Creates and fills the demo WinThor (deterministic: same seed, same catalogue). Refuses a database that
 * already holds data, so it can never mix into an existing catalogue.
 */
export const seedDemo = (db: SqliteDb, options: SeedOptions = {}): SeedSummary => {
  const products = options.products ?? 600;
  const customers = options.customers ?? 60;
  const rng = createPrng(options.seed ?? 20261128);
  const now = toSqliteDate(options.now ?? new Date(2026, 10, 1, 8, 0, 0));
  createDemoSchema(db);
  if (isDemoSeeded(db)) throw new Error('O banco de demonstração já tem dados; use um arquivo novo.');
  db.raw.transaction(() => {
    seedLookups(db, rng, now);
    const leaves = seedCategories(db);
    seedProducts(db, rng, products, leaves, now);
    seedCustomers(db, rng, customers, now);
    insertAll(db, 'PCCONSUM', [{ PROXNUMCLI: customers + 1 }]);
  })();
  return { products, customers, branches: DEMO_BRANCHES.map((b) => b.code) };
};
