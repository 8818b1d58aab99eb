import type { OrderStatusUpdate } from '../../ciashop/schemas';
import type { OrderStatus } from '../../winthor';

/** STATUS_SENT of an order whose status in the store will not change any more (cancelled, or invoiced with its key). */
export const FINAL_STATUS_MARK = '#';

/**
 * WinThor's order position (PCPEDC.POSICAO) as the store's status (ADR 0211): L/B/P → CONFIRMED (accepted,
 * being handled), M → PACKAGED (picked), F → SHIPPED with the invoice (NUMNOTA, the 44-digit CHAVENFE,
 * DTFAT), C → CANCELLED. An unknown position sends nothing.
 */
export const storeStatusOf = (status: OrderStatus): OrderStatusUpdate | null => {
  const position = status.position.trim().toUpperCase();
  if (position === 'L' || position === 'B' || position === 'P') return { status: 'CONFIRMED' };
  if (position === 'M') return { status: 'PACKAGED' };
  if (position === 'C') return { status: 'CANCELLED' };
  if (position !== 'F') return null;
  const key =
    status.invoiceKey && /^\d{44}$/.test(status.invoiceKey.trim()) ? status.invoiceKey.trim() : null;
  return {
    status: 'SHIPPED',
    ...(status.invoiceNumber !== null
      ? {
          invoice: {
            number: String(status.invoiceNumber),
            ...(key ? { key } : {}),
            ...(status.invoicedAt ? { date: status.invoicedAt.toISOString() } : {}),
          },
        }
      : {}),
  };
};

/**
 * What is remembered as sent (WTC_STORE_ORDER.STATUS_SENT): the status and the invoice, so each change goes
 * out once; marked final once nothing more can change (cancelled, or invoiced with its NF-e key).
 */
export const statusSignature = (update: OrderStatusUpdate): string => {
  const final = update.status === 'CANCELLED' || (update.status === 'SHIPPED' && !!update.invoice?.key);
  return `${final ? FINAL_STATUS_MARK : ''}${update.status}|${update.invoice?.number ?? ''}|${update.invoice?.key ?? ''}`;
};
