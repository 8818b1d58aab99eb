import { AppError } from '../../shared/app-error';
import { PRICE_COLUMNS, type PriceColumn } from '../../winthor';

/** Parameter 4010 → the PCTABPR column (1..7 or PVENDA1..PVENDA7). Blank = PVENDA1. */
export const priceColumnFor = (value: string | null): PriceColumn => {
  const text = (value ?? '')
    .trim()
    .toUpperCase()
    .replace(/^PVENDA/, '');
  if (text === '') return 'PVENDA1';
  const column = `PVENDA${text}` as PriceColumn;
  if (!PRICE_COLUMNS.includes(column)) {
    throw new AppError(
      'invalid_parameter',
      `Parâmetro 4010 (coluna de preço de venda) com valor inválido: "${value}".`,
      {
        field: 'winthor.parameterNames.4010',
        fix: 'Na rotina 132 do WinThor, informe um número de 1 a 7 (PVENDA1 a PVENDA7).',
      },
    );
  }
  return column;
};

/**
 * The price region of a branch: parameter 4014 where set, else the branch's PCFILIAL.NUMREGIAOPADRAO
 * (`branchDefault`: undefined = the branch is not in PCFILIAL, null = it has no default region).
 */
export const priceRegionFor = (
  branch: string,
  regionParameter: string | null,
  branchDefault: number | null | undefined,
): number => {
  const fromParameter = (regionParameter ?? '').trim();
  if (fromParameter !== '') {
    const region = Number(fromParameter);
    if (!Number.isInteger(region) || region <= 0) {
      throw new AppError(
        'invalid_parameter',
        `Parâmetro 4014 (região de preço) com valor inválido: "${regionParameter}".`,
        {
          field: 'winthor.parameterNames.4014',
          fix: 'Na rotina 132, informe o número de uma região cadastrada (PCREGIAO) ou deixe em branco para usar a região padrão da filial.',
        },
      );
    }
    return region;
  }
  if (branchDefault === undefined) {
    throw new AppError('unknown_branch', `Filial ${branch} não existe no WinThor (PCFILIAL).`, {
      field: 'branches',
      fix: 'Confira o código da filial nas configurações.',
    });
  }
  if (branchDefault === null) {
    throw new AppError(
      'missing_region',
      `Filial ${branch} sem região de preço padrão (PCFILIAL.NUMREGIAOPADRAO) e sem o parâmetro 4014.`,
      {
        field: 'winthor.parameterNames.4014',
        fix: 'Informe a região padrão da filial no WinThor ou o parâmetro 4014 na rotina 132.',
      },
    );
  }
  return branchDefault;
};
