import { AppError } from '../../shared/app-error';
import { CUSTOMER_COLUMN_SIZES, documentDigits, formatDocument, type NewCustomer } from '../../winthor';
import { KeyedQueue } from '../../shared/keyed-queue';
import { formatCep } from './brazil-rules';
import {
  subjectLabel,
  type OrderAddress,
  type OrderCustomer,
  type OrderProblem,
  type ProblemSubject,
} from './order-input';
import type { OrderData } from './order-ports';
import { fitField } from './text-rules';

export type CustomerResolution =
  { ok: true; codcli: number; cgccli: string; created: boolean } | { ok: false; problem: OrderProblem };

/** AppErrors that are a person's to fix (a parameter, the city, the counter): a pendência, not a failed run. */
const FIXABLE = new Set([
  'missing_parameter',
  'invalid_parameter',
  'customer_city_missing',
  'customer_city_unknown',
  'missing_counter',
  'counter_exhausted',
  'counter_update_failed',
  'invalid_document',
]);

/** The customer as WinThor stores it: Latin-1 text cut to PCCLIENT's columns, each cut noted. */
export const newCustomerOf = (
  customer: OrderCustomer,
  delivery: OrderAddress,
  notes: string[],
): NewCustomer => {
  const size = CUSTOMER_COLUMN_SIZES;
  const address = (a: OrderAddress, label: string) => ({
    street: fitField(a.street, size.ENDERENT, `Endereço (${label})`, 'PCCLIENT.ENDERENT', notes),
    number: fitField(a.number, size.NUMEROENT, `Número (${label})`, 'PCCLIENT.NUMEROENT', notes),
    complement: fitField(
      a.complement,
      size.COMPLEMENTOENT,
      `Complemento (${label})`,
      'PCCLIENT.COMPLEMENTOENT',
      notes,
    ),
    district: fitField(a.district, size.BAIRROENT, `Bairro (${label})`, 'PCCLIENT.BAIRROENT', notes),
    city: a.city,
    state: a.state,
    zip: a.zip ? formatCep(a.zip) : null,
  });
  const main = address(delivery, 'entrega');
  const billing = address(customer.billing, 'cobrança');
  return {
    name: fitField(customer.name, size.CLIENTE, 'Nome do cliente', 'PCCLIENT.CLIENTE', notes),
    document: customer.document,
    ie: customer.ie,
    email: fitField(customer.email, size.EMAIL, 'E-mail', 'PCCLIENT.EMAIL', notes) || null,
    phone: customer.phone,
    ...main,
    ibgeCode: delivery.ibgeCode,
    billing: customer.billing.zip ? billing : null,
  };
};

/**
 * The order's WinThor customer: found by CPF/CNPJ digits (and IE for a company), or created in PCCLIENT with
 * the defaults of parameters 4008–4014, WinThor's city by the delivery address's IBGE code and the delivery
 * address. A city WinThor does not have, or a parameter not set, is a pendência and creates nothing.
 */
export const resolveCustomer = async (
  data: OrderData,
  /** Who the messages name: an order ("Pedido 123") or a store customer ("Cliente 5001 da loja"). */
  subject: ProblemSubject,
  customer: OrderCustomer,
  delivery: OrderAddress,
  notes: string[],
): Promise<CustomerResolution> => {
  const cgccli = formatDocument(customer.document) ?? customer.document;
  // One document at a time in this process: a second order (or the customers job) of the same person waits
  // and then finds the customer the first one created (ADR 0218).
  return CUSTOMER_CREATION.run(documentDigits(customer.document), () =>
    findOrCreate(data, subject, customer, delivery, notes, cgccli),
  );
};

const CUSTOMER_CREATION = new KeyedQueue();

const findOrCreate = async (
  data: OrderData,
  subject: ProblemSubject,
  customer: OrderCustomer,
  delivery: OrderAddress,
  notes: string[],
  cgccli: string,
): Promise<CustomerResolution> => {
  const label = subjectLabel(subject);
  try {
    const found = await data.findCustomer({
      document: customer.document,
      ie: customer.company ? customer.ie : null,
    });
    if (found) return { ok: true, codcli: found.codcli, cgccli, created: false };
    const city = await data.findCity({
      ibgeCode: delivery.ibgeCode,
      name: delivery.city,
      state: delivery.state,
    });
    if (!city)
      return {
        ok: false,
        problem: {
          kind: 'cidade_desconhecida',
          message: `${label}: cidade "${delivery.city}/${delivery.state}"${delivery.ibgeCode ? ` (IBGE ${delivery.ibgeCode})` : ''} não cadastrada no WinThor (PCCIDADE.CODIBGE); o cliente novo não foi criado.`,
          fix: `Cadastre a cidade no WinThor com o código IBGE${delivery.ibgeCode ? ` ${delivery.ibgeCode}` : ''} (ou corrija o endereço de entrega na loja); a próxima execução tenta de novo.`,
          params: {
            id: subject.id,
            context: subject.kind === 'order' ? 'order' : 'customer',
            city: delivery.city,
            state: delivery.state,
            ibgeCode: delivery.ibgeCode ?? '-',
          },
        },
      };
    const defaults = await data.customerDefaults();
    const codcli = await data.createCustomer(newCustomerOf(customer, delivery, notes), defaults);
    return { ok: true, codcli, cgccli, created: true };
  } catch (error) {
    if (error instanceof AppError && FIXABLE.has(error.code))
      return {
        ok: false,
        problem: {
          kind: error.code.startsWith('customer_city') ? 'cidade_desconhecida' : 'configuracao',
          message: `${label}: ${error.message}`,
          fix: error.fix ?? 'Corrija a configuração indicada e aguarde a próxima execução.',
          // WinThor's or the setting's own words: said as they are (pt-BR), after the subject in the UI's language.
          params: {
            id: subject.id,
            context: subject.kind === 'order' ? 'order_detail' : 'customer_detail',
            detail: error.message,
            fixDetail: error.fix ?? '',
          },
        },
      };
    throw error;
  }
};
