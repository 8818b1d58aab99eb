import type { JobContext } from '../job-context';

const BATCH = 100;
/** Batches per run at most (the rest waits for the next run). */
const MAX_BATCHES = 20;
/** After a store answered 404 (older stores), the next try is this much later. */
const RETRY_UNSUPPORTED_MS = 24 * 3_600_000;
export const ACK_UNSUPPORTED_CURSOR = 'orders.ackUnsupportedAt';

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
    context.counts.storeCalls += 1;
    const result = await context.data.orderStore.acknowledgeOrders(
      records.map((r) => Number(r.storeOrderId)),
    );
    if (result.status === 'not_implemented') {
      await data.setCursor(ACK_UNSUPPORTED_CURSOR, context.now().toISOString());
      context.log('warn', result.message);
      return;
    }
    await data.acknowledged(records.map((r) => r.id));
    if (unsupportedAt) await data.setCursor(ACK_UNSUPPORTED_CURSOR, null);
    context.log('info', `${records.length} pedido(s) confirmado(s) à loja como processados.`);
    if (records.length < BATCH) return;
  }
};
