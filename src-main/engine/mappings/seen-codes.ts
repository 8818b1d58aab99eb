import type { CodeMapping, MappingKind, StoreCodeSeen } from '../../contract';
import type { Order } from '../../ciashop/schemas';
import { findMapping, normaliseStoreCode, sightingsOf, type StoreCodeSighting } from './order-code-sightings';

/** A sighting counted over many orders: how often, and the newest order's date (ISO, or null). */
export interface SeenCodeRecord extends StoreCodeSighting {
  count: number;
  lastSeenAt: string | null;
}

/**
 * The order import's record of the codes its orders carried (ADR 0024), per branch. The order import
 * implements it on its own table; until it has recorded anything (null or an empty list), the mapping
 * screens read a sample of the store's orders instead.
 */
export interface SeenCodesSource {
  /** The records of one kind and how many orders they come from; null when nothing is recorded yet. */
  seen(branch: string, kind: MappingKind): Promise<{ orders: number; records: SeenCodeRecord[] } | null>;
}

const newer = (a: string | null, b: string | null): string | null => (!a ? b : !b ? a : a > b ? a : b);

/** Counts the sightings of one kind over a list of orders (one record per code and candidate list). */
export const recordSightings = (orders: readonly Order[], kind: MappingKind): SeenCodeRecord[] => {
  const records = new Map<string, SeenCodeRecord>();
  for (const order of orders) {
    const at = order.createdAt ?? order.updatedAt ?? null;
    for (const sighting of sightingsOf(order, kind)) {
      const key = sighting.candidates.map(normaliseStoreCode).join('\n');
      const record = records.get(key);
      if (record) {
        record.count += 1;
        record.lastSeenAt = newer(record.lastSeenAt, at);
      } else {
        records.set(key, { ...sighting, count: 1, lastSeenAt: at });
      }
    }
  }
  return [...records.values()];
};

/**
 * What a screen lists: one line per code (its records merged), mapped when the rows resolve every record
 * of it with the import's own rule (findMapping); the unmapped first, then the most frequent.
 */
export const summariseSeenCodes = (
  records: readonly SeenCodeRecord[],
  rows: readonly CodeMapping[],
): StoreCodeSeen[] => {
  const lines = new Map<string, StoreCodeSeen & { names: Set<string> }>();
  for (const record of records) {
    const key = normaliseStoreCode(record.code);
    const mapped = findMapping(rows, record.candidates) !== undefined;
    const line = lines.get(key);
    if (line) {
      line.count += record.count;
      line.lastSeenAt = newer(line.lastSeenAt, record.lastSeenAt);
      line.mapped &&= mapped;
      if (record.name) line.names.add(record.name);
    } else {
      lines.set(key, {
        code: record.code,
        name: '',
        count: record.count,
        lastSeenAt: record.lastSeenAt,
        mapped,
        names: new Set(record.name ? [record.name] : []),
      });
    }
  }
  return [...lines.values()]
    .map(({ names, ...line }) => ({ ...line, name: [...names].join(', ') }))
    .sort((a, b) => Number(a.mapped) - Number(b.mapped) || b.count - a.count || a.code.localeCompare(b.code));
};
