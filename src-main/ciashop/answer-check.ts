import { z } from 'zod';
import type { RequestSpec } from './request-spec';
import { StoreError } from './store-error';

/**
 * Answer schemas compiled once (z.compile: a generated checker, several times faster than the runtime one;
 * on a failure it falls back to the runtime parser, so the same issues). Keyed by schema, so the
 * constants in schemas.ts compile on first use and nothing is compiled per request.
 */
const compiledSchemas = new WeakMap<z.ZodType, z.ZodType>();
const compiled = <T>(schema: z.ZodType<T, T>): z.ZodType<T, T> => {
  let fast = compiledSchemas.get(schema) as z.ZodType<T, T> | undefined;
  if (!fast) {
    fast = z.compile(schema);
    compiledSchemas.set(schema, fast);
  }
  return fast;
};

/** One list schema per item schema (not a new z.array per call or per pull). */
const listSchemas = new WeakMap<z.ZodType, z.ZodType>();
export const listOf = <T>(schema: z.ZodType<T, T>): z.ZodType<T[], T[]> => {
  let list = listSchemas.get(schema) as z.ZodType<T[], T[]> | undefined;
  if (!list) {
    list = z.array(schema);
    listSchemas.set(schema, list);
  }
  return list;
};

const describeIssues = (error: z.ZodError): string =>
  error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(raiz)'}: ${issue.message}`)
    .join('; ');

/**
 * Answer schemas only check (schemas.ts, ADR 0206): a valid answer is returned as JSON.parse built it, with
 * no copy; only an invalid one is parsed again, for the issues that name the fields. `shownPath` is the
 * path as it may be shown (personal query values redacted).
 */
export const checkAnswer = <T>(spec: RequestSpec<T>, shownPath: string, data: unknown): T => {
  if (!spec.schema) return data as T;
  const schema = compiled(spec.schema);
  if (schema.validate(data)) return data as T;
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new StoreError({
    kind: 'invalid_response',
    status: 200,
    retryable: false,
    message: `A loja respondeu ${spec.method} ${shownPath} com dados fora do formato esperado: ${describeIssues(result.error)}.`,
    method: spec.method,
    path: shownPath,
  });
};
