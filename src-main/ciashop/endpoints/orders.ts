import { RawOrderItem, splitOrderPage, type OrderPage } from '../order-page';
import { storePaths } from '../paths';
import { Order, OrderStatusUpdate } from '../schemas';
import type { StoreCaller } from '../store-client-types';
import { StoreError } from '../store-error';

export type AcknowledgeResult =
  { status: 'acknowledged'; count: number } | { status: 'not_implemented'; message: string };

export interface PullOrdersOptions {
  statuses?: string[];
  /** YYYY-MM-DD */
  minUpdatedAt?: string;
  pageSize?: number;
  /** Default false: only orders not yet acknowledged. */
  includeProcessed?: boolean;
}

/**
 * Paid and cancelled orders not yet acknowledged, page by page (flat memory for any volume).
 * Paging is by page number (as seen in LOJA901I): acknowledging orders WHILE iterating shifts the later
 * pages of `statusProcessed=false`, so some orders would only come in the next pull. Acknowledge after the
 * pull ends (or pull again until a pull returns nothing new); the import record keeps it exactly-once.
 */
export async function* pullOrderPages(
  store: StoreCaller,
  options: PullOrdersOptions = {},
): AsyncGenerator<OrderPage, void, undefined> {
  // Each order is checked on its own (order-page.ts): one malformed order is reported, not the whole page.
  for await (const items of store.pages(
    storePaths.orders,
    RawOrderItem,
    {
      status: options.statuses ?? ['PaymentApproved', 'Cancelled'],
      statusProcessed: options.includeProcessed ? undefined : false,
      minUpdatedAt: options.minUpdatedAt,
    },
    options.pageSize ?? 250,
  ))
    yield splitOrderPage(items);
}

/** The well-formed orders of each page (malformed ones left out: the import reads pullOrderPages). */
export async function* pullOrders(
  store: StoreCaller,
  options: PullOrdersOptions = {},
): AsyncGenerator<Order[], void, undefined> {
  for await (const page of pullOrderPages(store, options)) if (page.orders.length) yield page.orders;
}

export const getOrder = async (store: StoreCaller, id: number): Promise<Order> =>
  (await store.request({ method: 'GET', path: storePaths.order(id), safety: 'idempotent', schema: Order }))
    .data;

/** `POST orders/statusProcessed` [ids]. A 404 means this store does not implement it: reported distinctly. */
export const acknowledgeOrders = async (store: StoreCaller, ids: number[]): Promise<AcknowledgeResult> => {
  if (ids.length === 0) return { status: 'acknowledged', count: 0 };
  try {
    const { data } = await store.request({
      method: 'POST',
      path: storePaths.ordersStatusProcessed,
      body: ids,
      safety: 'idempotent',
    });
    // The count the store reports when it reports one (the sandbox does; the real answer is not known).
    const processed = (data as { processed?: unknown } | undefined)?.processed;
    return { status: 'acknowledged', count: typeof processed === 'number' ? processed : ids.length };
  } catch (error) {
    if (error instanceof StoreError && error.kind === 'not_found') {
      return {
        status: 'not_implemented',
        message:
          'Esta loja não implementa a confirmação de pedidos processados (orders/statusProcessed respondeu 404); os pedidos continuarão vindo e serão ignorados pelo registro de importação.',
      };
    }
    throw error;
  }
};

/** UNVERIFIED path (ADR 0205): status / invoice / tracking back to the store. */
export const updateOrderStatus = async (
  store: StoreCaller,
  id: number,
  update: OrderStatusUpdate,
): Promise<void> => {
  await store.request({
    method: 'PUT',
    path: storePaths.orderStatusUpdate(id),
    body: OrderStatusUpdate.parse(update),
    safety: 'idempotent',
  });
};
