import { MAPPING_KINDS, type Branch, type MappingKind } from '../../contract';
import type { Order } from '../../ciashop/schemas';
import type { Clock } from '../../shared/clock';
import { normaliseStoreUrl } from '../../shared/store-url';
import { recordSightings, type SeenCodeRecord } from './seen-codes';

/** Reads at most `maxPages` pages (calls) of `pageSize` orders waiting for import in a branch's store. */
export type StoreOrderReader = (
  branch: Branch,
  limits: { pageSize: number; maxPages: number },
) => Promise<Order[]>;

export interface StoreSample {
  readAt: Date;
  orders: number;
  records: Record<MappingKind, SeenCodeRecord[]>;
}

export interface StoreCodeSamplerOptions {
  clock: Clock;
  /** How long a sample serves every screen of the store. Default 15 minutes. */
  ttlMs?: number;
  /** A sample younger than this is served even when a refresh is asked. Default 2 minutes. */
  minRefreshMs?: number;
  /** A failed read is answered again (no call) for this long. Default 1 minute. */
  failureTtlMs?: number;
  pageSize?: number;
  /** Calls one sample may make. Default 2. */
  maxPages?: number;
}

interface Entry {
  at: number;
  result: Promise<StoreSample>;
  failed?: boolean;
}

/**
 * The codes the store's orders carry, for the mapping screens when the order import has recorded none
 * (ADR 0024): one sample per store (two branches selling in one store share it) of at most `maxPages`
 * calls, kept `ttlMs`; a refresh within `minRefreshMs` of the last read is served from the cache, and
 * screens opened together share one read in flight. A failure is kept `failureTtlMs`, so a store that is
 * down is not asked again by every screen.
 */
export class StoreCodeSampler {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly minRefreshMs: number;
  private readonly failureTtlMs: number;
  private readonly limits: { pageSize: number; maxPages: number };

  constructor(
    private readonly read: StoreOrderReader,
    private readonly options: StoreCodeSamplerOptions,
  ) {
    this.ttlMs = options.ttlMs ?? 15 * 60_000;
    this.minRefreshMs = options.minRefreshMs ?? 2 * 60_000;
    this.failureTtlMs = options.failureTtlMs ?? 60_000;
    this.limits = { pageSize: options.pageSize ?? 100, maxPages: options.maxPages ?? 2 };
  }

  /** The store's sample for this branch: cached, or read now (throws the store's error). */
  sample(branch: Branch, refresh = false): Promise<StoreSample> {
    const key = normaliseStoreUrl(branch.store.url);
    const now = this.options.clock.now();
    const entry = this.entries.get(key);
    if (entry && this.fresh(entry, now, refresh)) return entry.result;
    const result = this.read(branch, this.limits).then((orders) => ({
      readAt: new Date(this.options.clock.now()),
      orders: orders.length,
      records: Object.fromEntries(
        MAPPING_KINDS.map((kind) => [kind, recordSightings(orders, kind)]),
      ) as Record<MappingKind, SeenCodeRecord[]>,
    }));
    const created: Entry = { at: now, result };
    this.entries.set(key, created);
    result.catch(() => {
      created.failed = true;
    });
    return result;
  }

  private fresh(entry: Entry, now: number, refresh: boolean): boolean {
    const age = now - entry.at;
    if (entry.failed) return age < this.failureTtlMs;
    return age < (refresh ? this.minRefreshMs : this.ttlMs);
  }
}
