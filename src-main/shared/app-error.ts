/** What a caller sees of an error: the same shape as the contract's ApiErrorBody. */
export interface AppErrorBody {
  code: string;
  message: string;
  field?: string;
  fix?: string;
  retryable?: boolean;
}

export interface AppErrorOptions {
  field?: string;
  fix?: string;
  retryable?: boolean;
  cause?: unknown;
}

/**
 * An error meant for a person: a stable code, a pt-BR message naming the field and the fix.
 * Anything else thrown inside a handler reaches the UI only as a generic "erro interno".
 * It carries no transport concern: the HTTP host picks a status from the code (api/error-status.ts).
 */
export class AppError extends Error {
  readonly code: string;
  readonly field?: string;
  readonly fix?: string;
  readonly retryable?: boolean;

  constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.field = options.field;
    this.fix = options.fix;
    this.retryable = options.retryable;
  }

  toBody(): AppErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.field ? { field: this.field } : {}),
      ...(this.fix ? { fix: this.fix } : {}),
      ...(this.retryable !== undefined ? { retryable: this.retryable } : {}),
    };
  }
}
