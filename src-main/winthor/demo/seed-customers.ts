import type { DbSession } from '../db/db';
import { formatCnpj, formatCpf, makeCnpj, makeCpf } from './check-digits';
import { FIRST_NAMES, LAST_NAMES } from './demo-vocabulary';
import { insertAll, type SeedRow } from './insert-rows';
import type { Prng } from './prng';

/** Customers (PCCLIENT): one in four a company, half the CPF/CNPJ stored with punctuation. */
export const seedCustomers = async (db: DbSession, rng: Prng, count: number, now: Date): Promise<void> => {
  const rows: SeedRow[] = [];
  for (let i = 1; i <= count; i++) {
    const company = i % 4 === 0;
    const digits = company
      ? makeCnpj(`${String(20_000_000 + i * 104_729).slice(0, 8)}0001`)
      : makeCpf(String(100_000_000 + i * 7_654_321).slice(-9));
    const name = company
      ? `${rng.pick(LAST_NAMES)} COMERCIO LTDA ${i}`
      : `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
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
      ENDERENT: 'RUA DAS FLORES',
      NUMEROENT: String(rng.int(1, 2000)),
      COMPLEMENTOENT: null,
      BAIRROENT: 'CENTRO',
      MUNICENT: 'PORTO ALEGRE',
      ESTENT: 'RS',
      CEPENT: '90010-000',
      CODCIDADE: 431490,
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
  await insertAll(db, 'PCCLIENT', rows);
};
