import type { Settings, WinthorParameter } from '../../contract';
import { mapDbError } from '../db/db-errors';
import type { Db } from '../db/db';
import { codeExists, type CodeTable } from '../repositories/lookups-repository';
import { readParameters } from '../repositories/parameters-repository';
import type { PrerequisiteCheck } from './prerequisite-check';

const PARAMETER_RULES: Record<WinthorParameter, { label: string; table?: CodeTable; required: boolean }> = {
  '2829': { label: '% do estoque para o e-commerce', required: false },
  '4008': { label: 'cobrança padrão de clientes novos', table: 'PCCOB', required: true },
  '4009': { label: 'plano de pagamento padrão', table: 'PCPLPAG', required: true },
  '4010': { label: 'coluna de preço de venda (1 a 7 ou PVENDA1 a PVENDA7)', required: false },
  '4011': { label: 'praça padrão', table: 'PCPRACA', required: true },
  '4012': { label: 'RCA (vendedor) padrão', table: 'PCUSUARI', required: true },
  '4013': { label: 'ramo de atividade padrão', table: 'PCATIVI', required: true },
  '4014': { label: 'região de preço', table: 'PCREGIAO', required: false },
};

/**
 * How the engine reads parameters 2829 and 4010 (engine/domain): passed in, so that the screen and the
 * sync agree on what is valid and this adapter does not import the engine. Each throws on a bad value.
 */
export interface ParameterRules {
  stockPercent(value: string | null): number;
  priceColumn(value: string | null): string;
}

const checkParameter = async (
  db: Db,
  rules: ParameterRules,
  parameter: WinthorParameter,
  value: string | null,
  name: string,
  branch: string,
): Promise<PrerequisiteCheck> => {
  const rule = PARAMETER_RULES[parameter];
  const id = `parameter.${branch}.${parameter}`;
  const label = `Parâmetro ${parameter} — ${rule.label} (filial ${branch})`;
  const fix = `Na rotina 132 do WinThor, informe o parâmetro ${parameter} (PCPARAMFILIAL.NOME = ${name}) para a filial ${branch} ou para a empresa (99).`;
  // "@key" names another message the UI renders first (the rule's own words), ADR 0025.
  const labelRef = {
    key: 'prereq.parameter.label',
    params: { parameter, rule: `@prereq.parameterRule.${parameter}`, branch },
  };
  const fixRef = { key: 'prereq.parameter.fix', params: { parameter, name, branch } };
  const refs = (detailKey: string, params: Record<string, string> = {}, withFix = true) => ({
    labelRef,
    detailRef: { key: `prereq.parameter.${detailKey}`, params: { ...params, name } },
    ...(withFix ? { fixRef } : {}),
  });
  if (value === null) {
    if (parameter === '2829')
      return {
        id,
        label,
        status: 'warning',
        detail: 'Não informado: será oferecido 100% do estoque disponível.',
        fix,
        ...refs('default2829'),
      };
    if (parameter === '4010')
      return {
        id,
        label,
        status: 'warning',
        detail: 'Não informado: será usada a coluna PVENDA1.',
        fix,
        ...refs('default4010'),
      };
    if (parameter === '4014')
      return {
        id,
        label,
        status: 'ok',
        detail: 'Não informado: vale a região padrão da filial (PCFILIAL.NUMREGIAOPADRAO).',
        ...refs('default4014', {}, false),
      };
    return {
      id,
      label,
      status: rule.required ? 'error' : 'warning',
      detail: `Não informado (${name}).`,
      fix,
      ...refs('missing'),
    };
  }
  if (parameter === '2829') {
    // The same rule the stock job uses.
    try {
      const percent = String(rules.stockPercent(value));
      return {
        id,
        label,
        status: 'ok',
        detail: `${percent}%`,
        ...refs('percent', { value: percent }, false),
      };
    } catch {
      return {
        id,
        label,
        status: 'error',
        detail: `Valor "${value}" não é um percentual de 0 a 100.`,
        fix,
        ...refs('badPercent', { value }),
      };
    }
  }
  if (parameter === '4010') {
    // The same function the price reads use, so the screen and the prices agree on what is valid.
    try {
      const column = rules.priceColumn(value);
      return { id, label, status: 'ok', detail: column, ...refs('column', { column }, false) };
    } catch {
      return {
        id,
        label,
        status: 'error',
        detail: `Valor "${value}" não é uma coluna de preço: use 1 a 7 ou PVENDA1 a PVENDA7.`,
        fix,
        ...refs('badColumn', { value }),
      };
    }
  }
  const exists = await codeExists(db, rule.table!, value);
  return exists
    ? {
        id,
        label,
        status: 'ok',
        detail: `${value} (existe em ${rule.table})`,
        ...refs('exists', { value, table: rule.table! }, false),
      }
    : {
        id,
        label,
        status: 'error',
        detail: `O código ${value} não existe em ${rule.table}.`,
        fix: `Cadastre o código ${value} em ${rule.table} ou corrija o parâmetro ${parameter} na rotina 132.`,
        ...refs('notExists', { value, table: rule.table! }, false),
        fixRef: { key: 'prereq.parameter.fixCode', params: { value, table: rule.table!, parameter } },
      };
};

/** Each parameter's value and validity, per configured branch (or the company, '99', without branches). */
export const checkParameters = async (
  db: Db,
  settings: Settings,
  rules: ParameterRules,
  branches: readonly string[],
): Promise<PrerequisiteCheck[]> => {
  const checks: PrerequisiteCheck[] = [];
  for (const code of branches.length ? branches : ['99']) {
    const parameters = await readParameters(db, settings.winthor.parameterNames, code);
    for (const parameter of Object.keys(PARAMETER_RULES) as WinthorParameter[]) {
      checks.push(
        await checkParameter(
          db,
          rules,
          parameter,
          parameters[parameter].value,
          parameters[parameter].name,
          code,
        ).catch((error: unknown) => ({
          id: `parameter.${code}.${parameter}`,
          label: `Parâmetro ${parameter} (filial ${code})`,
          status: 'error' as const,
          detail: mapDbError(error).message,
        })),
      );
    }
  }
  return checks;
};
