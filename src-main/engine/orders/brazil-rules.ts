/**
 * Brazilian document and address rules an order must pass before anything is written to WinThor: CPF and
 * CNPJ check digits, CEP (8 digits), UF (the 27 federative units).
 */

export const digitsOf = (value: string | null | undefined): string => (value ?? '').replace(/\D/g, '');

const mod11 = (digits: readonly number[], weights: readonly number[]): number => {
  const sum = digits.reduce((acc, digit, i) => acc + digit * weights[i]!, 0);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
};

const allSame = (digits: readonly number[]): boolean => digits.every((d) => d === digits[0]);

export const isValidCpf = (value: string): boolean => {
  const d = digitsOf(value).split('').map(Number);
  if (d.length !== 11 || allSame(d)) return false;
  const first = mod11(d.slice(0, 9), [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = mod11([...d.slice(0, 9), first], [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return d[9] === first && d[10] === second;
};

export const isValidCnpj = (value: string): boolean => {
  const d = digitsOf(value).split('').map(Number);
  if (d.length !== 14 || allSame(d)) return false;
  const first = mod11(d.slice(0, 12), [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = mod11([...d.slice(0, 12), first], [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return d[12] === first && d[13] === second;
};

export const UFS = [
  'AC',
  'AL',
  'AP',
  'AM',
  'BA',
  'CE',
  'DF',
  'ES',
  'GO',
  'MA',
  'MT',
  'MS',
  'MG',
  'PA',
  'PB',
  'PR',
  'PE',
  'PI',
  'RJ',
  'RN',
  'RS',
  'RO',
  'RR',
  'SC',
  'SP',
  'SE',
  'TO',
] as const;

export const isValidUf = (value: string | null | undefined): boolean =>
  (UFS as readonly string[]).includes((value ?? '').trim().toUpperCase());

/** A CEP is 8 digits (punctuation ignored), never all zeros. */
export const isValidCep = (value: string | null | undefined): boolean => {
  const digits = digitsOf(value);
  return digits.length === 8 && digits !== '00000000';
};

/** 01310-100, the form WinThor screens store in CEPENT (VARCHAR2(9)). */
export const formatCep = (value: string): string => {
  const digits = digitsOf(value);
  return `${digits.slice(0, 5)}-${digits.slice(5)}`;
};
