import axios, { type AxiosHeaders, type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { createNodeHttpAdapter } from './node-http-adapter';
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

const flattenHeaders = (raw: Record<string, unknown> | undefined): Record<string, string | undefined> => {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    headers[name.toLowerCase()] = Array.isArray(value)
      ? value.join(', ')
      : value == null
        ? undefined
        : String(value);
  }
  return headers;
};

const toFailure = (error: unknown): TransportFailure => {
  const e = error as { code?: string; message?: string; cause?: { code?: string } };
  return new TransportFailure(e.code ?? e.cause?.code, e.message ?? String(error), error);
};

/** 'axios' = through axios's request pipeline (default); 'adapter' = the same adapter called directly. */
export type TransportKind = 'axios' | 'adapter';

/**
 * The only axios user: one keep-alive agent per store, the lean node:http adapter, body read as text
 * (parsed by response-errors.ts).
 */
export const createAxiosTransport = (apiRoot: string, token: string): HttpTransport => {
  const httpAgent = new HttpAgent({ keepAlive: true });
  const httpsAgent = new HttpsAgent({ keepAlive: true });
  const instance: AxiosInstance = axios.create({
    baseURL: apiRoot,
    adapter: createNodeHttpAdapter({ http: httpAgent, https: httpsAgent }),
    responseType: 'text',
    transformRequest: [(data: unknown) => data],
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxRedirects: 0,
    transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: false },
    headers: {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      'Content-Type': 'application/json',
    },
  });
  return {
    async send(request) {
      try {
        const response = await instance.request<string>({
          method: request.method,
          url: request.path,
          timeout: request.timeoutMs,
          ...(request.body !== undefined ? { data: JSON.stringify(request.body) } : {}),
        });
        const headers = flattenHeaders(response.headers as Record<string, unknown>);
        return {
          status: response.status,
          headers,
          text: typeof response.data === 'string' ? response.data : '',
        };
      } catch (error) {
        throw toFailure(error);
      }
    },
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
};

/**
 * The same adapter, agents and headers, called without axios's request pipeline (config merging, header
 * normalisation, transforms, interceptors), which bench/store-client.ts measures as the client's main
 * per-request cost. Behaviour is identical (the fault suite runs against both); see ADR 0203.
 */
export const createAdapterTransport = (apiRoot: string, token: string): HttpTransport => {
  const httpAgent = new HttpAgent({ keepAlive: true });
  const httpsAgent = new HttpsAgent({ keepAlive: true });
  const adapter = createNodeHttpAdapter({ http: httpAgent, https: httpsAgent });
  const baseHeaders = {
    Authorization: `Bearer ${token}`,
    Accept: 'application/json',
    'Content-Type': 'application/json',
  };
  return {
    async send(request) {
      const config = {
        baseURL: apiRoot,
        url: request.path,
        method: request.method.toLowerCase(),
        timeout: request.timeoutMs,
        // A plain object (the adapter accepts one): building AxiosHeaders per call is measurable.
        headers: baseHeaders as unknown as AxiosHeaders,
        ...(request.body !== undefined ? { data: JSON.stringify(request.body) } : {}),
      } as InternalAxiosRequestConfig;
      try {
        const response = await adapter(config);
        return {
          status: response.status,
          headers: flattenHeaders(response.headers as Record<string, unknown>),
          text: typeof response.data === 'string' ? response.data : '',
        };
      } catch (error) {
        throw toFailure(error);
      }
    },
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
};

export const createTransport = (kind: TransportKind, apiRoot: string, token: string): HttpTransport =>
  kind === 'adapter' ? createAdapterTransport(apiRoot, token) : createAxiosTransport(apiRoot, token);
