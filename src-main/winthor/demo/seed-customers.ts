import type { DbSession } from '../db/db';
import { formatCnpj, formatCpf, makeCnpj, makeCpf } from './check-digits';
import { FIRST_NAMES, LAST_NAMES } from './demo-vocabulary';
import { insertAll, type SeedRow } from './insert-rows';
import type { Prng } from './prng';
import type { DemoCity } from './seed-cities';

/**
 * Customers (PCCLIENT) as WinThor screens leave them: one in four a company, half the CPF/CNPJ stored with
 * punctuation, city by WinThor code, tax profile, billing address.
 */
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
    const name = company
      ? `${rng.pick(LAST_NAMES)} COMERCIO LTDA ${i}`
      : `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
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
