import axios, { type AxiosInstance } from 'axios';
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
        const headers: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(response.headers ?? {})) {
          headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value == null ? undefined : String(value);
        }
        return { status: response.status, headers, text: typeof response.data === 'string' ? response.data : '' };
      } catch (error) {
        const e = error as { code?: string; message?: string; cause?: { code?: string } };
        throw new TransportFailure(e.code ?? e.cause?.code, e.message ?? String(error), error);
      }
    },
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
};
