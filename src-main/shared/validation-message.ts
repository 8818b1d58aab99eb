import { z } from 'zod';
import type { InputIssue } from './app-error';

// Every validation message of the main process in pt-BR ("Entrada inválida: esperava um número, recebeu
// um texto"), whatever the entry point (web server, command line, desktop): they all build their errors
// here. Configured once, for zod's global config; the renderer has its own messages.
z.config(z.locales.ptBR());

/** The path of an issue; an unknown key names the key itself (`branches.0.Store`). */
const pathsOf = (issue: z.core.$ZodIssue): string[] => {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => (path ? `${path}.${key}` : key));
  return [path];
};

const describeIssue = (issue: z.core.$ZodIssue): string[] => {
  if (issue.code === 'unrecognized_keys') {
    return pathsOf(issue).map((path) => `${path}: campo desconhecido (verifique a grafia do nome).`);
  }
  const [path] = pathsOf(issue);
  return [path ? `${path}: ${issue.message}` : issue.message];
};

type Scalar = string | number | boolean | null;

/** zod's name for the type of a value (what its messages say was received). */
const typeName = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'nan';
  return typeof value;
};

const scalar = (value: unknown): Scalar | undefined => {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value as Scalar;
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(String).join('|');
  return undefined;
};

/**
 * What an issue's code needs to be said in another language (ADR 0025): zod's own fields (expected,
 * minimum, maximum, inclusive, origin, format, values…) and, for a check of ours, its `params` (`key` names
 * its message in the UI's dictionaries).
 */
const paramsOf = (issue: z.core.$ZodIssue): Record<string, Scalar> => {
  const raw = issue as unknown as Record<string, unknown>;
  const params: Record<string, Scalar> = {};
  for (const name of [
    'expected',
    'origin',
    'minimum',
    'maximum',
    'inclusive',
    'format',
    'divisor',
    'values',
  ]) {
    const value = scalar(raw[name]);
    if (value !== undefined) params[name] = value;
  }
  if (issue.code === 'invalid_type') params.received = typeName(raw.input);
  if (issue.code === 'custom' && issue.params) {
    for (const [name, value] of Object.entries(issue.params)) {
      const plain = scalar(value);
      if (plain !== undefined) params[name] = plain;
    }
  }
  return params;
};

/** Each problem of a zod error as data, one per unknown key (at most `max`). */
export const validationIssues = (error: z.ZodError, max = 20): InputIssue[] =>
  error.issues.slice(0, max).flatMap((issue) => {
    const params = paramsOf(issue);
    const messages = describeIssue(issue);
    return pathsOf(issue).map((path, i) => ({
      path,
      code: issue.code,
      message: messages[i] ?? issue.message,
      ...(Object.keys(params).length ? { params } : {}),
    }));
  });

/** Turns a zod error into one pt-BR sentence naming each field that is wrong, and the issues as data. */
export const describeValidationError = (
  error: z.ZodError,
): { message: string; field?: string; issues: InputIssue[] } => {
  const issues = error.issues.slice(0, 5);
  const parts = issues.flatMap(describeIssue);
  const first = issues[0] ? pathsOf(issues[0])[0] : undefined;
  return {
    message: `Dados inválidos — ${parts.join('; ')}`,
    ...(first ? { field: first } : {}),
    issues: validationIssues(error),
  };
};
