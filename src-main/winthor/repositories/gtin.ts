/** GS1 check digit of a GTIN's data digits (weights 3,1,3,… from the right, so leading zeros do not count). */
const gs1CheckDigit = (data: string): number => {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += Number(data[data.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
};

const hasValidCheckDigit = (digits: string): boolean =>
  digits.length >= 2 && gs1CheckDigit(digits.slice(0, -1)) === Number(digits.at(-1));

/**
 * The EAN/GTIN of PCPRODUT.CODAUXILIAR (a NUMBER, so leading zeros are lost: UPC-A 012345678905 comes back
 * as 12345678905) as the text to send, or null when it is empty, 0 or not a valid GTIN (a bad EAN is never
 * sent).
 *
 * - 8 digits or fewer: EAN-8, left-padded to 8 (what is printed on the package);
 * - 9 to 13 digits: GTIN-13, left-padded to 13 (an UPC-A becomes its EAN-13 form, with a leading 0);
 * - 14 digits: GTIN-14 (DUN-14) as is;
 * - more than 14 digits, anything that is not a non-negative integer, or a wrong check digit: null.
 *
 * Leading zeros do not change a GS1 check digit, so the check is the same for every padding; the length
 * chosen is the shortest of 8/13/14 that holds the digits (12 is never chosen: an UPC-A goes as EAN-13).
 */
export const normalizeGtin = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  const text = (
    typeof value === 'number' && Number.isSafeInteger(value) ? value.toFixed(0) : String(value)
  ).trim();
  if (!/^\d+$/.test(text)) return null;
  const digits = text.replace(/^0+/, '');
  if (digits === '' || digits.length > 14 || !hasValidCheckDigit(digits)) return null;
  const length = digits.length <= 8 ? 8 : digits.length <= 13 ? 13 : 14;
  return digits.padStart(length, '0');
};
