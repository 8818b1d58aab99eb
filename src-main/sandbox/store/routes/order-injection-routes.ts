import type { InjectedOrders } from '../injected-orders';
import { asObject, bad, type ResourceRoutes } from './route-kit';

/**
 * `POST orders`: the store's own order-injection call (seen in a public client), so tests and the demo can
 * place any order — good or bad. Only the shape is checked (an object with an `orderItems` array); the store
 * fills id, dates, totals and a payment when they are missing. Answers 201 with the order as stored.
 */
export const orderInjectionRoutes =
  (injected: InjectedOrders): ResourceRoutes =>
  ({ method, parts, body }) => {
    if (parts.length !== 1 || method !== 'POST') return undefined;
    const input = asObject(body);
    if (!input || !Array.isArray(input.orderItems))
      return bad('Envie o pedido como objeto JSON com a lista orderItems.');
    return { status: 201, body: injected.add(input) };
  };
