import type { OrderBook } from '../order-book';
import type { SandboxCatalog } from '../sandbox-catalog';
import type { SandboxCustomer } from '../seed-customers';
import { customerRoutes } from './customer-routes';
import { departmentRoutes } from './department-routes';
import { priceRoutes, stockRoutes } from './inventory-routes';
import { orderRoutes } from './order-routes';
import { productRoutes } from './product-routes';
import { notFound, queryOf, type ResourceRoutes, type RouteResult } from './route-kit';

export interface SandboxData {
  catalog: SandboxCatalog;
  customers: SandboxCustomer[];
  orders: OrderBook;
  orderStatusUpdates: Array<{ orderId: number; body: unknown }>;
  statusProcessedImplemented: boolean;
}

/** Answers one API request (path after /api/v1/, without query) from the in-memory store. */
export type Router = (method: string, path: string, params: URLSearchParams, body: unknown) => RouteResult;

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
      orderRoutes({
        orders: data.orders,
        statusUpdates: data.orderStatusUpdates,
        statusProcessedImplemented: data.statusProcessedImplemented,
      }),
    ],
  ]);
  return (method, path, params, body) => {
    const query = queryOf(params);
    const parts = path.split('/').map(decodeURIComponent);
    const routes = table.get(parts[0] ?? '');
    return routes?.({ method, parts, query, body }) ?? notFound(`Recurso não encontrado: ${method} ${path}`);
  };
};
