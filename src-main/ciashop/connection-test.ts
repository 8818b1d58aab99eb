import { AppError, type MessageKey } from '../shared/app-error';
import type { Clock } from '../shared/clock';
import type { HttpTransport } from './http-transport';
import { storePaths } from './paths';
import { StoreClient } from './store-client';
import { StoreError } from './store-error';
import { proxyFor, proxyFromEnvironment, shownProxy, type ProxySettings } from './undici-adapter';

export type ConnectionPart = 'url' | 'token' | 'network' | 'store' | 'none';

export interface ConnectionTestResult {
  ok: boolean;
  /** Which part is wrong: the URL, the token, the network, the store itself; 'none' when all answered. */
  failed: ConnectionPart;
  message: string;
  /** The message as a key for a UI in another language (ADR 0025). */
  messageRef?: MessageKey;
  apiRoot: string | null;
  apiLimit: {
    limit: number | null;
    second: number | null;
    remaining: number | null;
    raw: string | null;
  } | null;
}

export interface ConnectionTestOptions {
  timeoutMs?: number;
  /** Default: the environment's proxy variables. */
  proxy?: ProxySettings;
  clock?: Clock;
  transport?: HttpTransport;
}

/** What "Testar conexão" does: one authenticated cheap call, no retries, and a verdict naming the culprit. */
export const testStoreConnection = async (
  input: { url: string; token: string },
  options: ConnectionTestOptions = {},
): Promise<ConnectionTestResult> => {
  const fail = (
    failed: ConnectionPart,
    message: string,
    messageRef: MessageKey,
    apiRoot: string | null = null,
  ): ConnectionTestResult => ({
    ok: false,
    failed,
    message,
    messageRef,
    apiRoot,
    apiLimit: null,
  });
  const proxy = options.proxy ?? proxyFromEnvironment();
  if (!input.token.trim())
    return fail('token', 'Token da loja: informe o token de acesso da API (gerado no painel da loja).', {
      key: 'store.test.tokenMissing',
    });
  let client: StoreClient;
  try {
    client = new StoreClient({
      url: input.url,
      token: input.token,
      retry: { maxAttempts: 1 },
      timeoutMs: options.timeoutMs ?? 10_000,
      breaker: { failureThreshold: 1_000 },
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.transport ? { transport: options.transport } : {}),
      proxy,
    });
  } catch (error) {
    if (error instanceof AppError)
      return fail(
        'url',
        `${error.message}${error.fix ? ` ${error.fix}` : ''}`,
        error.messageRef ?? { key: 'store.test.url' },
      );
    throw error;
  }
  const apiRoot = client.apiRoot;
  // Which proxy the environment names for this store, shown without credentials (the user should know).
  const proxyUrl = proxyFor(new URL(apiRoot), proxy);
  const viaProxy = proxyUrl
    ? ` Proxy do ambiente para este endereço: ${shownProxy(proxyUrl)}${proxy.noProxy ? ` (exceções em NO_PROXY: ${proxy.noProxy})` : ''}.`
    : '';
  try {
    await client.request({
      method: 'GET',
      path: storePaths.connectionProbe,
      query: { limit: 1 },
      safety: 'idempotent',
    });
    const budget = client.state().budget;
    return {
      ok: true,
      failed: 'none',
      message: `Conexão com a loja OK (${apiRoot}).${budget.limit !== null ? ` Limite da API: ${budget.limit} chamadas por hora (x-apilimit-remaining: ${budget.raw}).` : ''}${viaProxy}`,
      messageRef: {
        key: budget.limit !== null ? 'store.test.okLimit' : 'store.test.ok',
        params: { apiRoot, limit: budget.limit, raw: budget.raw },
      },
      apiRoot,
      apiLimit: { limit: budget.limit, second: budget.second, remaining: budget.remaining, raw: budget.raw },
    };
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    switch (error.kind) {
      case 'auth':
        return fail(
          'token',
          `Token da loja recusado (HTTP ${error.status}): confira o token copiado do painel da loja.`,
          { key: 'store.test.auth', params: { status: error.status } },
          apiRoot,
        );
      case 'not_found':
        return fail(
          'url',
          `URL da loja: não há API da loja em ${apiRoot} (HTTP 404). Confira o endereço da loja.`,
          { key: 'store.test.notFound', params: { apiRoot } },
          apiRoot,
        );
      case 'invalid_response':
        return fail(
          'url',
          `URL da loja: ${apiRoot} respondeu, mas não como a API da loja. ${error.message}`,
          { key: 'store.test.invalidResponse', params: { apiRoot } },
          apiRoot,
        );
      case 'network':
      case 'timeout':
        return fail(
          'network',
          `${error.message} Confira a URL da loja e a conexão de rede deste computador.${viaProxy}`,
          {
            key: error.kind === 'timeout' ? 'store.test.timeout' : 'store.test.network',
            params: { apiRoot },
          },
          apiRoot,
        );
      default:
        // The store answered (5xx, 429, a paused circuit): URL, token and network are fine.
        return fail(
          'store',
          `A loja respondeu, mas não atendeu agora: ${error.message} Tente de novo em alguns minutos.`,
          { key: 'store.test.storeError', params: { status: error.status } },
          apiRoot,
        );
    }
  } finally {
    client.close();
  }
};
