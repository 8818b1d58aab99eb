import { contract, isMethodName, type ApiEnvelope, type MethodName, type MethodOutput } from '../contract';
import { AppError } from '../shared/app-error';
import type { CallContext, Handlers } from './handlers';
import { describeValidationError } from '../shared/validation-message';

export interface Dispatcher {
  /** Validates the input, runs the handler, validates the output; never throws. */
  call(method: string, input: unknown, context: CallContext): Promise<ApiEnvelope>;
  /** The same, for trusted callers inside the process: throws AppError on failure. */
  invoke<M extends MethodName>(method: M, input: unknown, context?: CallContext): Promise<MethodOutput<M>>;
}

export interface DispatcherOptions {
  onUnexpectedError?: (method: string, error: unknown) => void;
}

export const createDispatcher = (handlers: Handlers, options: DispatcherOptions = {}): Dispatcher => {
  const invoke = async <M extends MethodName>(
    method: M,
    input: unknown,
    context: CallContext = { origin: 'internal' },
  ): Promise<MethodOutput<M>> => {
    const definition = contract[method];
    // reportInput: the issue says which type it received (only its type name leaves, never the value).
    const parsed = definition.input.safeParse(input ?? {}, { reportInput: true });
    if (!parsed.success) {
      const { message, field, issues } = describeValidationError(parsed.error);
      throw new AppError('invalid_input', message, { ...(field ? { field } : {}), issues });
    }
    const handler = handlers[method] as (input: unknown, context: CallContext) => Promise<unknown>;
    const output = await handler(parsed.data, context);
    const checked = definition.output.safeParse(output);
    if (!checked.success) {
      throw new Error(`Output of ${method} does not match the contract: ${checked.error.message}`);
    }
    return checked.data as MethodOutput<M>;
  };

  const call = async (method: string, input: unknown, context: CallContext): Promise<ApiEnvelope> => {
    if (!isMethodName(method)) {
      return {
        ok: false,
        error: { code: 'unknown_method', message: `Método desconhecido: ${method}.` },
      };
    }
    try {
      return { ok: true, result: await invoke(method, input, context) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toBody() };
      options.onUnexpectedError?.(method, error);
      return {
        ok: false,
        error: {
          code: 'internal_error',
          message: 'Erro interno ao executar a operação. Os detalhes foram registrados no log do aplicativo.',
          retryable: true,
        },
      };
    }
  };

  return { call, invoke };
};
