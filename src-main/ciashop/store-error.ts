import { AppError } from '../shared/app-error';

export const STORE_ERROR_KINDS = [
  'auth',
  'not_found',
  'conflict',
  'rate_limited',
  'server',
  'network',
  'timeout',
  'invalid_response',
  'bad_request',
  'circuit_open',
] as const;
export type StoreErrorKind = (typeof STORE_ERROR_KINDS)[number];

export interface StoreErrorDetail {
  message: string;
  code?: string;
  moreInfo?: string;
}

export interface StoreErrorOptions {
  kind: StoreErrorKind;
  /** The store's status: responseCode from the body when present, else the HTTP status; 0 = no answer. */
  status: number;
  message: string;
  retryable?: boolean;
  retryAfterMs?: number;
  details?: StoreErrorDetail[];
  method?: string;
  path?: string;
  cause?: unknown;
  /** What a person should do; default: the kind's usual fix. */
  fix?: string;
}

const DEFAULT_RETRYABLE: Record<StoreErrorKind, boolean> = {
  auth: false,
  not_found: false,
  conflict: false,
  rate_limited: true,
  server: true,
  network: true,
  timeout: true,
  invalid_response: true,
  bad_request: false,
  circuit_open: true,
};

const FIXES: Partial<Record<StoreErrorKind, string>> = {
  auth: 'Confira o token da loja na configuração da filial (gere um novo no painel da loja, se preciso).',
  network: 'Confira a URL da loja e a conexão com a internet deste computador.',
  timeout: 'A loja demorou a responder; o integrador tentará de novo.',
  rate_limited: 'O limite de chamadas por hora da loja foi atingido; o integrador aguarda e continua.',
  circuit_open:
    'A loja falhou várias vezes seguidas; o integrador pausou as chamadas e tentará de novo sozinho.',
};

/** The one error type of the store client (ADR 0203): a kind for programs, a pt-BR message for people. */
export class StoreError extends AppError {
  readonly kind: StoreErrorKind;
  /** The store's status: responseCode from the body when present, else the HTTP status; 0 = no answer. */
  readonly status: number;
  override readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly details: StoreErrorDetail[];
  readonly method?: string;
  readonly path?: string;

  constructor(options: StoreErrorOptions) {
    const retryable = options.retryable ?? DEFAULT_RETRYABLE[options.kind];
    const fix = options.fix ?? FIXES[options.kind];
    super(`store_${options.kind}`, options.message, {
      retryable,
      cause: options.cause,
      ...(fix ? { fix } : {}),
    });
    this.name = 'StoreError';
    this.kind = options.kind;
    this.status = options.status;
    this.retryable = retryable;
    this.retryAfterMs = options.retryAfterMs;
    this.details = options.details ?? [];
    this.method = options.method;
    this.path = options.path;
  }
}

export const isStoreError = (error: unknown): error is StoreError => error instanceof StoreError;

/** Kind of an answer given by its status (the body's responseCode wins over HTTP, see errors.ts). */
export const kindForStatus = (status: number): StoreErrorKind => {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server';
  return 'bad_request';
};

export const messageForStatus = (kind: StoreErrorKind, status: number, storeMessage: string): string => {
  const suffix = storeMessage ? ` Resposta da loja: ${storeMessage}` : '';
  switch (kind) {
    case 'auth':
      return `A loja recusou o token de acesso (HTTP ${status}).${suffix}`;
    case 'not_found':
      return `A loja não encontrou o recurso pedido (HTTP ${status}).${suffix}`;
    case 'conflict':
      return `A loja informa que o registro já existe (HTTP ${status}).${suffix}`;
    case 'rate_limited':
      return `A loja atingiu o limite de chamadas (HTTP ${status}).${suffix}`;
    case 'timeout':
      return `A loja não concluiu a operação a tempo (HTTP ${status}).${suffix}`;
    case 'server':
      return `A loja teve um erro interno (HTTP ${status}).${suffix}`;
    default:
      return `A loja recusou a chamada (HTTP ${status}).${suffix}`;
  }
};
