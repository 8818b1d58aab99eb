import { z } from 'zod';
import { ApiErrorBody, contract, type Contract, type MethodName, type MethodOutput } from '@contract';

/** What a fake may write for `method`'s answer: the output schema's input (defaults may be left out). */
export type FakeAnswerValue<M extends MethodName> = z.input<Contract[M]['output']>;

/**
 * A test fake's answer to `method`, parsed by the contract's output schema, so that a fake cannot drift
 * from what the real API answers: an answer the contract would not produce fails the test here.
 */
export const fakeAnswer = <M extends MethodName>(method: M, value: FakeAnswerValue<M>): MethodOutput<M> => {
  const parsed = contract[method].output.safeParse(value);
  if (!parsed.success) {
    throw new Error(`Fake answer to ${method} breaks the contract:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data as MethodOutput<M>;
};

/** A fake error body, parsed by the contract's ApiErrorBody (what every transport carries back). */
export const fakeError = (body: z.input<typeof ApiErrorBody>): ApiErrorBody => {
  const parsed = ApiErrorBody.safeParse(body);
  if (!parsed.success) throw new Error(`Fake error breaks the contract:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
};
