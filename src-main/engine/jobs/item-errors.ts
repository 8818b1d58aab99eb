import { StoreError } from '../../ciashop/store-error';
import type { MessageParams } from '../../contract';
import type { JobContext } from '../job-context';

/** Store errors that say "the store, not this item": the run stops and every unhandled item stays queued. */
const RUN_STOPPERS = new Set([
  'auth',
  'network',
  'timeout',
  'server',
  'circuit_open',
  'rate_limited',
  'invalid_response',
]);

export const stopsTheRun = (error: unknown): boolean =>
  (error instanceof StoreError && RUN_STOPPERS.has(error.kind)) ||
  (error instanceof Error && error.name === 'AbortError');

/**
 * One item failed: when the failure is the item's own (the store refused this payload), it becomes one
 * open pendência with the store's message and the run goes on; otherwise the error stops the run.
 */
export const recordItemFailure = async (
  context: JobContext,
  entity: string,
  erpKey: string,
  label: string,
  error: unknown,
): Promise<void> => {
  if (stopsTheRun(error)) throw error;
  context.counts.failed += 1;
  const storeMessage =
    error instanceof StoreError ? error.message : ((error as Error)?.message ?? String(error));
  const problem: { kind: string; message: string; fix: string; params: MessageParams } =
    error instanceof StoreError
      ? {
          kind: `loja_${error.kind}`,
          message: `${label}: a loja recusou o envio — ${storeMessage}`,
          fix:
            error.kind === 'conflict'
              ? 'Já existe na loja um item com o mesmo código ERP; confira o cadastro na loja e remova o duplicado.'
              : 'Confira os dados do item no WinThor; o integrador tentará de novo na próxima execução.',
          params: { item: label, storeMessage, status: error.status },
        }
      : {
          kind: 'erro_envio',
          message: `${label}: a loja recusou o envio — ${storeMessage}`,
          fix: 'Confira os dados do item no WinThor; o integrador tentará de novo na próxima execução.',
          params: { item: label, storeMessage },
        };
  await context.data.pendings.record({ entity, erpKey, backoff: true, ...problem });
  // The line's details keep the store's answer (status, its own codes and words) for Monitorar → Logs.
  context.log('warn', `${label}: não enviado (${storeMessage}).`, {
    entity,
    erpKey,
    ...(error instanceof StoreError
      ? {
          storeAnswer: {
            status: error.status,
            kind: error.kind,
            ...(error.method ? { request: `${error.method} ${error.path ?? ''}`.trim() } : {}),
            ...(error.details.length ? { errors: error.details } : {}),
          },
        }
      : {}),
  });
};

export const itemsStoppedByPause = (context: JobContext): boolean => context.signal.aborted;
