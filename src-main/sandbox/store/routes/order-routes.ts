import type { OrderBook } from '../order-book';
import { asObject, bad, notFound, pageOf, type ResourceRoutes } from './route-kit';

export interface OrderRoutesOptions {
  orders: OrderBook;
  /** Every status update received on `orders/{id}/status`, for the tests. */
  statusUpdates: Array<{ orderId: number; body: unknown }>;
  /** false = `POST orders/statusProcessed` answers 404, like older stores. */
  statusProcessedImplemented: boolean;
  statusRules: { rejectsTracking: boolean };
}

/** `orders`: list (status[], statusProcessed, minUpdatedAt), get, acknowledge, status update (unverified). */
export const orderRoutes =
  ({ orders, statusUpdates, statusProcessedImplemented, statusRules }: OrderRoutesOptions): ResourceRoutes =>
  ({ method, parts, query, body }) => {
    const idText = parts[1];
    if (parts.length === 1 && method === 'GET') {
      const { limit, page } = pageOf(query);
      const processedFilter = query.one('statusProcessed');
      const minUpdatedAt = query.one('minUpdatedAt');
      const result = orders.page(
        {
          statuses: query.all('status'),
          unprocessedOnly: processedFilter === 'false',
          ...(minUpdatedAt ? { minUpdatedAt } : {}),
        },
        page,
        limit,
      );
      return { status: 200, body: result.items, headers: { 'x-hasmore': String(result.hasMore) } };
    }
    if (parts.length === 2 && idText === 'statusProcessed' && method === 'POST') {
      if (!statusProcessedImplemented) return notFound('Recurso não encontrado.');
      if (!Array.isArray(body) || !body.every((id) => typeof id === 'number'))
        return bad('Envie um array de ids de pedidos.');
      // Unknown ids are skipped, not a 404: on this route a 404 means "not implemented" (older stores),
      // and the client reads it so; one stale id must not hide that the others were acknowledged.
      const known = body.filter((id) => orders.has(id));
      for (const id of known) orders.markProcessed(id);
      return {
        status: 200,
        body: { processed: known.length, notFound: body.filter((id) => !orders.has(id)) },
      };
    }
    if (parts.length === 2 && method === 'GET') {
      const order = orders.get(Number(idText));
      return order ? { status: 200, body: order } : notFound(`Pedido ${idText} não encontrado.`);
    }
    if (parts.length === 3 && parts[2] === 'status' && (method === 'PUT' || method === 'POST')) {
      const id = Number(idText);
      const input = asObject(body);
      if (!orders.has(id)) return notFound(`Pedido ${idText} não encontrado.`);
      if (!input || typeof input.status !== 'string') return bad('Campo status é obrigatório.');
      if (statusRules.rejectsTracking && input.tracking !== undefined)
        return bad('Campo não reconhecido: tracking.');
      orders.setStatus(id, input.status);
      statusUpdates.push({ orderId: id, body: input });
      return { status: 200, body: orders.get(id) };
    }
    return undefined;
  };
