import type { DbSession } from '../db/db';
import { insertAll } from './insert-rows';

export interface DemoCity {
  /** WinThor's own city code (PCCIDADE.CODCIDADE, NUMBER(6)): not the IBGE code. */
  codcidade: number;
  name: string;
  /** IBGE municipality code, 7 digits (PCCIDADE.CODIBGE; NF-e cMun). */
  ibge: number;
  uf: string;
  zip: string;
}

/**
 * Real municipalities and their IBGE codes: around the two demo branches (Porto Alegre, São Paulo), and
 * every city of the demo store's customers.
 */
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
  // The other cities the demo store's customers live in, so their orders find a WinThor city (ADR 0221).
  { codcidade: 13, name: 'GOIÂNIA', ibge: 5208707, uf: 'GO', zip: '74003-010' },
  { codcidade: 14, name: 'RECIFE', ibge: 2611606, uf: 'PE', zip: '50010-000' },
  { codcidade: 15, name: 'SALVADOR', ibge: 2927408, uf: 'BA', zip: '40010-000' },
  { codcidade: 16, name: 'FORTALEZA', ibge: 2304400, uf: 'CE', zip: '60010-000' },
];

/** Cities (PCCIDADE), so customers get a WinThor city code and the NF-e its IBGE code (ADR 0110). */
export const seedCities = async (db: DbSession): Promise<readonly DemoCity[]> => {
  await insertAll(
    db,
    'PCCIDADE',
    DEMO_CITIES.map((c) => ({ CODCIDADE: c.codcidade, NOMECIDADE: c.name, CODIBGE: c.ibge, UF: c.uf })),
  );
  return DEMO_CITIES;
};
