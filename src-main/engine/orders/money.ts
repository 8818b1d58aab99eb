/**
 * Money to the cent: the WinThor order's total must equal the store's (items, freight, discounts). Values
 * are handled in integer cents; a unit price keeps up to 6 decimals (PCPEDIFV.PVENDA NUMBER(18,6)).
 */

export const toCents = (reais: number): number => Math.round(reais * 100);
export const fromCents = (cents: number): number => cents / 100;

/** A unit price with at most 6 decimals. */
export const unitPrice = (lineCents: number, quantity: number): number =>
  Math.round((lineCents / quantity) * 10_000) / 1_000_000;

/** The line total WinThor computes from a quantity and a unit price, in cents. */
export const lineCentsOf = (quantity: number, price: number): number => Math.round(quantity * price * 100);

/**
 * Spreads `discountCents` over lines in proportion to their totals (largest remainder, so the parts add up
 * exactly). Returns each line's new total in cents.
 */
export const spreadDiscount = (lineCents: readonly number[], discountCents: number): number[] => {
  const total = lineCents.reduce((sum, cents) => sum + cents, 0);
  if (discountCents <= 0 || total <= 0) return [...lineCents];
  const exact = lineCents.map((cents) => (cents * discountCents) / total);
  const shares = exact.map(Math.floor);
  let left = discountCents - shares.reduce((sum, share) => sum + share, 0);
  const order = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    shares[index]! += 1;
    left -= 1;
  }
  return lineCents.map((cents, i) => cents - shares[i]!);
};

export const formatReais = (cents: number): string =>
  `R$ ${(cents / 100).toLocaleString('pt-BR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
