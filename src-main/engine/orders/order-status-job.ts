import { StoreError } from '../../ciashop/store-error';
import type { StoreOrderRecord } from '../../winthor';
import type { Job, JobContext } from '../job-context';
import { stopsTheRun } from '../jobs/item-errors';
import { QUEUE_BATCH } from '../jobs/queue-driven';
import { ORDER_ENTITY } from './order-importer';
import { statusSignature, storeStatusOf } from './order-status';

/** The queue entity PCPEDC's trigger writes, and the pendência entity of this job. */
export const ORDER_STATUS_ENTITY = 'orderStatus';
/** The key of the one pendência "this store does not take status updates". */
const UNSUPPORTED_KEY = 'loja';
/** After a 404/405, the store is asked again this much later (or when "reprocessar" is used). */
const RETRY_UNSUPPORTED_MS = 24 * 3_600_000;
export const STATUS_UNSUPPORTED_CURSOR = 'orderStatus.unsupportedAt';
/** Status calls in flight at once (the store client's default concurrency). */
const STATUS_CONCURRENCY = 4;

const unsupported = (error: unknown): boolean =>
  error instanceof StoreError && (error.kind === 'not_found' || error.status === 405);

/**
 * Sends one order's status if it changed since the last one sent. Returns false when the store does not
 * take status updates (one pendência, no more calls this run).
 */
const sendStatus = async (
  context: JobContext,
  record: StoreOrderRecord,
  status: Parameters<typeof storeStatusOf>[0],
): Promise<boolean> => {
  const update = storeStatusOf(status);
  if (!update) return true;
  const signature = statusSignature(update);
  if (signature === record.statusSent) {
    context.counts.unchanged += 1;
    return true;
  }
  context.counts.changed += 1;
  try {
    context.counts.storeCalls += 1;
    await context.data.orderStore.updateOrderStatus(Number(record.storeOrderId), update);
  } catch (error) {
    if (unsupported(error)) {
      const data = context.data.orders;
      await data.setCursor(STATUS_UNSUPPORTED_CURSOR, context.now().toISOString());
      await context.data.pendings.record({
        entity: ORDER_STATUS_ENTITY,
        erpKey: UNSUPPORTED_KEY,
        kind: 'status_nao_suportado',
        message: `A loja não aceita o envio da posição dos pedidos (${(error as StoreError).message}); a posição, a nota fiscal e a chave da NF-e não chegam à loja.`,
        fix: 'Confirme com a TOTVS o endereço da atualização de status de pedidos da sua loja (ADR 0205); o integrador tenta de novo uma vez por dia ou ao usar "reprocessar" nesta pendência.',
        nextAttemptAt: new Date(context.now().getTime() + RETRY_UNSUPPORTED_MS),
      });
      context.counts.failed += 1;
      return false;
    }
    if (stopsTheRun(error)) throw error;
    context.counts.failed += 1;
    await context.data.pendings.record({
      entity: ORDER_STATUS_ENTITY,
      erpKey: record.storeOrderId,
      kind: 'status_recusado',
      message: `Pedido ${record.storeOrderId}: a loja recusou a posição ${update.status} — ${(error as Error).message}`,
      fix: 'Confira o pedido na loja; o integrador tenta de novo na próxima mudança de posição no WinThor.',
    });
    return true;
  }
  await context.data.orders.setStatusSent(record.id, signature);
  await context.data.pendings.resolve(ORDER_STATUS_ENTITY, [record.storeOrderId, UNSUPPORTED_KEY]);
  if (status.position.trim().toUpperCase() === 'C')
    await context.data.pendings.resolve(ORDER_ENTITY, [record.storeOrderId]);
  context.counts.sent += 1;
  return true;
};

/**
 * "Posição do pedido": WinThor's POSICAO changes (the PCPEDC trigger's queue, plus every imported order not
 * final yet) reach the store as status, invoice and NF-e key — once per change (STATUS_SENT). A store that
 * answers 404/405 gives one pendência and is asked again a day later, never endlessly.
 */
export const orderStatusJob: Job = async (context) => {
  const data = context.data.orders;
  const pausedAt = await data.cursor(STATUS_UNSUPPORTED_CURSOR);
  const due = (await data.dueKeys(ORDER_STATUS_ENTITY)).has(UNSUPPORTED_KEY);
  const resting =
    !due && pausedAt !== null && context.now().getTime() - Date.parse(pausedAt) < RETRY_UNSUPPORTED_MS;
  const batch = await context.data.changes.read(ORDER_STATUS_ENTITY, QUEUE_BATCH);
  const queued = batch.changes.map((c) => Number(c.key)).filter((n) => Number.isInteger(n) && n > 0);
  const candidates = new Map<number, StoreOrderRecord>();
  for (const record of await data.byNumped(queued))
    if (record.numped !== null) candidates.set(record.numped, record);
  let afterId = 0;
  for (;;) {
    const page = await data.inProgress(afterId, 500);
    for (const record of page) if (record.numped !== null) candidates.set(record.numped, record);
    if (page.length < 500) break;
    afterId = page[page.length - 1]!.id;
  }
  context.counts.read = candidates.size;
  if (resting) {
    // The queue rows are hints; the orders in progress are read again when the store is asked again.
    await context.data.changes.done(batch.changes.flatMap((c) => c.ids));
    return;
  }
  const statuses = await data.orderStatuses([...candidates.keys()]);
  let accepting = true;
  // The first call alone (a store that refuses the path costs one call), then a few at a time (the store
  // client's own gate keeps its configured concurrency).
  for (let i = 0; i < statuses.length && accepting; i += i === 0 ? 1 : STATUS_CONCURRENCY) {
    if (context.signal.aborted) break;
    const results = await Promise.all(
      statuses.slice(i, i + (i === 0 ? 1 : STATUS_CONCURRENCY)).map((status) => {
        const record = candidates.get(status.numped);
        if (!record) return true;
        if (!context.mayCall()) {
          context.counts.starved += 1;
          return true;
        }
        return sendStatus(context, record, status);
      }),
    );
    accepting = results.every(Boolean);
  }
  if (accepting && pausedAt) await data.setCursor(STATUS_UNSUPPORTED_CURSOR, null);
  // Queue rows stay when something was left for later (paused, no budget left): they are read again.
  if (!context.signal.aborted && context.counts.starved === 0)
    await context.data.changes.done(batch.changes.flatMap((c) => c.ids));
};
