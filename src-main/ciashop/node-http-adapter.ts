import { AxiosError, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { request as httpRequest, type Agent as HttpAgent, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type Agent as HttpsAgent } from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';

/** Bodies larger than this are refused (a page of 250 orders is well under 5 MB). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

const decoded = (response: IncomingMessage): Readable => {
  const encoding = String(response.headers['content-encoding'] ?? '').toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return response.pipe(createGunzip());
  if (encoding === 'deflate') return response.pipe(createInflate());
  if (encoding === 'br') return response.pipe(createBrotliDecompress());
  return response;
};

interface Target {
  protocol: string;
  hostname: string;
  port: string;
  path: string;
}

const baseCache = new Map<string, Omit<Target, 'path'> & { basePath: string }>();

/** baseURL + relative path without parsing a URL per request (the base is parsed once). */
const resolveTarget = (baseURL: string | undefined, relative: string): Target => {
  if (!baseURL || /^[a-z][a-z0-9+.-]*:\/\//i.test(relative)) {
    const url = new URL(relative, baseURL);
    return {
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port,
      path: `${url.pathname}${url.search}`,
    };
  }
  let base = baseCache.get(baseURL);
  if (!base) {
    const url = new URL(baseURL);
    base = {
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port,
      basePath: url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`,
    };
    if (baseCache.size > 100) baseCache.clear();
    baseCache.set(baseURL, base);
  }
  return {
    protocol: base.protocol,
    hostname: base.hostname,
    port: base.port,
    path: `${base.basePath}${relative.replace(/^\//, '')}`,
  };
};

/**
 * A lean axios adapter on node:http(s) (ADR 0203): axios keeps the request pipeline (config, headers,
 * instance defaults), this sends the request on a keep-alive agent and reads the body as text. It replaces
 * axios's default Node adapter, whose per-request cost (proxy discovery, redirect wrapper, stream plumbing)
 * halved throughput in bench/store-client.ts. No redirects are followed: a 3xx is reported as such.
 * Errors keep Node's codes (ECONNREFUSED, ECONNRESET, ENOTFOUND…); the total time-out is ETIMEDOUT.
 */
export const createNodeHttpAdapter =
  (agents: { http: HttpAgent; https: HttpsAgent }): AxiosAdapter =>
  (config: InternalAxiosRequestConfig) =>
    new Promise<AxiosResponse>((resolve, reject) => {
      const target = resolveTarget(config.baseURL, config.url ?? '');
      const secure = target.protocol === 'https:';
      const send = secure ? httpsRequest : httpRequest;
      const raw = config.headers as unknown as { toJSON?: () => Record<string, string> } & Record<
        string,
        string
      >;
      const headers: Record<string, string> =
        typeof raw.toJSON === 'function' ? (raw.toJSON() as Record<string, string>) : { ...raw };
      headers['Accept-Encoding'] = 'gzip, deflate, br';
      const body = typeof config.data === 'string' ? Buffer.from(config.data, 'utf8') : undefined;
      if (body) headers['Content-Length'] = String(body.length);
      let settled = false;
      const fail = (error: Error & { code?: string }, code = error.code) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(AxiosError.from(error, code, config, req));
      };
      const req = send(
        {
          ...target,
          method: (config.method ?? 'get').toUpperCase(),
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
          stream.on('error', (error: Error & { code?: string }) => fail(error));
          response.on('aborted', () =>
            fail(Object.assign(new Error('resposta interrompida'), { code: 'ECONNRESET' })),
          );
          stream.on('end', () => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            resolve({
              data: Buffer.concat(chunks).toString('utf8'),
              status: response.statusCode ?? 0,
              statusText: response.statusMessage ?? '',
              headers: response.headers as AxiosResponse['headers'],
              config,
              request: req,
            });
          });
        },
      );
      const timer = setTimeout(
        () => {
          fail(Object.assign(new Error(`sem resposta em ${config.timeout} ms`), { code: 'ETIMEDOUT' }));
          req.destroy();
        },
        config.timeout && config.timeout > 0 ? config.timeout : 2 ** 31 - 1,
      );
      req.on('error', (error: Error & { code?: string }) => fail(error));
      if (body) req.write(body);
      req.end();
    });
