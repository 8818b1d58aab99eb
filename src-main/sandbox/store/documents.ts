/** Brazilian CPF / CNPJ with valid check digits (for realistic seed data) and their validators. */

const cpfDigit = (digits: number[]): number => {
  const weightStart = digits.length + 1;
  const sum = digits.reduce((acc, digit, index) => acc + digit * (weightStart - index), 0);
  const rest = (sum * 10) % 11;
  return rest === 10 ? 0 : rest;
};

export const makeCpf = (random: () => number): string => {
  let base: number[];
  do base = Array.from({ length: 9 }, () => Math.floor(random() * 10));
  while (base.every((digit) => digit === base[0]));
  const first = cpfDigit(base);
  const second = cpfDigit([...base, first]);
  return [...base, first, second].join('');
};

export const isValidCpf = (value: string): boolean => {
  const digits = value.replace(/\D/g, '').split('').map(Number);
  if (digits.length !== 11 || digits.every((digit) => digit === digits[0])) return false;
  return cpfDigit(digits.slice(0, 9)) === digits[9] && cpfDigit(digits.slice(0, 10)) === digits[10];
};

const cnpjDigit = (digits: number[]): number => {
  const weights =
    digits.length === 12 ? [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] : [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  const sum = digits.reduce((acc, digit, index) => acc + digit * (weights[index] ?? 0), 0);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
};

export const makeCnpj = (random: () => number): string => {
  const base = [...Array.from({ length: 8 }, () => Math.floor(random() * 10)), 0, 0, 0, 1];
  const first = cnpjDigit(base);
  const second = cnpjDigit([...base, first]);
  return [...base, first, second].join('');
};

export const isValidCnpj = (value: string): boolean => {
  const digits = value.replace(/\D/g, '').split('').map(Number);
  if (digits.length !== 14 || digits.every((digit) => digit === digits[0])) return false;
  return cnpjDigit(digits.slice(0, 12)) === digits[12] && cnpjDigit(digits.slice(0, 13)) === digits[13];
};
