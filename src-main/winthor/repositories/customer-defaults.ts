import type { NewCustomerSettings } from '../../contract';
import { AppError } from '../../shared/app-error';
import type { ResolvedParameters } from './parameters-repository';

/** Defaults of a customer created from the store: parameters 4008, 4009, 4011, 4012, 4013, 4014 and the branch. */
export interface CustomerDefaults {
  codcob: string;
  codplpag: number;
  codpraca: number;
  codusur: number;
  codatv: number;
  numregiao: number | null;
  /** PCCLIENT.CODFILIALNF: the branch that invoices the customer. */
  codfilialnf: string;
  /** PCCLIENT.CONSUMIDORFINAL of a company with a state registration (a site's choice, ADR 0110). */
  companyWithIeIsFinalConsumer: boolean;
}

/** The new-customer settings when none are given: the order's branch invoices, companies with IE resell. */
export const DEFAULT_NEW_CUSTOMER_SETTINGS: NewCustomerSettings = {
  invoicingBranch: '',
  companyWithIeIsFinalConsumer: false,
};

const requireParameter = (
  parameters: ResolvedParameters,
  id: '4008' | '4009' | '4011' | '4012' | '4013',
  label: string,
): string => {
  const value = parameters[id].value;
  if (value === null) {
    throw new AppError(
      'missing_parameter',
      `Parâmetro ${id} (${label}) não configurado no WinThor (PCPARAMFILIAL.NOME = ${parameters[id].name}).`,
      {
        field: `winthor.parameterNames.${id}`,
        fix: `Na rotina 132, informe o parâmetro ${id} para a filial ou para a empresa (filial 99).`,
      },
    );
  }
  return value;
};

const requireNumber = (id: string, text: string, label: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n)) {
    throw new AppError('invalid_parameter', `Parâmetro ${id} (${label}) com valor inválido: "${text}".`, {
      field: `winthor.parameterNames.${id}`,
      fix: 'Informe um código numérico na rotina 132.',
    });
  }
  return n;
};

/**
 * The defaults of a customer created for an order of `branch`: the parameters of that branch, and the
 * site's new-customer settings (invoicing branch, final consumer rule for companies with IE).
 */
export const customerDefaultsFrom = (
  parameters: ResolvedParameters,
  branch: string,
  settings: NewCustomerSettings = DEFAULT_NEW_CUSTOMER_SETTINGS,
): CustomerDefaults => {
  const region = parameters['4014'].value;
  return {
    codcob: requireParameter(parameters, '4008', 'cobrança'),
    codplpag: requireNumber(
      '4009',
      requireParameter(parameters, '4009', 'plano de pagamento'),
      'plano de pagamento',
    ),
    codpraca: requireNumber('4011', requireParameter(parameters, '4011', 'praça'), 'praça'),
    codusur: requireNumber('4012', requireParameter(parameters, '4012', 'RCA'), 'RCA'),
    codatv: requireNumber(
      '4013',
      requireParameter(parameters, '4013', 'ramo de atividade'),
      'ramo de atividade',
    ),
    numregiao: region === null ? null : requireNumber('4014', region, 'região'),
    codfilialnf: settings.invoicingBranch.trim() || branch,
    companyWithIeIsFinalConsumer: settings.companyWithIeIsFinalConsumer,
  };
};

/** What WinThor's tax rules read on the customer: 'S' / 'N'. */
export interface TaxProfile {
  /** PCCLIENT.CONSUMIDORFINAL */
  finalConsumer: 'S' | 'N';
  /** PCCLIENT.CONTRIBUINTE (ICMS taxpayer) */
  taxpayer: 'S' | 'N';
}

/**
 * Individuals (CPF) are final consumers and not ICMS taxpayers. A company (CNPJ) is a taxpayer when it has a
 * state registration (IE), and then a final consumer only if the site says so; without IE it is a final
 * consumer and not a taxpayer (ADR 0110).
 */
export const taxProfileOf = (
  documentDigits: string,
  normalizedIe: string,
  companyWithIeIsFinalConsumer: boolean,
): TaxProfile => {
  if (documentDigits.length !== 14) return { finalConsumer: 'S', taxpayer: 'N' };
  if (normalizedIe === 'ISENTO') return { finalConsumer: 'S', taxpayer: 'N' };
  return { finalConsumer: companyWithIeIsFinalConsumer ? 'S' : 'N', taxpayer: 'S' };
};
