import type { MessageParams } from '../../contract';
import type { OrderCodes } from './code-mappings';

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
