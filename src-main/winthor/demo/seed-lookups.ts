import { DEFAULT_PARAMETER_NAMES } from '../../contract';
import type { DbSession } from '../db/db';
import { formatCnpj, makeCnpj } from './check-digits';
import { DEMO_BRANCHES } from './demo-branches';
import { DEMO_PARAMETERS } from './demo-parameters';
import { BRANDS } from './demo-vocabulary';
import { insertAll, type SeedRow } from './insert-rows';
import type { Prng } from './prng';

/** The demo carriers' tracking addresses (PCFORNEC.URLBASERASTREIO), by CODFORNEC. */
const TRACKING_URL_BASES: Readonly<Record<number, string>> = {
  9: 'https://rastreio.rapidasul.example/{codigo}',
  10: 'https://www.expressobrasil.example/rastreio?objeto=',
};

/** Regions, branches, billing types, payment plans, squares, sellers, activities, suppliers, parameters. */
export const seedLookups = async (db: DbSession, rng: Prng, now: Date): Promise<void> => {
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
    { CODCOB: 'DEB', COBRANCA: 'CARTAO DE DEBITO' },
  ]);
  // PRAZO1..PRAZO12: the days of each instalment (the plan's terms, copied into PCPEDCFV by the staging).
  const terms = (...days: number[]) =>
    Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`PRAZO${i + 1}`, days[i] ?? null]));
  await insertAll(db, 'PCPLPAG', [
    { CODPLPAG: 1, DESCRICAO: 'A VISTA', NUMDIAS: 0, NUMPR: 1, ...terms(0) },
    { CODPLPAG: 2, DESCRICAO: '30 DIAS', NUMDIAS: 30, NUMPR: 1, ...terms(30) },
    { CODPLPAG: 3, DESCRICAO: '3X SEM JUROS', NUMDIAS: 30, NUMPR: 3, ...terms(30, 60, 90) },
    // A plan for every instalment count the demo store's card orders use (1 to 6).
    { CODPLPAG: 22, DESCRICAO: '2X CARTAO', NUMDIAS: 30, NUMPR: 2, ...terms(30, 60) },
    { CODPLPAG: 24, DESCRICAO: '4X CARTAO', NUMDIAS: 30, NUMPR: 4, ...terms(30, 60, 90, 120) },
    { CODPLPAG: 25, DESCRICAO: '5X CARTAO', NUMDIAS: 30, NUMPR: 5, ...terms(30, 60, 90, 120, 150) },
    { CODPLPAG: 26, DESCRICAO: '6X CARTAO', NUMDIAS: 30, NUMPR: 6, ...terms(30, 60, 90, 120, 150, 180) },
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
      // Tracking addresses: one names where the code goes, one takes it at its end, one has none.
      URLBASERASTREIO: TRACKING_URL_BASES[i] ?? null,
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
