import { AppError } from '../../shared/app-error';
import type { DbSession } from '../db/db';
import { toNumber, toOptionalNumber, toOptionalText, toText } from './sql-helpers';

/** A WinThor city (PCCIDADE): CODCIDADE is WinThor's own code (NUMBER(6)), not the IBGE one. */
export interface WinthorCity {
  codcidade: number;
  name: string;
  state: string | null;
  ibgeCode: number | null;
}

export interface CityQuery {
  /** IBGE municipality code as the store sends it (billingAddress.ibgeCode): 7 digits, as NF-e's cMun. */
  ibgeCode?: number | string | null;
  name?: string | null;
  state?: string | null;
}

const SELECT_CITY = `SELECT PCCIDADE.CODCIDADE, PCCIDADE.NOMECIDADE, PCCIDADE.UF, PCCIDADE.CODIBGE FROM PCCIDADE`;

/** The 7-digit IBGE code, or null when absent or not 7 digits. */
export const ibgeCodeOf = (value: number | string | null | undefined): number | null => {
  const text = String(value ?? '').trim();
  return /^\d{7}$/.test(text) ? Number(text) : null;
};

const plain = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();

const toCity = (row: Record<string, unknown>): WinthorCity => ({
  codcidade: toNumber(row.CODCIDADE),
  name: toText(row.NOMECIDADE),
  state: toOptionalText(row.UF),
  ibgeCode: toOptionalNumber(row.CODIBGE),
});

/**
 * WinThor's city for an address: by IBGE code (PCCIDADE.CODIBGE) when the store sends one, otherwise by
 * name and state (with and without accents). The lowest CODCIDADE wins when a code appears twice.
 */
export const findCity = async (db: DbSession, query: CityQuery): Promise<WinthorCity | undefined> => {
  const ibge = ibgeCodeOf(query.ibgeCode);
  if (ibge !== null) {
    const row = await db.queryOne(
      `${SELECT_CITY} WHERE PCCIDADE.CODIBGE = :codibge ORDER BY PCCIDADE.CODCIDADE`,
      { codibge: ibge },
    );
    return row ? toCity(row) : undefined;
  }
  const name = query.name?.trim();
  const state = query.state?.trim().toUpperCase();
  if (!name || !state) return undefined;
  const row = await db.queryOne(
    `${SELECT_CITY} WHERE PCCIDADE.UF = :uf AND UPPER(PCCIDADE.NOMECIDADE) IN (:city_name, :city_plain) ORDER BY PCCIDADE.CODCIDADE`,
    { uf: state, city_name: name.toUpperCase(), city_plain: plain(name) },
  );
  return row ? toCity(row) : undefined;
};

/**
 * The city a new customer must have: the NF-e needs it, so a customer without one is refused (a pendência
 * for a person), never created with CODCIDADE NULL.
 */
export const requireCity = async (db: DbSession, query: CityQuery): Promise<WinthorCity> => {
  const city = await findCity(db, query);
  if (city) return city;
  const ibge = ibgeCodeOf(query.ibgeCode);
  const where = [query.name?.trim(), query.state?.trim().toUpperCase()].filter(Boolean).join('/');
  if (ibge === null && !(query.name?.trim() && query.state?.trim())) {
    throw new AppError(
      'customer_city_missing',
      'Endereço do cliente sem cidade: a loja não enviou o código IBGE nem cidade e UF; a NF-e exige a cidade e nenhum cliente foi criado.',
      {
        field: 'billingAddress.ibgeCode',
        fix: 'Corrija o endereço de cobrança do cliente na loja (cidade, UF e código IBGE) e tente de novo.',
      },
    );
  }
  throw new AppError(
    'customer_city_unknown',
    ibge !== null
      ? `Cidade não cadastrada no WinThor: nenhuma cidade com o código IBGE ${ibge}${where ? ` (${where})` : ''} em PCCIDADE.CODIBGE; nenhum cliente foi criado.`
      : `Cidade não cadastrada no WinThor: ${where} não está em PCCIDADE (a loja não enviou o código IBGE); nenhum cliente foi criado.`,
    {
      field: 'billingAddress.ibgeCode',
      fix:
        ibge !== null
          ? `Cadastre no WinThor a cidade com CODIBGE = ${ibge} (ou corrija o código IBGE do endereço do cliente na loja) e tente de novo.`
          : 'Informe o código IBGE no endereço do cliente na loja, ou cadastre a cidade no WinThor com o mesmo nome e UF, e tente de novo.',
    },
  );
};
