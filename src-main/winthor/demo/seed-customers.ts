import type { DbSession } from '../db/db';
import { formatCnpj, formatCpf, makeCnpj, makeCpf } from './check-digits';
import { insertAll, type SeedRow } from './insert-rows';
import type { Prng } from './prng';

export interface DemoCity {
  /** WinThor's own city code (PCCIDADE.CODCIDADE, NUMBER(6)): not the IBGE code. */
  codcidade: number;
  name: string;
  /** IBGE municipality code, 7 digits (PCCIDADE.CODIBGE; NF-e cMun). */
  ibge: number;
  uf: string;
  zip: string;
}

/** Real municipalities and their IBGE codes, around the two demo branches (Porto Alegre, São Paulo). */
export const DEMO_CITIES: readonly DemoCity[] = [
  { codcidade: 1, name: 'PORTO ALEGRE', ibge: 4314902, uf: 'RS', zip: '90010-000' },
  { codcidade: 2, name: 'CANOAS', ibge: 4304606, uf: 'RS', zip: '92010-000' },
  { codcidade: 3, name: 'NOVO HAMBURGO', ibge: 4313409, uf: 'RS', zip: '93510-000' },
  { codcidade: 4, name: 'CAXIAS DO SUL', ibge: 4305108, uf: 'RS', zip: '95010-000' },
  { codcidade: 5, name: 'PELOTAS', ibge: 4314407, uf: 'RS', zip: '96010-000' },
  { codcidade: 6, name: 'SANTA MARIA', ibge: 4316907, uf: 'RS', zip: '97010-000' },
  { codcidade: 7, name: 'FLORIANÓPOLIS', ibge: 4205407, uf: 'SC', zip: '88010-000' },
  { codcidade: 8, name: 'CURITIBA', ibge: 4106902, uf: 'PR', zip: '80010-000' },
  { codcidade: 9, name: 'SÃO PAULO', ibge: 3550308, uf: 'SP', zip: '01001-000' },
  { codcidade: 10, name: 'CAMPINAS', ibge: 3509502, uf: 'SP', zip: '13010-000' },
  { codcidade: 11, name: 'RIO DE JANEIRO', ibge: 3304557, uf: 'RJ', zip: '20010-000' },
  { codcidade: 12, name: 'BELO HORIZONTE', ibge: 3106200, uf: 'MG', zip: '30110-000' },
];

export const seedCities = async (db: DbSession): Promise<readonly DemoCity[]> => {
  await insertAll(
    db,
    'PCCIDADE',
    DEMO_CITIES.map((c) => ({ CODCIDADE: c.codcidade, NOMECIDADE: c.name, CODIBGE: c.ibge, UF: c.uf })),
  );
  return DEMO_CITIES;
};

const FIRST = [
  'ANA',
  'BRUNO',
  'CARLA',
  'DIEGO',
  'ELISA',
  'FABIO',
  'GABRIELA',
  'HUGO',
  'IARA',
  'JOAO',
  'LUCAS',
  'MARIA',
];
const LAST = ['SILVA', 'SOUZA', 'OLIVEIRA', 'PEREIRA', 'COSTA', 'RODRIGUES', 'ALMEIDA', 'NASCIMENTO'];

/** Customers as WinThor screens leave them: city by WinThor code, tax profile, billing address. */
export const seedCustomers = async (
  db: DbSession,
  rng: Prng,
  count: number,
  cities: readonly DemoCity[],
  now: Date,
): Promise<void> => {
  const rows: SeedRow[] = [];
  for (let i = 1; i <= count; i++) {
    const company = i % 4 === 0;
    const digits = company
      ? makeCnpj(`${String(20_000_000 + i * 104_729).slice(0, 8)}0001`)
      : makeCpf(String(100_000_000 + i * 7_654_321).slice(-9));
    const name = company ? `${rng.pick(LAST)} COMERCIO LTDA ${i}` : `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    // Most customers near the head office; the rest spread over the other cities (no rng: same catalogue).
    const city = i % 3 === 0 ? cities[i % cities.length]! : cities[0]!;
    const address = {
      ENDER: 'RUA DAS FLORES',
      NUMERO: String(rng.int(1, 2000)),
      COMPLEMENTO: null,
      BAIRRO: 'CENTRO',
      MUNIC: city.name.slice(0, 15),
      EST: city.uf,
      CEP: city.zip,
    };
    rows.push({
      CODCLI: i,
      CLIENTE: name,
      FANTASIA: name.slice(0, 40),
      // Half stored with punctuation, half digits only: both happen in real databases.
      CGCENT: i % 2 === 0 ? (company ? formatCnpj(digits) : formatCpf(digits)) : digits,
      IEENT: company ? String(1_000_000_000 + i) : 'ISENTO',
      TIPOFJ: company ? 'J' : 'F',
      CONSUMIDORFINAL: company ? 'N' : 'S',
      CONTRIBUINTE: company ? 'S' : 'N',
      EMAIL: `cliente${i}@exemplo.com.br`,
      TELENT: `51999${String(100000 + i).slice(-6)}`,
      ...Object.fromEntries(Object.entries(address).map(([k, v]) => [`${k}ENT`, v])),
      ...Object.fromEntries(Object.entries(address).map(([k, v]) => [`${k}COB`, v])),
      CODCIDADE: city.codcidade,
      CODCOB: 'CART',
      CODPLPAG: 1,
      CODPRACA: 1,
      CODUSUR1: 99,
      CODATV1: 2,
      NUMREGIAOCLI: 1,
      CODFILIALNF: '1',
      DTCADASTRO: now,
      DTULTALTER: now,
      DTEXCLUSAO: null,
      BLOQUEIO: 'N',
    });
  }
  await insertAll(db, 'PCCLIENT', rows);
};
