import type { AxiosHeaders, AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import { ACCEPT_ENCODING, createUndiciAdapter, type ProxySettings } from './undici-adapter';
import type { RawResponse } from './response-errors';

export interface TransportRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to the API root, query string included. */
  path: string;
  body?: unknown;
  timeoutMs: number;
}

export interface HttpTransport {
  send(request: TransportRequest): Promise<RawResponse>;
  close(): void;
}

export class TransportFailure extends Error {
  constructor(
    readonly code: string | undefined,
    message: string,
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

/**
 * Node's response headers are already lower-case strings, except the few it keeps as arrays (set-cookie):
 * only those are joined, and the object is copied only when one is present.
 */
const flattenHeaders = (raw: Record<string, unknown>): Record<string, string | undefined> => {
  let flat: Record<string, string | undefined> | undefined;
  for (const name in raw) {
    const value = raw[name];
    if (typeof value === 'string' || value === undefined) continue;
    flat ??= { ...(raw as Record<string, string | undefined>) };
    flat[name] = Array.isArray(value) ? value.join(', ') : value == null ? undefined : String(value);
  }
  return flat ?? (raw as Record<string, string | undefined>);
};

const toRaw = (response: AxiosResponse): RawResponse => ({
  status: response.status,
  headers: flattenHeaders(response.headers as Record<string, unknown>),
  text: typeof response.data === 'string' ? response.data : '',
});

const toFailure = (error: unknown): never => {
  const e = error as { code?: string; message?: string; cause?: { code?: string } };
  throw new TransportFailure(e.code ?? e.cause?.code, e.message ?? String(error), error);
};

/**
 * The only axios user (ADR 0203, 0206): the axios adapter on undici (undici-adapter.ts, one keep-alive pool
 * per store), called directly with a ready config — axios's request pipeline (config merging, AxiosHeaders
 * normalisation, transforms, interceptors) was the client's main per-request cost and none of it was used.
 * Headers are built once per store; the body is read as text (parsed by response-errors.ts).
 */
export const createHttpTransport = (
  apiRoot: string,
  token: string,
  /** Default: the environment's HTTPS_PROXY / HTTP_PROXY / NO_PROXY. */
  proxy?: ProxySettings,
): HttpTransport => {
  const { adapter, close } = createUndiciAdapter(apiRoot, proxy);
  // Plain objects (the adapter accepts them): building AxiosHeaders per call is measurable.
  const withoutBody = {
    Authorization: `Bearer ${token}`,
    Accept: 'application/json',
    'Accept-Encoding': ACCEPT_ENCODING,
  } as unknown as AxiosHeaders;
  const withBody = { ...withoutBody, 'Content-Type': 'application/json' } as unknown as AxiosHeaders;
  return {
    send(request) {
      const hasBody = request.body !== undefined;
      const config = {
        baseURL: apiRoot,
        url: request.path,
        method: request.method,
        timeout: request.timeoutMs,
        headers: hasBody ? withBody : withoutBody,
        data: hasBody ? JSON.stringify(request.body) : undefined,
      } as InternalAxiosRequestConfig;
      return adapter(config).then(toRaw, toFailure);
    },
    close,
  };
};
