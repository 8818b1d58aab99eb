import type { MessageParams } from '../../contract';
import type { Order } from '../../ciashop/schemas';
import { digitsOf, isValidCep, isValidCnpj, isValidCpf, isValidUf } from './brazil-rules';
import type { OrderCodes } from './code-mappings';
import { toCents } from './money';
import { hasLetters, latinText } from './text-rules';

/**
 * Why an order cannot go to WinThor now: one pendência, pt-BR, naming the field and the fix, with the values
 * the UI needs to say it in another language (ADR 0025, 0032): `context` picks a variant of the kind's text.
 */
export interface OrderProblem {
  kind: string;
  message: string;
  fix: string;
  params: MessageParams;
}

/** Whose data a customer problem is about: an order's billing block, or a customer read from the store. */
export interface ProblemSubject {
  kind: 'order' | 'customer';
  /** The store's order id or customer id. */
  id: string;
}

/** "Pedido 123", "Cliente 5001 da loja": who the pt-BR messages name. */
export const subjectLabel = (subject: ProblemSubject): string =>
  subject.kind === 'order' ? `Pedido ${subject.id}` : `Cliente ${subject.id} da loja`;

export interface OrderAddress {
  street: string;
  number: string;
  complement: string;
  district: string;
  city: string;
  state: string;
  zip: string;
  ibgeCode: string | null;
  reference: string;
  recipient: string;
}

export interface OrderLine {
  /** NUMSEQ: 1, 2, … in the store's order. */
  seq: number;
  codprod: number;
  sku: string;
  quantity: number;
  /** The store's unit price for the line (adjustedPrice, else price). */
  unitPrice: number;
}

export interface OrderCustomer {
  name: string;
  /** CPF (11) or CNPJ (14) digits, check digits valid. */
  document: string;
  company: boolean;
  /** State registration as sent; "ISENTO" for an exempt company. Null for a person without one. */
  ie: string | null;
  email: string | null;
  phone: string | null;
  billing: OrderAddress;
}

/** A store order read and checked: everything the import needs, in the store's terms. */
export interface OrderInput {
  id: string;
  status: string;
  createdAt: Date | null;
  codes: OrderCodes;
  lines: OrderLine[];
  freightCents: number;
  /** The store's total (order.total, else the payments' sum, else items + freight). */
  totalCents: number;
  delivery: OrderAddress;
  customer: OrderCustomer;
}

export const CANCELLED = 'cancelled';

/** The store's status in lower case; "Cancelled" / "CANCELLED" both mean cancelled. */
export const isCancelled = (status: string): boolean => status.trim().toLowerCase() === CANCELLED;

const text = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

const addressOf = (source: Record<string, unknown>, recipient: string): OrderAddress => ({
  street: text(source.street),
  number: text(source.streetNumber),
  complement: text(source.streetComplement),
  district: text(source.district),
  city: text(source.city),
  state: text(source.state).toUpperCase(),
  zip: text(source.zipCode),
  ibgeCode: text(source.ibgeCode) || null,
  reference: text(source.reference),
  recipient: text(source.recipientName) || recipient,
});

const problem = (found: OrderProblem): { ok: false; problem: OrderProblem } => ({
  ok: false,
  problem: found,
});

const ORDER_FIX = 'Corrija o pedido na loja (ou o cadastro do cliente) e aguarde a próxima execução.';

export const readCustomer = (
  /** Who the messages name: an order ("Pedido 123") or a store customer ("Cliente 5001 da loja"). */
  subject: ProblemSubject,
  billing: Record<string, unknown>,
  /** Where the fields are in the store's document: "billing." for an order, "" for a customer. */
  prefix = 'billing.',
): { ok: true; customer: OrderCustomer } | { ok: false; problem: OrderProblem } => {
  const label = subjectLabel(subject);
  const who = { id: subject.id, context: subject.kind === 'order' ? 'order' : 'customer' };
  const name = latinText(text(billing.name));
  if (!hasLetters(name))
    return problem({
      kind: 'nome_invalido',
      message: `${label}: o nome do cliente (${prefix}name) está vazio ou não tem letras que o WinThor grave ("${text(billing.name)}").`,
      fix: 'Informe na loja o nome do cliente com letras latinas (acentos são aceitos) e aguarde a próxima execução.',
      params: { ...who, field: `${prefix}name`, value: text(billing.name) },
    });
  const raw = text(billing.documentId);
  const document = digitsOf(raw);
  if (document === '')
    return problem({
      kind: 'documento_invalido',
      message: `${label}: cliente sem CPF/CNPJ (${prefix}documentId).`,
      fix: 'Informe o CPF ou CNPJ do cliente na loja; o WinThor exige o documento para faturar.',
      params: {
        id: subject.id,
        context: subject.kind === 'order' ? 'order_empty' : 'customer_empty',
        field: `${prefix}documentId`,
      },
    });
  const company = document.length === 14;
  const docType = company ? 'CNPJ' : document.length === 11 ? 'CPF' : 'CPF/CNPJ';
  const rightLength = document.length === 11 || company;
  if (document.length === 11 ? !isValidCpf(document) : !company || !isValidCnpj(document))
    return problem({
      kind: 'documento_invalido',
      message: `${label}: ${docType} inválido "${raw}" (${prefix}documentId): ${rightLength ? 'dígito verificador não confere' : `${document.length} dígitos`}.`,
      fix: 'Corrija o CPF (11 dígitos) ou CNPJ (14 dígitos) do cliente na loja e aguarde a próxima execução.',
      params: {
        ...who,
        docType,
        document: raw,
        field: `${prefix}documentId`,
        reason: rightLength ? '@pendingPart.checkDigit' : '@pendingPart.digitCount',
        digits: document.length,
      },
    });
  const ieText = text(billing.regionalDocumentId);
  const ieType = text(billing.regionalDocumentType).toUpperCase();
  if (company && ieText === '')
    return problem({
      kind: 'sem_ie',
      message: `${label}: empresa (CNPJ ${raw}) sem inscrição estadual (${prefix}regionalDocumentId).`,
      fix: 'Informe na loja a inscrição estadual da empresa, ou "ISENTO" se ela não tiver, e aguarde a próxima execução.',
      params: { ...who, document: raw, field: `${prefix}regionalDocumentId` },
    });
  const phone = `${digitsOf(text(billing.phoneAreaCode))}${digitsOf(text(billing.phoneNumber) || text(billing.phone))}`;
  return {
    ok: true,
    customer: {
      name,
      document,
      company,
      ie: company ? ieText : ieType === 'IE' && ieText ? ieText : null,
      email: text(billing.email) || null,
      phone: phone || null,
      billing: addressOf(billing, name),
    },
  };
};

const checkAddress = (id: string, address: OrderAddress, field: string): OrderProblem | null => {
  if (!isValidCep(address.zip))
    return {
      kind: 'cep_invalido',
      message: `Pedido ${id}: CEP de entrega inválido "${address.zip}" (${field}.zipCode): são 8 dígitos.`,
      fix: 'Corrija o CEP do endereço de entrega na loja e aguarde a próxima execução.',
      params: { storeOrderId: id, zip: address.zip, field: `${field}.zipCode` },
    };
  if (!isValidUf(address.state))
    return {
      kind: 'uf_invalida',
      message: `Pedido ${id}: UF de entrega inválida "${address.state}" (${field}.state).`,
      fix: 'Corrija a UF (sigla do estado, ex.: SP) do endereço de entrega na loja e aguarde a próxima execução.',
      params: { storeOrderId: id, state: address.state, field: `${field}.state` },
    };
  return null;
};

/**
 * Reads a store order into what the import needs and checks what the store alone can get wrong: items,
 * quantities, SKU codes, the customer's name, CPF/CNPJ check digits, a company's IE, the delivery CEP and
 * UF. Mappings, products, prices and the city are checked against WinThor afterwards.
 */
export const readOrder = (
  order: Order,
): { ok: true; input: OrderInput } | { ok: false; problem: OrderProblem } => {
  const id = String(order.id);
  if (order.orderItems.length === 0)
    return problem({
      kind: 'pedido_sem_itens',
      message: `Pedido ${id} sem itens (orderItems).`,
      fix: ORDER_FIX,
      params: { storeOrderId: id },
    });
  const lines: OrderLine[] = [];
  for (const [index, item] of order.orderItems.entries()) {
    const raw = item as Record<string, unknown>;
    const sku = text(raw.erpId) || text(raw.sku);
    const codprod = Number(sku);
    if (!/^\d{1,6}$/.test(sku) || !Number.isInteger(codprod) || codprod <= 0)
      return problem({
        kind: 'sku_desconhecido',
        message: `Pedido ${id}, item ${index + 1}: SKU "${sku || text(raw.variantId)}" não é um código de produto do WinThor (orderItems[${index}].erpId).`,
        fix: 'Cadastre a variação na loja com o código do produto do WinThor (CODPROD) como código ERP e aguarde a próxima execução.',
        params: {
          storeOrderId: id,
          item: index + 1,
          sku: sku || text(raw.variantId),
          field: `orderItems[${index}].erpId`,
          context: 'notACode',
        },
      });
    if (!(item.quantity > 0))
      return problem({
        kind: 'quantidade_invalida',
        message: `Pedido ${id}, item ${index + 1} (produto ${codprod}): quantidade ${item.quantity} (orderItems[${index}].quantity); só quantidades maiores que zero são importadas.`,
        fix: 'Corrija a quantidade do item na loja (ou cancele o pedido) e aguarde a próxima execução.',
        params: {
          storeOrderId: id,
          item: index + 1,
          codprod,
          quantity: item.quantity,
          field: `orderItems[${index}].quantity`,
        },
      });
    const unitPrice = num(item.adjustedPrice) ?? item.price;
    if (!(unitPrice >= 0))
      return problem({
        kind: 'total_divergente',
        message: `Pedido ${id}, item ${index + 1} (produto ${codprod}): preço ${unitPrice} inválido (orderItems[${index}].price).`,
        fix: ORDER_FIX,
        params: {
          storeOrderId: id,
          item: index + 1,
          codprod,
          price: String(unitPrice),
          field: `orderItems[${index}].price`,
          context: 'itemPrice',
        },
      });
    lines.push({ seq: index + 1, codprod, sku, quantity: item.quantity, unitPrice });
  }
  const billing = (order.billing ?? {}) as Record<string, unknown>;
  const customer = readCustomer({ kind: 'order', id }, billing);
  if (!customer.ok) return customer;
  const shipping = order.shippingAddress as Record<string, unknown> | null | undefined;
  const delivery =
    shipping && text(shipping.zipCode)
      ? addressOf(shipping, customer.customer.name)
      : customer.customer.billing;
  const addressProblem = checkAddress(
    id,
    delivery,
    shipping && text(shipping.zipCode) ? 'shippingAddress' : 'billing',
  );
  if (addressProblem) return { ok: false, problem: addressProblem };
  const payment = order.payments?.[0];
  const freightCents = toCents(num(order.shippingMethod?.cost) ?? 0);
  const itemsCents = lines.reduce((sum, line) => sum + Math.round(line.unitPrice * line.quantity * 100), 0);
  const orderTotal = num((order as Record<string, unknown>).total);
  const paid = order.payments?.length
    ? order.payments.every((p) => num(p.value) !== null)
      ? order.payments.reduce((sum, p) => sum + toCents(p.value ?? 0), 0)
      : null
    : null;
  return {
    ok: true,
    input: {
      id,
      status: order.status,
      createdAt:
        order.createdAt && !Number.isNaN(Date.parse(order.createdAt)) ? new Date(order.createdAt) : null,
      codes: {
        paymentMethod: payment?.method?.trim() || null,
        installments: payment?.installments && payment.installments > 0 ? payment.installments : 1,
        shipping: order.shippingMethod
          ? { id: String(order.shippingMethod.id), name: order.shippingMethod.name }
          : null,
      },
      lines,
      freightCents,
      totalCents: orderTotal !== null ? toCents(orderTotal) : (paid ?? itemsCents + freightCents),
      delivery,
      customer: customer.customer,
    },
  };
};
