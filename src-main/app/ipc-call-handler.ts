import type { ApiEnvelope } from '../contract';
import type { CallContext } from '../api/handlers';

export interface IpcCallDeps {
  /** The URL of the frame that sent the call (event.senderFrame?.url). */
  isTrustedSender(url: string | undefined): boolean;
  call(method: string, input: unknown, context: CallContext): Promise<ApiEnvelope>;
  onRefused?(url: string | undefined, method: unknown): void;
}

/** `wtc:call` in the main process: only the app's own UI may call, and only with a method name. */
export const createIpcCallHandler =
  (deps: IpcCallDeps) =>
  async (senderUrl: string | undefined, method: unknown, input: unknown): Promise<ApiEnvelope> => {
    if (!deps.isTrustedSender(senderUrl)) {
      deps.onRefused?.(senderUrl, method);
      return {
        ok: false,
        error: {
          code: 'forbidden_sender',
          message: 'Chamada recusada: a página não é a interface do integrador.',
        },
      };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'unknown_method', message: 'Método desconhecido.' } };
    }
    return deps.call(method, input, { origin: 'ipc' });
  };
