import { createHash } from 'node:crypto';
import type { OrderStatusUpdate } from '../../ciashop/schemas';
import type { OrderStatus } from '../../winthor';

/** STATUS_SENT of an order whose status in the store will not change any more (cancelled, or invoiced with its key). */
export const FINAL_STATUS_MARK = '#';

/**
 * How long after invoicing an order with its NF-e key stays followed for its tracking code (ADR 0216): the
 * carrier's code is often typed in WinThor a day or two after the invoice. Reading it costs no store call.
 */
export const TRACKING_WAIT_MS = 5 * 86_400_000;

/** Where the carrier's code goes into its tracking address (PCFORNEC.URLBASERASTREIO), when the base names it. */
const CODE_PLACEHOLDER = /\{(codigo|código|code)\}/i;

/** The tracking address: the carrier's base with the code in its placeholder, or appended; only http(s). */
export const trackingUrlOf = (base: string | null, code: string): string | undefined => {
  const trimmed = base?.trim() ?? '';
  if (!/^https?:\/\/\S+$/i.test(trimmed)) return undefined;
  const encoded = encodeURIComponent(code);
  return CODE_PLACEHOLDER.test(trimmed) ? trimmed.replace(CODE_PLACEHOLDER, encoded) : `${trimmed}${encoded}`;
};

/**
 * WinThor's order position (PCPEDC.POSICAO) as the store's status (ADR 0211): L/B/P → CONFIRMED (accepted,
 * being handled), M → PACKAGED (picked), F → SHIPPED with the invoice (NUMNOTA, the 44-digit CHAVENFE,
 * DTFAT) and the tracking code (PCPEDC.CODIGORASTREIOFRETEVENDA, with the carrier's address, ADR 0216),
 * C → CANCELLED. An unknown position sends nothing.
 */
export const storeStatusOf = (status: OrderStatus): OrderStatusUpdate | null => {
  const position = status.position.trim().toUpperCase();
  if (position === 'L' || position === 'B' || position === 'P') return { status: 'CONFIRMED' };
  if (position === 'M') return { status: 'PACKAGED' };
  if (position === 'C') return { status: 'CANCELLED' };
  if (position !== 'F') return null;
  const key =
    status.invoiceKey && /^\d{44}$/.test(status.invoiceKey.trim()) ? status.invoiceKey.trim() : null;
  const code = status.trackingCode?.trim() ?? '';
  const url = code ? trackingUrlOf(status.trackingUrlBase, code) : undefined;
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
    ...(code ? { tracking: { code, ...(url ? { url } : {}) } } : {}),
  };
};

/**
 * Nothing more will change in the store: cancelled; or invoiced with its NF-e key and either its tracking
 * code sent or the wait for one over (TRACKING_WAIT_MS after DTFAT).
 */
export const isFinalStatus = (update: OrderStatusUpdate, invoicedAt: Date | null, now: Date): boolean => {
  if (update.status === 'CANCELLED') return true;
  if (update.status !== 'SHIPPED' || !update.invoice?.key) return false;
  // Without DTFAT there is nothing to time the wait from: done.
  if (update.tracking || invoicedAt === null) return true;
  return now.getTime() - invoicedAt.getTime() >= TRACKING_WAIT_MS;
};

/** The tracking code as remembered: itself when short and plain, else a short digest (STATUS_SENT has 120). */
const trackingMark = ({ tracking }: OrderStatusUpdate): string => {
  if (!tracking) return '';
  // Plain only when it cannot be mistaken for the marks around it nor outgrow the column (bytes, not letters).
  if (!tracking.url && /^[A-Za-z0-9.-]{1,40}$/.test(tracking.code)) return `|${tracking.code}`;
  const digest = createHash('sha256')
    .update(`${tracking.code}\n${tracking.url ?? ''}`)
    .digest('hex');
  return `|h${digest.slice(0, 16)}`;
};

/**
 * What is remembered as sent (WTC_STORE_ORDER.STATUS_SENT): the status, the invoice and the tracking code,
 * so each change goes out once; marked final (`#`) once nothing more can change. Without a tracking code
 * the text is what it was before tracking was sent, so an upgrade re-sends nothing.
 */
export const statusSignature = (update: OrderStatusUpdate, final: boolean): string =>
  `${final ? FINAL_STATUS_MARK : ''}${update.status}|${update.invoice?.number ?? ''}|${update.invoice?.key ?? ''}${trackingMark(update)}`;

const withoutFinalMark = (text: string): string =>
  text.startsWith(FINAL_STATUS_MARK) ? text.slice(FINAL_STATUS_MARK.length) : text;

/** The signature computed now says to the store what the stored one said (the final mark is our own note). */
export const sameStatusSent = (signature: string, stored: string | null): boolean =>
  stored !== null && withoutFinalMark(signature) === withoutFinalMark(stored);

/** The status a stored signature says was sent (CONFIRMED, SHIPPED, CANCELLED…), or null. */
export const sentStatusOf = (stored: string | null): string | null =>
  stored === null ? null : (withoutFinalMark(stored).split('|')[0] ?? null);
