/** EAN-13 check digit of the first 12 digits (GS1: weights 1,3 from the left). */
export const ean13CheckDigit = (first12: string): number => {
  if (!/^\d{12}$/.test(first12)) throw new Error(`EAN-13: esperados 12 dígitos, recebido ${first12}`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
};

export const isValidEan13 = (ean: string): boolean =>
  /^\d{13}$/.test(ean) && ean13CheckDigit(ean.slice(0, 12)) === Number(ean[12]);

/** Mod-11 check digit of an NF-e access key (43 digits → 44th), weights 2..9 from the right. */
export const nfeKeyCheckDigit = (first43: string): number => {
  let sum = 0;
  let weight = 2;
  for (let i = first43.length - 1; i >= 0; i--) {
    sum += Number(first43[i]) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
};

const cpfDigit = (digits: string, startWeight: number): number => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (startWeight - i);
  const rest = (sum * 10) % 11;
  return rest === 10 ? 0 : rest;
};

/** A valid CPF (11 digits) from 9 base digits. */
export const makeCpf = (base9: string): string => {
  const d1 = cpfDigit(base9, 10);
  const d2 = cpfDigit(base9 + d1, 11);
  return `${base9}${d1}${d2}`;
};

const cnpjDigit = (digits: string): number => {
  const weights =
    digits.length === 12 ? [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] : [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
};

/** A valid CNPJ (14 digits) from 12 base digits. */
export const makeCnpj = (base12: string): string => {
  const d1 = cnpjDigit(base12);
  return `${base12}${d1}${cnpjDigit(base12 + d1)}`;
};

export const formatCpf = (d: string): string =>
  `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}`;
export const formatCnpj = (d: string): string =>
  `${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5, 8)}/${d.slice(8, 12)}-${d.slice(12)}`;
