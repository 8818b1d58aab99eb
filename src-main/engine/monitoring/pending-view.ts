import { messageRef, type PendingDto } from '../../contract';
import type { PendingRecord } from '../../winthor';

type Link = PendingDto['links'][number];

/**
 * What a pendência is about, for the screen's links (ADR 0026): a product (and its stock or price) by
 * CODPROD; an order by the store's order id and, once WinThor has it, its NUMPED; anything else by its key.
 */
export const linksOf = (pending: PendingRecord, numped: number | null = null): Link[] => {
  const key = pending.erpKey;
  const codprod = /^(?:[^:]+:)?(\d+)$/.exec(key)?.[1];
  switch (pending.entity) {
    case 'product':
    case 'stock':
    case 'price':
      return codprod ? [{ type: 'codprod', value: codprod }] : [{ type: 'key', value: key }];
    case 'order': {
      const fromParams = pending.params.numped;
      const known =
        numped ?? (typeof fromParams === 'number' || typeof fromParams === 'string' ? fromParams : null);
      return [
        { type: 'storeOrder', value: String(pending.params.storeOrderId ?? key) },
        ...(known !== null && known !== '' ? [{ type: 'numped' as const, value: String(known) }] : []),
      ];
    }
    case 'orderStatus':
      return [{ type: 'numped', value: key }];
    case 'category':
      return [{ type: 'category', value: key }];
    case 'customer':
      return [{ type: 'customer', value: key }];
    default:
      return [{ type: 'key', value: key }];
  }
};

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** A pendência as the contract carries it, its message also as a key `pending.<kind>` (ADR 0025). */
export const toPendingDto = (pending: PendingRecord, numped: number | null = null): PendingDto => ({
  id: pending.id,
  entity: pending.entity,
  branch: pending.branch,
  key: pending.erpKey,
  kind: pending.kind,
  message: pending.message,
  fix: pending.fix,
  messageRef: messageRef(`pending.${pending.kind}`, {
    key: pending.erpKey,
    branch: pending.branch,
    ...pending.params,
  }),
  params: pending.params,
  attempts: pending.attempts,
  nextAttemptAt: iso(pending.nextAttemptAt),
  status: pending.status,
  createdAt: pending.createdAt.toISOString(),
  updatedAt: pending.updatedAt.toISOString(),
  ignoreReason: pending.ignoreReason,
  ignoredBy: pending.ignoredBy,
  ignoredAt: iso(pending.ignoredAt),
  resolvedAt: iso(pending.resolvedAt),
  links: linksOf(pending, numped),
});
