import type { CodeMapping, MappingKind } from '../../contract';
import type { Order } from '../../ciashop/schemas';

/**
 * One code an order carries for a mapping screen: what the screen lists (`code`, `name`) and the codes a
 * mapping row may use for it, most specific first (`candidates`). This file is the one definition of
 * "which mapping row resolves this order" (ADR 0023): the order import and the screens' warnings share it.
 */
export interface StoreCodeSighting {
  /** What the screen lists and a new mapping is offered for. */
  code: string;
  /** What the store calls it (a shipping method's name; for plans, the payment method). */
  name: string;
  /** Mapping store codes that resolve it, tried in this order. */
  candidates: string[];
}

/** How the store codes of mapping rows are compared: without case and surrounding spaces. */
export const normaliseStoreCode = (code: string): string => code.trim().toLowerCase();

/**
 * The instalments of a payment as a code. A payment without instalments (Pix, boleto: the store may omit
 * the field or send 0) is paid at once: "1".
 */
const instalmentsOf = (installments: number | null | undefined): string =>
  String(installments && installments > 0 ? Math.trunc(installments) : 1);

/**
 * The codes of one kind an order carries:
 * - billing: each payment's method (`CreditCard`, `Pix`…);
 * - plans: each payment's number of instalments (`3`), or `method:instalments` (`CreditCard:3`) for a plan
 *   that holds for one method only — the more specific row wins;
 * - carriers: the shipping method's id (`2`) or, for a row typed with it, its name (`Correios SEDEX`).
 */
export const sightingsOf = (order: Order, kind: MappingKind): StoreCodeSighting[] => {
  if (kind === 'carriers') {
    const shipping = order.shippingMethod;
    if (!shipping) return [];
    const id = String(shipping.id).trim();
    const name = shipping.name.trim();
    return id ? [{ code: id, name, candidates: name ? [id, name] : [id] }] : [];
  }
  const payments = (order.payments ?? []).filter((payment) => payment.method.trim() !== '');
  if (kind === 'billing') {
    return payments.map((payment) => {
      const method = payment.method.trim();
      return { code: method, name: method, candidates: [method] };
    });
  }
  return payments.map((payment) => {
    const method = payment.method.trim();
    const instalments = instalmentsOf(payment.installments);
    return { code: instalments, name: method, candidates: [`${method}:${instalments}`, instalments] };
  });
};

/** The mapping row that resolves a sighting: the first candidate with a row, or undefined (a pendência). */
export const findMapping = (
  rows: readonly CodeMapping[],
  candidates: readonly string[],
): CodeMapping | undefined => {
  for (const candidate of candidates) {
    const wanted = normaliseStoreCode(candidate);
    const row = rows.find((mapping) => normaliseStoreCode(mapping.storeCode) === wanted);
    if (row) return row;
  }
  return undefined;
};
