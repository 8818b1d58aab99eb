import type { OrderAddress, OrderProblem } from './order-input';

/** A store field as trimmed text ('' when absent or not text/number). */
export const text = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';

/** A store field as a finite number, else null. */
export const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** An address block of the store (billing, shippingAddress) in the import's terms. */
export const addressOf = (source: Record<string, unknown>, recipient: string): OrderAddress => ({
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

/** The failed result of a read. */
export const problem = (found: OrderProblem): { ok: false; problem: OrderProblem } => ({
  ok: false,
  problem: found,
});
