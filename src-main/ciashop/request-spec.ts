import type { z } from 'zod';
import type { CallSafety } from './retry-policy';

export type QueryValue = string | number | boolean | Array<string | number> | undefined;
export type RequestQuery = Record<string, QueryValue>;

export interface RequestSpec<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: RequestQuery;
  body?: unknown;
  safety: CallSafety;
  /** An answer schema: output = input (it checks, it does not transform; ADR 0206). */
  schema?: z.ZodType<T, T>;
}

/** What one logical call returns: the checked body, the headers and the status. */
export interface StoreAnswer<T> {
  data: T;
  headers: Record<string, string | undefined>;
  status: number;
}

/** Builds `a=1&status[]=X&status[]=Y` (brackets kept literal, values encoded). */
export const buildQuery = (query: RequestQuery | undefined): string => {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value))
      for (const item of value) parts.push(`${key}[]=${encodeURIComponent(String(item))}`);
    else parts.push(`${key}=${encodeURIComponent(String(value))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
};

/** Query values that identify people (CPF/CNPJ, e-mail) never reach logs or error messages (LGPD). */
const PERSONAL_QUERY = /([?&](?:documentid|document|email|cpf|cnpj)=)[^&]*/gi;
export const redactPath = (path: string): string =>
  path.includes('?') ? path.replace(PERSONAL_QUERY, '$1***') : path;
