import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so that the same payload always gives the same text (and hash). */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : inner,
  );

/**
 * The hash stored on a binding: equal hashes mean the store already has this payload, so no call is made
 * ("only real changes cost a call").
 */
export const payloadHash = (payload: unknown): string =>
  createHash('sha256').update(canonicalJson(payload)).digest('hex');
