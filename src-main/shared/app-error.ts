/** A message as a key and its values, for a UI in another language (the contract's MessageRef, ADR 0025). */
export interface MessageKey {
  key: string;
  params?: Record<string, string | number | boolean | null>;
}

/** One problem of a refused input, as data (the contract's ValidationIssue). */
export interface InputIssue {
  path: string;
  code: string;
  message: string;
  params?: Record<string, string | number | boolean | null>;
}

/** What a caller sees of an error: the same shape as the contract's ApiErrorBody. */
export interface AppErrorBody {
  code: string;
  message: string;
  field?: string;
  fix?: string;
  retryable?: boolean;
  messageRef?: MessageKey;
  fixRef?: MessageKey;
  issues?: InputIssue[];
}

export interface AppErrorOptions {
  field?: string;
  fix?: string;
  retryable?: boolean;
  cause?: unknown;
  /** The message as a key (pt-BR `message` stays the fallback). */
  messageRef?: MessageKey;
  fixRef?: MessageKey;
  issues?: InputIssue[];
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
  readonly messageRef?: MessageKey;
  readonly fixRef?: MessageKey;
  readonly issues?: InputIssue[];

  constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.field = options.field;
    this.fix = options.fix;
    this.retryable = options.retryable;
    this.messageRef = options.messageRef;
    this.fixRef = options.fixRef;
    this.issues = options.issues;
  }

  toBody(): AppErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.field ? { field: this.field } : {}),
      ...(this.fix ? { fix: this.fix } : {}),
      ...(this.retryable !== undefined ? { retryable: this.retryable } : {}),
      ...(this.messageRef ? { messageRef: this.messageRef } : {}),
      ...(this.fixRef ? { fixRef: this.fixRef } : {}),
      ...(this.issues?.length ? { issues: this.issues } : {}),
    };
  }
}
