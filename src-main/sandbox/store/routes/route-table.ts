import type { InjectedOrders } from '../injected-orders';
import type { OrderBook } from '../order-book';
import type { SandboxCatalog } from '../sandbox-catalog';
import type { SandboxCustomer } from '../seed-customers';
import { customerRoutes } from './customer-routes';
import { departmentRoutes } from './department-routes';
import { priceRoutes, stockRoutes } from './inventory-routes';
import { orderInjectionRoutes } from './order-injection-routes';
import { orderRoutes } from './order-routes';
import { productRoutes } from './product-routes';
import { notFound, queryOf, type ResourceRoutes, type RouteResult } from './route-kit';

export interface SandboxData {
  catalog: SandboxCatalog;
  injected: InjectedOrders;
  customers: SandboxCustomer[];
  orders: OrderBook;
  orderStatusUpdates: Array<{ orderId: number; body: unknown }>;
  statusProcessedImplemented: boolean;
  /** Switchable by tests: the status update refuses a body with `tracking` (a store without that field). */
  statusRules: { rejectsTracking: boolean };
}

/** Answers one API request (path after /api/v1/, without query) from the in-memory store. */
export type Router = (method: string, path: string, params: URLSearchParams, body: unknown) => RouteResult;

/** The first of several route sets that answers. */
const firstOf =
  (...routes: ResourceRoutes[]): ResourceRoutes =>
  (request) => {
    for (const route of routes) {
      const result = route(request);
      if (result) return result;
    }
    return undefined;
  };

/** The store's resources by the first path segment; each resource holds its own routes. */
export const createRouter = (data: SandboxData): Router => {
  const table = new Map<string, ResourceRoutes>([
    ['departments', departmentRoutes(data.catalog)],
    ['products', productRoutes(data.catalog)],
    ['variants', stockRoutes(data.catalog)],
    ['variantsErpId', priceRoutes(data.catalog)],
    ['customers', customerRoutes(data.customers)],
    [
      'orders',
      firstOf(
        orderInjectionRoutes(data.injected),
        orderRoutes({
          orders: data.orders,
          statusUpdates: data.orderStatusUpdates,
          statusProcessedImplemented: data.statusProcessedImplemented,
          statusRules: data.statusRules,
        }),
      ),
    ],
  ]);
  return (method, path, params, body) => {
    const query = queryOf(params);
    const parts = path.split('/').map(decodeURIComponent);
    const routes = table.get(parts[0] ?? '');
    return routes?.({ method, parts, query, body }) ?? notFound(`Recurso não encontrado: ${method} ${path}`);
  };
};
