import { AppError } from '../../shared/app-error';

export const digitsOnly = (value: string): string => value.replace(/\D/g, '');

/** CPF 000.000.000-00 / CNPJ 00.000.000/0000-00, the punctuated forms WinThor screens store. */
export const formatDocument = (digits: string): string | null => {
  if (digits.length === 11)
    return `${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6, 9)}-${digits.slice(9)}`;
  if (digits.length === 14)
    return `${digits.slice(0, 2)}.${digits.slice(2, 5)}.${digits.slice(5, 8)}/${digits.slice(8, 12)}-${digits.slice(12)}`;
  return null;
};

/** State registration as compared: digits only, or 'ISENTO' when empty/exempt. */
export const normalizeIe = (value: string | null | undefined): string => {
  const text = (value ?? '').trim().toUpperCase();
  if (text === '' || text.startsWith('ISENT')) return 'ISENTO';
  const digits = digitsOnly(text);
  return digits === '' ? 'ISENTO' : digits;
};

/** The CPF/CNPJ digits of a document, or a pt-BR error naming the field. */
export const documentDigits = (document: string): string => {
  const digits = digitsOnly(document);
  if (digits.length !== 11 && digits.length !== 14) {
    throw new AppError('invalid_document', `CPF/CNPJ inválido: "${document}".`, {
      field: 'document',
      fix: 'Informe 11 dígitos (CPF) ou 14 (CNPJ).',
    });
  }
  return digits;
};
