import { z } from 'zod';
import { MessageRef, ValidationIssue } from './messages';

/** One method of the API: what it takes and what it gives back, both validated with zod. */
export interface MethodDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One line for the snapshot and the CLI help. */
  summary: string;
}

export const defineMethod = <I extends z.ZodType, O extends z.ZodType>(
  definition: MethodDefinition<I, O>,
): MethodDefinition<I, O> => definition;

export const NoInput = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });

/** The error every transport carries back: a code for programs, a message (pt-BR) for people. */
export const ApiErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
  fix: z.string().optional(),
  retryable: z.boolean().optional(),
  /** The message and the fix as keys and values, for a UI in another language (ADR 0025). */
  messageRef: MessageRef.optional(),
  fixRef: MessageRef.optional(),
  /** A refused input: each problem as data (ADR 0025). */
  issues: z.array(ValidationIssue).optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

export const ApiEnvelope = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorBody }),
]);
export type ApiEnvelope = z.infer<typeof ApiEnvelope>;
