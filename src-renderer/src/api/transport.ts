import type {
  WtcBridge,
  ApiEnvelope,
  ApiErrorBody,
  EventName,
  EventPayload,
  MethodInput,
  MethodName,
  MethodOutput,
} from '@contract';

declare global {
  interface Window {
    /** The desktop preload's bridge (src-main/app/preload.ts); absent in a browser. */
    wtc?: WtcBridge;
  }
}

/** An API failure as the UI shows it: the server's pt-BR message, the field and the fix. */
export class ApiCallError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiCallError';
  }
}

const CLIENT_HEADER = 'x-wtc-client';

/** Where the browser goes when its session ends: '/' answers with the login page (replaceable in tests). */
export const navigation = { goToLogin: () => window.location.assign('/') };

const callOverHttp = async (method: string, input: unknown): Promise<ApiEnvelope> => {
  let response: Response;
  try {
    response = await fetch(`./api/${encodeURIComponent(method)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', [CLIENT_HEADER]: 'ui' },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return {
      ok: false,
      error: {
        code: 'offline',
        message: 'Sem comunicação com o integrador. Verifique se ele está em execução e recarregue a página.',
        retryable: true,
      },
    };
  }
  let envelope: ApiEnvelope | undefined;
  try {
    envelope = (await response.json()) as ApiEnvelope;
  } catch {
    envelope = undefined;
  }
  if (response.status === 401 || (envelope && !envelope.ok && envelope.error.code === 'no_session')) {
    // The session ended (the login password changed in another browser, say): back to the login page.
    navigation.goToLogin();
    return {
      ok: false,
      error: {
        code: 'no_session',
        message: 'Sua sessão terminou. Entre novamente com a senha de acesso.',
      },
    };
  }
  if (envelope) return envelope;
  return {
    ok: false,
    error: {
      code: 'bad_response',
      message: `Resposta inesperada do integrador (HTTP ${response.status}).`,
    },
  };
};

/** Calls one contract method: over IPC in the desktop window, over HTTP in a browser. */
export const call = async <M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> => {
  const envelope = window.wtc ? await window.wtc.call(method, input) : await callOverHttp(method, input);
  if (!envelope.ok) throw new ApiCallError(envelope.error);
  return envelope.result as MethodOutput<M>;
};

/** Subscribes to one contract event stream; returns the unsubscribe function. */
export const subscribe = <E extends EventName>(
  event: E,
  callback: (payload: EventPayload<E>) => void,
): (() => void) => {
  if (window.wtc) return window.wtc.on(event, (payload) => callback(payload as EventPayload<E>));
  const source = new EventSource('./api/events', { withCredentials: true });
  const listener = (message: MessageEvent<string>) => callback(JSON.parse(message.data) as EventPayload<E>);
  // The browser retries a dropped stream by itself, but gives up (CLOSED) when the server answers with an
  // error — a session that ended, say. One API call then tells which, and leads to the login page if so.
  const onError = () => {
    if (source.readyState === EventSource.CLOSED) void callOverHttp('app.status', {});
  };
  source.addEventListener(event, listener as EventListener);
  source.addEventListener('error', onError);
  return () => {
    source.removeEventListener(event, listener as EventListener);
    source.removeEventListener('error', onError);
    source.close();
  };
};

export const transportKind = (): 'ipc' | 'http' => (window.wtc ? 'ipc' : 'http');
