import { WINTHOR_PARAMETERS, type WinthorParameter } from '../../contract';
import type { DbSession } from '../db/db';
import { inList, toText } from './sql-helpers';

export const COMPANY_BRANCH = '99';

export interface ResolvedParameter {
  parameter: WinthorParameter;
  /** PCPARAMFILIAL.NOME used (from settings.winthor.parameterNames). */
  name: string;
  /** Trimmed value; null when neither the branch nor '99' has a non-blank value. */
  value: string | null;
  /** Where the value came from. */
  source: 'branch' | 'company' | 'missing';
}

export type ParameterNames = Record<WinthorParameter, string>;
export type ResolvedParameters = Record<WinthorParameter, ResolvedParameter>;

/**
 * Reads the parameters of one branch: a non-blank branch row overrides the company row ('99'); a blank
 * branch value falls back to '99' (Oracle stores '' as NULL, so "blank" and "no row" must mean the same).
 */
export const readParameters = async (
  db: DbSession,
  names: ParameterNames,
  branch: string,
): Promise<ResolvedParameters> => {
  const wanted = [...new Set(WINTHOR_PARAMETERS.map((p) => names[p]).filter((n) => !!n))];
  const list = inList('n', wanted);
  const rows = await db.query(
    `SELECT PCPARAMFILIAL.NOME, PCPARAMFILIAL.CODFILIAL, PCPARAMFILIAL.VALOR FROM PCPARAMFILIAL
      WHERE PCPARAMFILIAL.CODFILIAL IN (:branch, '${COMPANY_BRANCH}') AND PCPARAMFILIAL.NOME IN (${list.sql})`,
    { branch, ...list.binds },
  );
  const value = (name: string, codfilial: string): string | null => {
    const row = rows.find(
      (r) => toText(r.NOME).toUpperCase() === name.toUpperCase() && toText(r.CODFILIAL) === codfilial,
    );
    const text = row ? toText(row.VALOR) : '';
    return text === '' ? null : text;
  };
  const out = {} as ResolvedParameters;
  for (const parameter of WINTHOR_PARAMETERS) {
    const name = names[parameter];
    const own = branch === COMPANY_BRANCH ? null : value(name, branch);
    const company = value(name, COMPANY_BRANCH);
    out[parameter] = {
      parameter,
      name,
      value: own ?? company,
      source: own !== null ? 'branch' : company !== null ? 'company' : 'missing',
    };
  }
  return out;
};
