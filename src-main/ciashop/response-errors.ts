import { ErrorBody } from './schemas';
import { StoreError, kindForStatus, messageForStatus, type StoreErrorDetail } from './store-error';

export interface RawResponse {
  status: number;
  headers: Record<string, string | undefined>;
  text: string;
}

export interface ParsedResponse {
  status: number;
  headers: Record<string, string | undefined>;
  data: unknown;
}

const excerpt = (text: string): string => text.replace(/\s+/g, ' ').trim().slice(0, 120);

const detailsOf = (body: ErrorBody): StoreErrorDetail[] =>
  (body.errors ?? []).map((error) => ({
    message: error.message ?? '',
    ...(error.code ? { code: error.code } : {}),
    ...(error.moreInfo ? { moreInfo: error.moreInfo } : {}),
  }));

/**
 * Turns one HTTP answer into data or a StoreError (ADR 0203). The body's `responseCode` OVERRIDES the HTTP
 * status (an error body may arrive with HTTP 200, as the official client tests); a body that is not JSON
 * (truncated, an HTML page) is invalid_response, never silently accepted.
 */
export const interpretResponse = (
  raw: RawResponse,
  context: { method: string; path: string; retryAfterMs?: number | undefined },
): ParsedResponse => {
  const { method, path } = context;
  let data: unknown = undefined;
  let parsed = false;
  if (raw.text.trim() !== '') {
    try {
      data = JSON.parse(raw.text);
      parsed = true;
    } catch {
      parsed = false;
    }
  }
  const looksLikeError =
    parsed &&
    data !== null &&
    typeof data === 'object' &&
    !Array.isArray(data) &&
    ('responseCode' in data || 'errors' in data);
  const errorBody = looksLikeError ? ErrorBody.safeParse(data) : null;
  const body = errorBody?.success ? errorBody.data : null;
  const bodyCode = body?.responseCode !== undefined ? Number(body.responseCode) : NaN;
  const hasErrors = !!body?.errors && body.errors.length > 0;
  let status = raw.status;
  if (Number.isInteger(bodyCode) && bodyCode >= 100 && bodyCode <= 599) status = bodyCode;
  else if (hasErrors && status < 400) status = 400;

  if (status >= 400) {
    const kind = kindForStatus(status);
    const storeMessage = body
      ? [body.message, ...(body.errors ?? []).map((error) => error.message)].filter(Boolean).join(' — ')
      : excerpt(raw.text);
    return fail(
      new StoreError({
        kind,
        status,
        message: messageForStatus(kind, status, storeMessage),
        details: body ? detailsOf(body) : [],
        method,
        path,
        ...(context.retryAfterMs !== undefined ? { retryAfterMs: context.retryAfterMs } : {}),
      }),
    );
  }
  if (status >= 300 && status < 400) {
    const location = raw.headers.location ?? '(sem destino)';
    return fail(
      new StoreError({
        kind: 'invalid_response',
        status,
        retryable: false,
        message: `A loja redirecionou ${method} ${path} para ${location} (HTTP ${status}); use na URL da loja o endereço final, com https.`,
        method,
        path,
      }),
    );
  }
  if (raw.text.trim() !== '' && !parsed) {
    const looksHtml = /^\s*</.test(raw.text);
    return fail(
      new StoreError({
        kind: 'invalid_response',
        status,
        message: looksHtml
          ? `A loja respondeu com uma página HTML em vez de dados (${method} ${path}); a URL provavelmente não é a da API da loja.`
          : `A loja enviou uma resposta incompleta ou que não é JSON (${method} ${path}): "${excerpt(raw.text)}".`,
        method,
        path,
      }),
    );
  }
  return { status, headers: raw.headers, data };
};

const fail = (error: StoreError): never => {
  throw error;
};

/** Network-level failure (no HTTP answer) → StoreError. */
export const networkError = (
  code: string | undefined,
  message: string,
  method: string,
  path: string,
  cause: unknown,
): StoreError => {
  if (code === 'ETIMEDOUT' || code === 'ECONNABORTED') {
    return new StoreError({
      kind: 'timeout',
      status: 0,
      message: `A loja não respondeu a tempo (${method} ${path}).`,
      method,
      path,
      cause,
      details: [{ message, code }],
    });
  }
  if (code === 'ERR_BODY_TOO_LARGE') {
    // The same oversized answer would come back on every attempt: not retried.
    return new StoreError({
      kind: 'invalid_response',
      status: 0,
      retryable: false,
      message: `A loja enviou uma resposta grande demais para ser lida (${method} ${path}).`,
      method,
      path,
      cause,
      details: [{ message, code }],
    });
  }
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') {
    // The answer arrived but its gzip/deflate/br body does not decode: an answer, not a network failure.
    return new StoreError({
      kind: 'invalid_response',
      status: 0,
      message: `A loja enviou uma resposta compactada que não pôde ser lida (${method} ${path}).`,
      method,
      path,
      cause,
      details: [{ message, code }],
    });
  }
  const what =
    code === 'ENOTFOUND' || code === 'EAI_AGAIN'
      ? 'o endereço da loja não foi encontrado (DNS)'
      : code === 'ECONNREFUSED'
        ? 'a conexão foi recusada'
        : code === 'ECONNRESET' || code === 'EPIPE'
          ? 'a conexão foi interrompida'
          : /CERT|SSL|TLS|certificate|UNABLE_TO_VERIFY|SIGNATURE/i.test(`${code ?? ''} ${message}`)
            ? 'o certificado https da loja não é válido'
            : 'houve um erro de rede';
  return new StoreError({
    kind: 'network',
    status: 0,
    message: `Não foi possível falar com a loja: ${what} (${method} ${path}).`,
    method,
    path,
    cause,
    details: [{ message, ...(code ? { code } : {}) }],
  });
};
