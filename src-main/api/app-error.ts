import type { ApiErrorBody } from './contract';

/**
 * An error meant for a person: a stable code, a pt-BR message naming the field and the fix.
 * Anything else thrown inside a handler reaches the UI only as a generic "erro interno".
 */
export class AppError extends Error {
  readonly code: string;
  readonly field?: string;
  readonly fix?: string;
  readonly retryable?: boolean;
  readonly status: number;

  constructor(
    code: string,
    message: string,
    options: { field?: string; fix?: string; retryable?: boolean; status?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.field = options.field;
    this.fix = options.fix;
    this.retryable = options.retryable;
    this.status = options.status ?? 400;
  }

  toBody(): ApiErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.field ? { field: this.field } : {}),
      ...(this.fix ? { fix: this.fix } : {}),
      ...(this.retryable !== undefined ? { retryable: this.retryable } : {}),
    };
  }
}
