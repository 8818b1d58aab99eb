import { hash } from 'node:crypto';

/**
 * The reference definition: JSON with object keys sorted, so that the same payload always gives the same
 * text (and hash). `canonicalJson` below writes exactly this text, faster; this one stays for what it does
 * not handle itself (objects other than plain ones and arrays: a Date, a class with toJSON…) and as the
 * test's oracle.
 */
export const referenceCanonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : inner,
  );

/** An array index as JavaScript orders object keys (integer keys first, ascending). */
const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;
const isIndex = (key: string): boolean => {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && ARRAY_INDEX.test(key) && Number(key) < 4294967295;
};

/**
 * Object keys in the order the reference writes them: sorted by UTF-16 code units (an insertion sort: payload
 * objects have a handful of keys), then — as `Object.fromEntries` rebuilds the object — integer-like keys
 * moved first in numeric order.
 */
const orderedKeys = (object: object): string[] => {
  const keys = Object.keys(object);
  let indexes = false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (!indexes && isIndex(key)) indexes = true;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j -= 1;
    }
    keys[j + 1] = key;
  }
  if (!indexes) return keys;
  return [
    ...keys.filter(isIndex).sort((a, b) => Number(a) - Number(b)),
    ...keys.filter((key) => !isIndex(key)),
  ];
};

/** Object keys as JSON text, kept: payloads repeat the same few keys. */
const QUOTED_LIMIT = 1000;
const quotedKeys = new Map<string, string>();
const quotedKey = (key: string): string => {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size >= QUOTED_LIMIT) quotedKeys.clear();
    quotedKeys.set(key, quoted);
  }
  return quoted;
};

/** What JSON.stringify escapes in a string (quote, backslash, control characters, surrogates). */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

const isPlainObject = (value: object): boolean => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** One value's text, or undefined where JSON leaves it out (undefined, a function, a symbol). */
const write = (value: unknown): string | undefined => {
  switch (typeof value) {
    case 'string':
      return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
    case 'number':
      // Not String(value): V8 keeps number-to-string results in a cache that lives in the old generation,
      // so every weight, dimension and price written would be promoted garbage (peak RSS of a reconcile).
      // JSON.stringify writes a number as JSON does (NaN and Infinity as null) without that cache.
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          out += write(value[i]) ?? 'null';
        }
        return `${out}]`;
      }
      if (!isPlainObject(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function')
        return referenceCanonicalJson(value);
      let out = '{';
      let first = true;
      for (const key of orderedKeys(value)) {
        const text = write((value as Record<string, unknown>)[key]);
        if (text === undefined) continue;
        out += `${first ? '' : ','}${quotedKey(key)}:${text}`;
        first = false;
      }
      return `${out}}`;
    }
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      // bigint: JSON.stringify's own error.
      return JSON.stringify(value);
  }
};

/**
 * JSON with object keys sorted, so that the same payload always gives the same text (and hash). The text
 * is exactly `referenceCanonicalJson`'s — the hashes stored on bindings stay valid — written in one pass
 * instead of a replacer that rebuilds every object (the reconcile hashes every product of the catalogue).
 */
export const canonicalJson = (value: unknown): string => write(value) as string;

/**
 * The hash stored on a binding: equal hashes mean the store already has this payload, so no call is made
 * ("only real changes cost a call").
 */
export const payloadHash = (payload: unknown): string => hash('sha256', canonicalJson(payload), 'hex');
