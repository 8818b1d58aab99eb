import type { OrderStatusUpdate } from '../../ciashop/schemas';
import { StoreError } from '../../ciashop/store-error';
import type { StoreOrderRecord } from '../../winthor';
import type { Job, JobContext } from '../job-context';
import { stopsTheRun } from '../jobs/item-errors';
import { QUEUE_BATCH } from '../jobs/queue-driven';
import { ORDER_ENTITY } from './order-entity';
import { isCancelled } from './order-input';
import {
  FINAL_STATUS_MARK,
  isFinalStatus,
  sameStatusSent,
  statusSignature,
  storeStatusOf,
} from './order-status';

/** The queue entity PCPEDC's trigger writes, and the pendência entity of this job. */
export const ORDER_STATUS_ENTITY = 'orderStatus';
/** The key of the one pendência "this store does not take status updates". */
const UNSUPPORTED_KEY = 'loja';
/** After the store proved it does not take status updates, it is asked again this much later (or on "reprocessar"). */
const RETRY_UNSUPPORTED_MS = 24 * 3_600_000;
export const STATUS_UNSUPPORTED_CURSOR = 'orderStatus.unsupportedAt';
/** Status calls in flight at once (the store client's default concurrency). */
const STATUS_CONCURRENCY = 4;
/** Distinct orders in a row whose status call and `GET orders/{id}` both answered 404: the path, not the orders. */
export const UNSUPPORTED_AFTER = 3;
/** When the store last refused the tracking field (ADR 0216): tracking is withheld for a day after it. */
export const TRACKING_REFUSED_CURSOR = 'orderStatus.trackingRefusedAt';
const TRACKING_RETRY_MS = 24 * 3_600_000;
const TRACKING_REFUSED_KEY = 'loja-rastreio';

/** Whether this run sends tracking codes; turned off for the run when the store refuses them. */
interface TrackingState {
  withhold: boolean;
}

const withoutTracking = ({ tracking: _tracking, ...update }: OrderStatusUpdate): OrderStatusUpdate => update;

/** The store refused the update with tracking but took it without: its status and invoice still get there. */
const trackingRefused = async (context: JobContext, state: TrackingState, error: unknown): Promise<void> => {
  state.withhold = true;
  await context.data.orders.setCursor(TRACKING_REFUSED_CURSOR, context.now().toISOString());
  await context.data.pendings.record({
    entity: ORDER_STATUS_ENTITY,
    erpKey: TRACKING_REFUSED_KEY,
    kind: 'rastreio_recusado',
    message: `A loja recusou o código de rastreio junto com a posição do pedido (${(error as Error).message}); a posição e a nota fiscal são enviadas sem ele.`,
    fix: 'Confirme com a TOTVS o campo de rastreio da atualização de status da sua loja (ADR 0216); o integrador tenta enviar o rastreio de novo uma vez por dia, ou ao usar "reprocessar" nesta pendência.',
    params: { detail: (error as Error).message },
    nextAttemptAt: new Date(context.now().getTime() + TRACKING_RETRY_MS),
  });
};

type Outcome = 'sent' | 'skipped' | 'failed' | 'unknown_order' | 'unsupported';

const notFoundOrNotAllowed = (error: unknown): boolean =>
  error instanceof StoreError && (error.kind === 'not_found' || error.status === 405);

/** A 5xx that survived the client's retries is this order's failure; a store that is down opens the breaker. */
const stopsTheStatusRun = (error: unknown): boolean =>
  stopsTheRun(error) && !(error instanceof StoreError && error.kind === 'server');

/** Why the store is taken not to accept status updates: `found` = the order exists, `unknown` = N orders in a row. */
type UnsupportedReason = 'found' | 'unknown';

const pauseUnsupported = async (context: JobContext, reason: UnsupportedReason): Promise<void> => {
  const detail =
    reason === 'found'
      ? 'o pedido existe (GET orders/{id}) mas a atualização de status respondeu 404/405'
      : `${UNSUPPORTED_AFTER} pedidos seguidos responderam 404/405`;
  await context.data.orders.setCursor(STATUS_UNSUPPORTED_CURSOR, context.now().toISOString());
  await context.data.pendings.record({
    entity: ORDER_STATUS_ENTITY,
    erpKey: UNSUPPORTED_KEY,
    kind: 'status_nao_suportado',
    message: `A loja não aceita o envio da posição dos pedidos (${detail}); a posição, a nota fiscal e a chave da NF-e não chegam à loja.`,
    fix: 'Confirme com a TOTVS o endereço da atualização de status de pedidos da sua loja (ADR 0205); o integrador tenta de novo uma vez por dia ou ao usar "reprocessar" nesta pendência.',
    params: { context: reason === 'found' ? 'found' : 'unknown', orders: UNSUPPORTED_AFTER },
    nextAttemptAt: new Date(context.now().getTime() + RETRY_UNSUPPORTED_MS),
  });
  context.counts.failed += 1;
};

/**
 * Sends one order's status if it changed since the last one sent (ADR 0211, 0215). A store cancellation is
 * never overwritten; a refused status waits its back-off; a 404 is checked with `GET orders/{id}`: an order
 * the store does not know is this order's pendência, an order it knows means the status path is missing.
 */
const sendStatus = async (
  context: JobContext,
  record: StoreOrderRecord,
  status: Parameters<typeof storeStatusOf>[0],
  backingOff: ReadonlySet<string>,
  tracking: TrackingState,
): Promise<Outcome> => {
  const id = record.storeOrderId;
  // Cancelled in WinThor: the "cancel it in WinThor" pendência is done, whatever the store call does.
  if (status.position.trim().toUpperCase() === 'C') await context.data.pendings.resolve(ORDER_ENTITY, [id]);
  const computed = storeStatusOf(status);
  if (!computed) return 'skipped';
  let update = tracking.withhold ? withoutTracking(computed) : computed;
  const signatureOf = (sent: OrderStatusUpdate) =>
    statusSignature(sent, isFinalStatus(sent, status.invoicedAt, context.now()));
  let signature = signatureOf(update);
  if (isCancelled(record.storeStatus ?? '') && update.status !== 'CANCELLED') {
    // The store cancelled it: only WinThor's own cancellation goes there, no other status overwrites it.
    context.counts.unchanged += 1;
    return 'skipped';
  }
  if (sameStatusSent(signature, record.statusSent)) {
    // Nothing new for the store; the wait for a tracking code may just have ended: remembered, no call.
    if (signature !== record.statusSent && signature.startsWith(FINAL_STATUS_MARK))
      await context.data.orders.setStatusSent(record.id, signature);
    context.counts.unchanged += 1;
    return 'skipped';
  }
  if (backingOff.has(id)) {
    context.counts.deferred += 1;
    return 'skipped';
  }
  context.counts.changed += 1;
  try {
    context.counts.storeCalls += 1;
    try {
      await context.data.orderStore.updateOrderStatus(Number(id), update);
    } catch (error) {
      // A store that does not take the (unverified) tracking field still gets the status and the invoice.
      if (!(update.tracking && error instanceof StoreError && error.kind === 'bad_request')) throw error;
      update = withoutTracking(update);
      signature = signatureOf(update);
      context.counts.storeCalls += 1;
      await context.data.orderStore.updateOrderStatus(Number(id), update);
      await trackingRefused(context, tracking, error);
    }
  } catch (error) {
    if (notFoundOrNotAllowed(error)) {
      context.counts.storeCalls += 1;
      if (await context.data.orderStore.orderExists(Number(id))) return 'unsupported';
      context.counts.failed += 1;
      await context.data.pendings.record({
        entity: ORDER_STATUS_ENTITY,
        erpKey: id,
        kind: 'status_pedido_desconhecido',
        message: `Pedido ${id}: a loja não encontrou o pedido (GET orders/${id} respondeu 404); a posição ${update.status} não foi enviada.`,
        fix: 'Confira se o pedido existe na loja (pode ter sido removido); o integrador tenta de novo com intervalos crescentes, ou use "reprocessar" nesta pendência.',
        params: { storeOrderId: id, status: update.status },
        backoff: true,
      });
      return 'unknown_order';
    }
    if (stopsTheStatusRun(error)) throw error;
    context.counts.failed += 1;
    const httpStatus = error instanceof StoreError ? error.status : null;
    await context.data.pendings.record({
      entity: ORDER_STATUS_ENTITY,
      erpKey: id,
      kind: 'status_recusado',
      message: `Pedido ${id}: a loja recusou a posição ${update.status}${httpStatus ? ` (HTTP ${httpStatus})` : ''} — ${(error as Error).message}`,
      fix: 'Confira o pedido na loja; o integrador tenta de novo com intervalos crescentes (5 min, dobrando até um dia), ou use "reprocessar" nesta pendência.',
      params: {
        storeOrderId: id,
        status: update.status,
        httpStatus: httpStatus ?? '-',
        storeMessage: (error as Error).message,
      },
      backoff: true,
    });
    return 'failed';
  }
  await context.data.orders.setStatusSent(record.id, signature);
  await context.data.pendings.resolve(ORDER_STATUS_ENTITY, [
    id,
    UNSUPPORTED_KEY,
    ...(update.tracking ? [TRACKING_REFUSED_KEY] : []),
  ]);
  if (update.tracking && (await context.data.orders.cursor(TRACKING_REFUSED_CURSOR)) !== null)
    await context.data.orders.setCursor(TRACKING_REFUSED_CURSOR, null);
  context.counts.sent += 1;
  return 'sent';
};

/**
 * "Posição do pedido": WinThor's POSICAO changes (the PCPEDC trigger's queue, plus every imported order not
 * final yet) reach the store as status, invoice and NF-e key — once per change (STATUS_SENT). One order the
 * store refuses or does not know is that order's pendência with back-off; only a store that proves it has
 * no status path (ADR 0215) pauses the job, for a day.
 */
export const orderStatusJob: Job = async (context) => {
  const data = context.data.orders;
  const pausedAt = await data.cursor(STATUS_UNSUPPORTED_CURSOR);
  const dueKeys = await data.dueKeys(ORDER_STATUS_ENTITY);
  const due = dueKeys.has(UNSUPPORTED_KEY);
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
  const backingOff = await data.backingOff(ORDER_STATUS_ENTITY);
  const refusedAt = await data.cursor(TRACKING_REFUSED_CURSOR);
  const tracking: TrackingState = {
    withhold:
      refusedAt !== null &&
      !dueKeys.has(TRACKING_REFUSED_KEY) &&
      context.now().getTime() - Date.parse(refusedAt) < TRACKING_RETRY_MS,
  };
  const statuses = await data.orderStatuses([...candidates.keys()]);
  let accepting = true;
  let unknownInARow = 0;
  // The first call alone (a store without the path costs a call and a GET), then a few at a time (the
  // store client's own gate keeps its configured concurrency).
  for (let i = 0; i < statuses.length && accepting; i += i === 0 ? 1 : STATUS_CONCURRENCY) {
    if (context.signal.aborted) break;
    const outcomes = await Promise.all(
      statuses.slice(i, i + (i === 0 ? 1 : STATUS_CONCURRENCY)).map((status): Promise<Outcome> | Outcome => {
        const record = candidates.get(status.numped);
        if (!record) return 'skipped';
        if (!context.mayCall()) {
          context.counts.starved += 1;
          return 'skipped';
        }
        return sendStatus(context, record, status, backingOff, tracking);
      }),
    );
    for (const outcome of outcomes) {
      if (outcome === 'sent' || outcome === 'failed') unknownInARow = 0;
      if (outcome === 'unknown_order') unknownInARow += 1;
      if (outcome === 'unsupported') {
        await pauseUnsupported(context, 'found');
        accepting = false;
        break;
      }
      if (unknownInARow >= UNSUPPORTED_AFTER) {
        await pauseUnsupported(context, 'unknown');
        accepting = false;
        break;
      }
    }
  }
  if (accepting && pausedAt) await data.setCursor(STATUS_UNSUPPORTED_CURSOR, null);
  // Queue rows stay when something was left for later (paused, no budget left): they are read again.
  if (!context.signal.aborted && context.counts.starved === 0)
    await context.data.changes.done(batch.changes.flatMap((c) => c.ids));
};
