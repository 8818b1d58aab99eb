import { AxiosError, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import {
  request as httpRequest,
  type Agent as HttpAgent,
  type ClientRequest,
  type IncomingMessage,
} from 'node:http';
import { request as httpsRequest, type Agent as HttpsAgent } from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';

/** Bodies larger than this are refused (a page of 250 orders is well under 5 MB). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** The encodings the adapter decodes, announced on every request. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

const decoded = (response: IncomingMessage): Readable => {
  const encoding = response.headers['content-encoding'];
  if (encoding === undefined) return response;
  const name = encoding.toLowerCase();
  if (name === 'gzip' || name === 'x-gzip') return response.pipe(createGunzip());
  if (name === 'deflate') return response.pipe(createInflate());
  if (name === 'br') return response.pipe(createBrotliDecompress());
  return response;
};

interface Base {
  protocol: string;
  hostname: string;
  port: string;
  basePath: string;
}

const parseBase = (raw: string): Base => {
  const url = new URL(raw);
  return {
    protocol: url.protocol,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port,
    basePath: url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`,
  };
};

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** A failure as axios reports it, keeping Node's code (ECONNREFUSED, ECONNRESET, ETIMEDOUT…). */
const axiosFailure = (
  error: Error & { code?: string },
  code: string | undefined,
  config: InternalAxiosRequestConfig,
  req: ClientRequest,
): AxiosError => AxiosError.from(error, code, config, req);

/**
 * A lean axios adapter on node:http(s) (ADR 0203), called directly by http-transport.ts (axios's request
 * pipeline — config merging, AxiosHeaders, transforms — cost more per request than the rest of the client
 * together). It sends the request on a keep-alive agent and reads the body as text. It replaces axios's
 * default Node adapter, whose per-request cost (proxy discovery, redirect wrapper, stream plumbing) halved
 * throughput in bench/store-client.ts. No redirects are followed: a 3xx is reported as such. Errors keep
 * Node's codes (ECONNREFUSED, ECONNRESET, ENOTFOUND…); the total time-out is ETIMEDOUT.
 *
 * `config.headers` may be a plain object (not AxiosHeaders); one that already announces ACCEPT_ENCODING is
 * sent as it is (Node copies it), so the caller can build it once per store.
 */
export const createNodeHttpAdapter = (agents: { http: HttpAgent; https: HttpsAgent }): AxiosAdapter => {
  // The base URL is parsed once (one client = one store = one base URL), not per request.
  let lastBaseURL: string | undefined;
  let lastBase: Base | undefined;
  const baseOf = (baseURL: string): Base => {
    if (baseURL !== lastBaseURL || !lastBase) {
      lastBase = parseBase(baseURL);
      lastBaseURL = baseURL;
    }
    return lastBase;
  };

  return (config: InternalAxiosRequestConfig) =>
    new Promise<AxiosResponse>((resolve, reject) => {
      const relative = config.url ?? '';
      let protocol: string;
      let hostname: string;
      let port: string;
      let path: string;
      if (!config.baseURL || (relative.includes('://') && ABSOLUTE.test(relative))) {
        const url = new URL(relative, config.baseURL);
        protocol = url.protocol;
        hostname = url.hostname.replace(/^\[|\]$/g, '');
        port = url.port;
        path = `${url.pathname}${url.search}`;
      } else {
        const base = baseOf(config.baseURL);
        protocol = base.protocol;
        hostname = base.hostname;
        port = base.port;
        path = base.basePath + (relative.charCodeAt(0) === 47 /* / */ ? relative.slice(1) : relative);
      }
      const secure = protocol === 'https:';
      const raw = config.headers as unknown as { toJSON?: () => Record<string, string> } & Record<
        string,
        string
      >;
      let headers: Record<string, string> = typeof raw.toJSON === 'function' ? raw.toJSON() : raw;
      const body = typeof config.data === 'string' ? config.data : undefined;
      if (headers['Accept-Encoding'] !== ACCEPT_ENCODING)
        headers = { ...headers, 'Accept-Encoding': ACCEPT_ENCODING };
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const fail = (error: Error & { code?: string }, code = error.code): void => {
        if (settled) return;
        settled = true;
        if (timer) clearTimeout(timer);
        reject(axiosFailure(error, code, config, req));
      };
      const req = (secure ? httpsRequest : httpRequest)(
        {
          protocol,
          hostname,
          port,
          path,
          method: config.method ? config.method.toUpperCase() : 'GET',
          headers,
          agent: secure ? agents.https : agents.http,
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          const stream = decoded(response);
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
              req.destroy();
              fail(new Error(`resposta maior que ${MAX_BODY_BYTES} bytes`), 'ERR_BODY_TOO_LARGE');
              return;
            }
            chunks.push(chunk);
          });
          // A response cut short emits 'error' (ECONNRESET, "aborted"); a decoder does not forward it.
          const onError = (error: Error & { code?: string }): void => fail(error);
          stream.on('error', onError);
          if (stream !== response) response.on('error', onError);
          stream.on('end', () => {
            if (settled) return;
            settled = true;
            if (timer) clearTimeout(timer);
            resolve({
              data:
                chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'),
              status: response.statusCode ?? 0,
              statusText: response.statusMessage ?? '',
              headers: response.headers as AxiosResponse['headers'],
              config,
              request: req,
            });
          });
        },
      );
      if (config.timeout && config.timeout > 0) {
        timer = setTimeout(() => {
          fail(Object.assign(new Error(`sem resposta em ${config.timeout} ms`), { code: 'ETIMEDOUT' }));
          req.destroy();
        }, config.timeout);
      }
      req.on('error', (error: Error & { code?: string }) => fail(error));
      // end(body) sets Content-Length (no chunked encoding).
      if (body !== undefined) req.end(body, 'utf8');
      else req.end();
    });
};
