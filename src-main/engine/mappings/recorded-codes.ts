import type { MappingKind } from '../../contract';
import type { SeenCodeRecord } from './seen-codes';

/** A row of the order import's record of codes (WTC_STORE_CODE), as the mapping screens need it. */
export interface RecordedCode {
  storeCode: string;
  label: string | null;
  /** Orders that carried it (each counted once, when first read). */
  count: number;
  lastSeenAt: Date;
}

/**
 * The order import's recorded codes of one kind as screen records, with the candidates the import's own
 * rule (order-code-sightings.ts) tries for them:
 * - billing: the payment method;
 * - plans: recorded as `method:instalments`; listed as the instalments, resolved by `method:n` or `n`;
 * - carriers: recorded by id with the name as label; resolved by the id or the name.
 */
export const recordsFromRecordedCodes = (
  kind: MappingKind,
  rows: readonly RecordedCode[],
): SeenCodeRecord[] =>
  rows.map((row) => {
    const base = { count: row.count, lastSeenAt: row.lastSeenAt.toISOString() };
    const code = row.storeCode.trim();
    if (kind === 'plans') {
      const split = code.lastIndexOf(':');
      const method = split > 0 ? code.slice(0, split) : '';
      const instalments = split >= 0 ? code.slice(split + 1) : code;
      return {
        ...base,
        code: instalments,
        name: method,
        candidates: method ? [`${method}:${instalments}`, instalments] : [instalments],
      };
    }
    if (kind === 'carriers') {
      const name = row.label?.trim() ?? '';
      return { ...base, code, name, candidates: name ? [code, name] : [code] };
    }
    return { ...base, code, name: code, candidates: [code] };
  });
