/** Keys whose values are secrets wherever they appear in a line's details (a store's answer, a request). */
const SECRET_KEY = /(token|password|passwd|senha|secret|authorization|api[-_]?key|cookie|credential)/i;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/g;

export const MASK = '••••';

/**
 * A log line's details as the screen may show them: JSON parsed (text that is not JSON stays text), every
 * value under a secret-looking key replaced by ••••, and bearer/basic credentials inside text too.
 */
export const redactDetails = (details: string | null): unknown => {
  if (details === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(details);
  } catch {
    return redactText(details);
  }
  return redactValue(value);
};

const redactText = (text: string): string => text.replace(BEARER, (_, scheme: string) => `${scheme} ${MASK}`);

const redactValue = (value: unknown, depth = 0): unknown => {
  if (depth > 20) return MASK;
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [
        key,
        SECRET_KEY.test(key) && item !== null && item !== '' ? MASK : redactValue(item, depth + 1),
      ]),
    );
  }
  return value;
};
