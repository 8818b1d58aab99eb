import { AxiosError, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { EventEmitter } from 'node:events';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, type ZlibOptions } from 'node:zlib';
import { EnvHttpProxyAgent, Pool, type Dispatcher } from 'undici';
import { isLoopbackAddress } from '../shared/loopback';

/** Bodies larger than this are refused, compressed or not (a page of 250 orders is well under 5 MB). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** The encodings the adapter decodes, announced on every request. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

type Decoder = (input: Buffer, options: ZlibOptions) => Promise<Buffer>;
const decoders: Record<string, Decoder> = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress) as Decoder,
};

/**
 * undici's error codes as Node's (response-errors.ts and the retry policy read Node's): a socket closed
 * mid-answer is ECONNRESET, undici's own time-outs are ETIMEDOUT.
 */
const nodeCode = (error: Error & { code?: string; cause?: { code?: string } }): string | undefined => {
  switch (error.code) {
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'ETIMEDOUT';
    case 'UND_ERR_SOCKET':
      return error.cause?.code ?? 'ECONNRESET';
    case 'UND_ERR_RES_EXCEEDED_MAX_SIZE':
      return 'ERR_BODY_TOO_LARGE';
    default:
      return error.code ?? error.cause?.code;
  }
};

/** An outbound HTTP proxy, as the environment names it (HTTPS_PROXY, HTTP_PROXY, NO_PROXY). */
export interface ProxySettings {
  httpProxy?: string | undefined;
  httpsProxy?: string | undefined;
  noProxy?: string | undefined;
}

/** The proxy variables curl, npm and most tools read (upper or lower case); empty values are absent. */
export const proxyFromEnvironment = (env: NodeJS.ProcessEnv = process.env): ProxySettings => {
  const read = (name: string): string | undefined =>
    (env[name.toUpperCase()] ?? env[name.toLowerCase()])?.trim() || undefined;
  return { httpProxy: read('http_proxy'), httpsProxy: read('https_proxy'), noProxy: read('no_proxy') };
};

/**
 * The proxy the environment names for the store's origin, if any: never for loopback (the sandbox), else by
 * scheme. NO_PROXY is applied by undici when connecting.
 */
export const proxyFor = (root: URL, proxy: ProxySettings): string | undefined =>
  isLoopbackAddress(root.hostname)
    ? undefined
    : root.protocol === 'https:'
      ? (proxy.httpsProxy ?? proxy.httpProxy)
      : proxy.httpProxy;

/** A proxy address as it may be shown: without user and password. */
export const shownProxy = (proxyUrl: string): string => {
  try {
    const url = new URL(proxyUrl);
    return `${url.protocol}//${url.host}`;
  } catch {
    return '(endereço de proxy inválido)';
  }
};

export interface UndiciAdapter {
  adapter: AxiosAdapter;
  close(): void;
}

/**
 * The store's axios adapter on undici (ADR 0206): one keep-alive connection pool for the store's origin
 * (through the environment's HTTPS_PROXY/HTTP_PROXY unless NO_PROXY names the store), called directly by
 * http-transport.ts with a ready config. It sends the request, reads the body as text (gzip/deflate/br
 * decoded) and follows no redirect (a 3xx is reported as such). The time-out is TOTAL: a
 * timer per call aborts it even while an answer keeps trickling in (ETIMEDOUT). Errors keep Node's codes
 * (ECONNREFUSED, ECONNRESET, ENOTFOUND…).
 *
 * `config.baseURL` is the store's API root; `config.url` is relative to it. `config.headers` is a plain
 * object built once per store.
 */
export const createUndiciAdapter = (
  apiRoot: string,
  proxy: ProxySettings = proxyFromEnvironment(),
): UndiciAdapter => {
  const root = new URL(apiRoot);
  const origin = root.origin;
  const basePath = root.pathname.endsWith('/') ? root.pathname : `${root.pathname}/`;
  // Through a proxy, undici's own agent tunnels to the store (CONNECT) and applies NO_PROXY; otherwise one
  // pool for the store's origin.
  const dispatcher: Dispatcher = proxyFor(root, proxy)
    ? new EnvHttpProxyAgent({
        httpProxy: proxy.httpProxy ?? '',
        httpsProxy: proxy.httpsProxy ?? proxy.httpProxy ?? '',
        noProxy: proxy.noProxy ?? '',
        maxResponseSize: MAX_BODY_BYTES,
      })
    : new Pool(origin, { maxResponseSize: MAX_BODY_BYTES });

  const adapter: AxiosAdapter = async (config: InternalAxiosRequestConfig) => {
    const relative = config.url ?? '';
    const path = basePath + (relative.charCodeAt(0) === 47 /* / */ ? relative.slice(1) : relative);
    // An EventEmitter is undici's cheapest abort signal (an AbortController costs several µs per call).
    const signal = new EventEmitter();
    let timedOut = false;
    const timeout = config.timeout ?? 0;
    const timer =
      timeout > 0
        ? setTimeout(() => {
            timedOut = true;
            signal.emit('abort');
          }, timeout)
        : undefined;
    try {
      const response = await dispatcher.request({
        origin,
        path,
        method: (config.method ?? 'get').toUpperCase() as 'GET',
        headers: config.headers as unknown as Record<string, string>,
        body: typeof config.data === 'string' ? config.data : null,
        signal,
        ...(timeout > 0 ? { headersTimeout: timeout, bodyTimeout: timeout } : {}),
      });
      const encoding = response.headers['content-encoding'];
      const decoder = typeof encoding === 'string' ? decoders[encoding.toLowerCase()] : undefined;
      const text = decoder
        ? (
            await decoder(Buffer.from(await response.body.arrayBuffer()), {
              maxOutputLength: MAX_BODY_BYTES,
            })
          ).toString('utf8')
        : await response.body.text();
      return {
        data: text,
        status: response.statusCode,
        statusText: '',
        headers: response.headers as AxiosResponse['headers'],
        config,
      };
    } catch (error) {
      const failure = error as Error & { code?: string; cause?: { code?: string } };
      if (timedOut) {
        throw AxiosError.from(new Error(`sem resposta em ${timeout} ms`), 'ETIMEDOUT', config);
      }
      // zlib's maxOutputLength: the decoded answer is too large.
      const code = failure.code === 'ERR_BUFFER_TOO_LARGE' ? 'ERR_BODY_TOO_LARGE' : nodeCode(failure);
      throw AxiosError.from(failure, code, config);
    } finally {
      if (timer) clearTimeout(timer);
    }
  };

  return {
    adapter,
    close() {
      dispatcher.destroy().catch(() => undefined);
    },
  };
};
