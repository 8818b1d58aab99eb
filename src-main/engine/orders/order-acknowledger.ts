import type { StoreOrderRecord } from '../../winthor';
import type { JobContext } from '../job-context';

const BATCH = 100;
/** Batches per run at most (the rest waits for the next run). */
const MAX_BATCHES = 20;
/** After a store answered 404 (older stores), the next try is this much later. */
const RETRY_UNSUPPORTED_MS = 24 * 3_600_000;
export const ACK_UNSUPPORTED_CURSOR = 'orders.ackUnsupportedAt';

type AckOutcome = { supported: true } | { supported: false; message: string };

/**
 * Acknowledges these records. A 404 on a batch may be one id the store no longer knows rather than an
 * older store: the batch is halved until the 404 is one id, and `GET orders/{id}` decides — an order the
 * store knows means the route is missing (an older store); an unknown one is left out, the rest go on.
 */
const acknowledge = async (context: JobContext, records: StoreOrderRecord[]): Promise<AckOutcome> => {
  const data = context.data.orders;
  context.counts.storeCalls += 1;
  const result = await context.data.orderStore.acknowledgeOrders(records.map((r) => Number(r.storeOrderId)));
  if (result.status !== 'not_implemented') {
    await data.acknowledged(records.map((r) => r.id));
    return { supported: true };
  }
  if (records.length === 1) {
    const record = records[0]!;
    context.counts.storeCalls += 1;
    if (await context.data.orderStore.orderExists(Number(record.storeOrderId)))
      return { supported: false, message: result.message };
    // Nothing to acknowledge for an order the store does not have: marked so it is not sent again.
    await data.acknowledged([record.id]);
    context.log(
      'warn',
      `Pedido ${record.storeOrderId}: a loja não encontrou o pedido ao confirmá-lo como processado (GET orders/${record.storeOrderId} respondeu 404); a confirmação dele foi deixada de lado.`,
      { order: record.storeOrderId },
    );
    return { supported: true };
  }
  const half = Math.ceil(records.length / 2);
  for (const part of [records.slice(0, half), records.slice(half)]) {
    const outcome = await acknowledge(context, part);
    if (!outcome.supported) return outcome;
  }
  return { supported: true };
};

/**
 * Tells the store which orders were processed (`POST orders/statusProcessed`): imported and cancelled ones,
 * after the pull has ended (acknowledging while paging would shift the pages). An older store answers 404:
 * its orders keep coming back and the unique key is then the only guard; it is asked again a day later.
 */
export const acknowledgeProcessed = async (context: JobContext): Promise<void> => {
  const data = context.data.orders;
  const unsupportedAt = await data.cursor(ACK_UNSUPPORTED_CURSOR);
  if (unsupportedAt && context.now().getTime() - Date.parse(unsupportedAt) < RETRY_UNSUPPORTED_MS) return;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    if (context.signal.aborted) return;
    const records = (await data.unacknowledged(BATCH)).filter((r) => /^\d+$/.test(r.storeOrderId));
    if (records.length === 0) return;
    const outcome = await acknowledge(context, records);
    if (!outcome.supported) {
      await data.setCursor(ACK_UNSUPPORTED_CURSOR, context.now().toISOString());
      context.log('warn', outcome.message);
      return;
    }
    if (unsupportedAt) await data.setCursor(ACK_UNSUPPORTED_CURSOR, null);
    context.log('info', `${records.length} pedido(s) confirmado(s) à loja como processados.`);
    if (records.length < BATCH) return;
  }
};
