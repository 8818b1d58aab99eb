import type { Branch } from '../../contract';
import type { StoreCodeSighting } from '../../winthor';
import { normaliseStoreUrl } from '../../shared/store-url';
import type { Job, JobContext } from '../job-context';
import { acknowledgeProcessed } from './order-acknowledger';
import { ORDER_ENTITY, OrderImporter } from './order-importer';
import type { Order } from '../../ciashop/schemas';
import { recordMalformedOrder, recordOrderError } from './order-failures';
import { watchStaged } from './staging-watch';

/** The pull's position: the local date (YYYY-MM-DD) of the last complete pull's start. */
export const ORDERS_CURSOR = 'orders.minUpdatedAt';
const PAGE_SIZE = 100;
/** Waiting orders retried per run (each costs a few database reads, no store call). */
const RETRY_LIMIT = 1000;

const localDate = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** `minUpdatedAt` for a cursor: its date minus the overlap (the store's date has no time zone). */
export const pullFrom = (cursor: string | null, overlapDays: number): string | undefined => {
  if (!cursor || !/^\d{4}-\d{2}-\d{2}$/.test(cursor)) return undefined;
  const [y, m, d] = cursor.split('-').map(Number);
  return localDate(new Date(y!, m! - 1, d! - Math.max(1, overlapDays)));
};

const storeOf = (branch: Branch): string | null => {
  try {
    return normaliseStoreUrl(branch.store.url);
  } catch {
    return null;
  }
};

/**
 * The branch that imports a store's orders: the first enabled branch (in the settings' order) selling in
 * it. Two branches in one store would otherwise race for each order (ADR 0114).
 */
export const importingBranch = (branches: readonly Branch[], branch: Branch): Branch => {
  const store = storeOf(branch);
  return branches.find((b) => b.enabled && store !== null && storeOf(b) === store) ?? branch;
};

/** The codes an order carries, for the mapping screens (WTC_STORE_CODE). */
export const codeSightings = (order: Order): StoreCodeSighting[] => {
  const out: StoreCodeSighting[] = [];
  const payment = order.payments?.[0];
  if (payment?.method?.trim()) {
    out.push({ kind: 'billing', storeCode: payment.method.trim() });
    out.push({ kind: 'plans', storeCode: `${payment.method.trim()}:${payment.installments || 1}` });
  }
  if (order.shippingMethod)
    out.push({
      kind: 'carriers',
      storeCode: String(order.shippingMethod.id),
      label: order.shippingMethod.name,
    });
  return out;
};

const pull = async (context: JobContext, importer: OrderImporter): Promise<void> => {
  const data = context.data.orders;
  const startedAt = context.now();
  const cursor = await data.cursor(ORDERS_CURSOR);
  const minUpdatedAt = pullFrom(cursor, data.options().orders.cursorOverlapDays);
  let pages = 0;
  for await (const page of context.data.orderStore.pullOrders({
    pageSize: PAGE_SIZE,
    ...(minUpdatedAt ? { minUpdatedAt } : {}),
  })) {
    pages += 1;
    context.counts.storeCalls += 1;
    // Each order's codes count once, when it is first read: a waiting order pulled again adds nothing.
    const known = await data.get(page.orders.map((order) => String(order.id)));
    await data.recordCodes(
      page.orders.filter((order) => !known.has(String(order.id))).flatMap(codeSightings),
    );
    for (const invalid of page.invalid) await recordMalformedOrder(context, invalid);
    for (const order of page.orders) {
      if (context.signal.aborted) return;
      try {
        await importer.pulled(order);
      } catch (error) {
        await recordOrderError(context, String(order.id), error);
      }
    }
    context.progress(context.counts.read, null);
  }
  if (pages === 0) context.counts.storeCalls += 1;
  // Only a complete pull moves the cursor: a failed or paused one reads the same period again.
  await data.setCursor(ORDERS_CURSOR, localDate(startedAt));
};

/** Orders that wait on a pendência (a mapping added, a city registered…) and rejected ones sent to "reprocessar". */
const retryWaiting = async (context: JobContext, importer: OrderImporter): Promise<void> => {
  const data = context.data.orders;
  const due = await data.dueKeys(ORDER_ENTITY);
  let afterId = 0;
  let retried = 0;
  while (retried < RETRY_LIMIT) {
    const page = await data.list(['received', 'waiting', 'rejected'], afterId, 200);
    for (const record of page) {
      if (context.signal.aborted) return;
      if (record.state === 'rejected' && !due.has(record.storeOrderId)) continue;
      try {
        await importer.retry(record);
      } catch (error) {
        await recordOrderError(context, record.storeOrderId, error);
      }
      retried += 1;
    }
    if (page.length < 200) return;
    afterId = page[page.length - 1]!.id;
  }
};

/**
 * "Pedidos": what WinThor's importer did with the staged orders; the pull of paid and cancelled orders not
 * yet processed (page by page, from the cursor minus the overlap), each recorded under its unique key and
 * imported; the waiting ones retried; then the store told which were processed.
 */
export const ordersJob: Job = async (context) => {
  const owner = importingBranch(context.data.orders.options().branches, context.branch);
  if (owner.code !== context.branch.code) {
    context.log(
      'info',
      `Os pedidos desta loja são importados pela filial ${owner.code} (a primeira filial ativa que vende nela).`,
    );
    return;
  }
  const importer = new OrderImporter(context, await context.data.orders.backingOff(ORDER_ENTITY));
  await watchStaged(context);
  if (context.signal.aborted) return;
  await pull(context, importer);
  if (context.signal.aborted) return;
  await retryWaiting(context, importer);
  if (context.signal.aborted) return;
  await acknowledgeProcessed(context);
};
