import { describe, expect, it } from 'vitest';
import type { StoreOrderRecord } from '../../winthor';
import type { JobContext } from '../job-context';
import { ACK_UNSUPPORTED_CURSOR, acknowledgeProcessed } from './order-acknowledger';

/** A store whose `statusProcessed` answers 404 for a batch holding an id it does not know (or for any batch). */
const fakeContext = (storeIds: number[], known: Set<number>, routeExists: boolean) => {
  let pending = storeIds.map((id, i) => ({ id: i + 1, storeOrderId: String(id) }) as StoreOrderRecord);
  const cursors = new Map<string, string | null>();
  const batches: number[][] = [];
  const gets: number[] = [];
  const context = {
    counts: { storeCalls: 0 },
    signal: new AbortController().signal,
    now: () => new Date(),
    log: () => undefined,
    data: {
      orders: {
        cursor: async (name: string) => cursors.get(name) ?? null,
        setCursor: async (name: string, value: string | null) => void cursors.set(name, value),
        unacknowledged: async (limit: number) => pending.slice(0, limit),
        acknowledged: async (ids: number[]) => {
          pending = pending.filter((r) => !ids.includes(r.id));
        },
      },
      orderStore: {
        acknowledgeOrders: async (ids: number[]) => {
          batches.push(ids);
          return routeExists && ids.every((id) => known.has(id))
            ? { status: 'acknowledged' as const, count: ids.length }
            : { status: 'not_implemented' as const, message: 'Esta loja não implementa a confirmação.' };
        },
        orderExists: async (id: number) => {
          gets.push(id);
          return known.has(id);
        },
      },
    },
  } as unknown as JobContext;
  return { context, batches, gets, cursors, remaining: () => pending };
};

describe('acknowledging processed orders (review #10, finding 3)', () => {
  it('one id the store does not know does not pause the acknowledgement of the others', async () => {
    const ids = Array.from({ length: 16 }, (_, i) => 900_001 + i);
    const f = fakeContext(ids, new Set(ids.filter((id) => id !== 900_011)), true);
    await acknowledgeProcessed(f.context);
    expect(f.remaining()).toEqual([]);
    expect(f.cursors.get(ACK_UNSUPPORTED_CURSOR) ?? null).toBeNull();
    expect(f.gets).toEqual([900_011]);
    // Halving: about log2(16) + 1 calls per level, far from one call per order.
    expect(f.batches.length).toBeLessThanOrEqual(10);
  });

  it('an older store (the route answers 404 though GET knows the order) is paused for a day', async () => {
    const ids = [900_001, 900_002, 900_003, 900_004];
    const f = fakeContext(ids, new Set(ids), false);
    await acknowledgeProcessed(f.context);
    expect(f.cursors.get(ACK_UNSUPPORTED_CURSOR)).toBeTruthy();
    expect(f.gets).toEqual([900_001]);
    expect(f.remaining()).toHaveLength(4);
  });
});
