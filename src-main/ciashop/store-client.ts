import * as customers from './endpoints/customers';
import * as departments from './endpoints/departments';
import * as orders from './endpoints/orders';
import * as products from './endpoints/products';
import * as stockPrices from './endpoints/stock-prices';
import type {
  Customer,
  Department,
  DepartmentInput,
  Order,
  OrderStatusUpdate,
  PriceInput,
  Product,
  ProductInput,
} from './schemas';
import { StorePipeline } from './store-pipeline';
import type { OrderPage } from './order-page';

export type { AcknowledgeResult, PullOrdersOptions } from './endpoints/orders';
export { buildQuery, redactPath, type RequestSpec, type StoreAnswer } from './request-spec';
export type { LogFn, StoreCaller, StoreClientOptions, StoreClientState } from './store-client-types';

/**
 * The store client (one instance per store): the request pipeline of store-pipeline.ts (URL normalised,
 * Bearer token, budget, spacing and concurrency, retries with full jitter, circuit breaker, zod-checked
 * answers, paging through x-hasmore) and the store's endpoints, grouped by resource in endpoints/.
 */
export class StoreClient extends StorePipeline {
  // ——— departments ———
  listDepartments(pageSize = 100): AsyncGenerator<Department[]> {
    return departments.listDepartments(this, pageSize);
  }

  createDepartment(input: DepartmentInput): Promise<Department> {
    return departments.createDepartment(this, input);
  }

  updateDepartment(id: number, input: DepartmentInput): Promise<Department> {
    return departments.updateDepartment(this, id, input);
  }

  findDepartmentByErpId(erpId: string): Promise<Department | null> {
    return departments.findDepartmentByErpId(this, erpId);
  }

  // ——— products ———
  findProductByErpId(erpId: string): Promise<Product | null> {
    return products.findProductByErpId(this, erpId);
  }

  /** Looks the erpId up before repeating a create whose outcome is unknown (ADR 0203). */
  createProduct(input: ProductInput): Promise<Product> {
    return products.createProduct(this, input);
  }

  updateProduct(id: number, input: ProductInput): Promise<Product> {
    return products.updateProduct(this, id, input);
  }

  // ——— stock and price (absolute values: idempotent) ———
  setStock(variantErpId: string, warehouseErpId: string, quantity: number): Promise<void> {
    return stockPrices.setStock(this, variantErpId, warehouseErpId, quantity);
  }

  setPrice(variantErpId: string, tableErpId: string, price: PriceInput): Promise<void> {
    return stockPrices.setPrice(this, variantErpId, tableErpId, price);
  }

  // ——— customers ———
  getCustomer(id: number): Promise<Customer> {
    return customers.getCustomer(this, id);
  }

  findCustomersByDocument(document: string): Promise<Customer[]> {
    return customers.findCustomersByDocument(this, document);
  }

  /** Customers created or changed since `minUpdatedAt` (YYYY-MM-DD), page by page. */
  listCustomers(options: { minUpdatedAt?: string; pageSize?: number } = {}): AsyncGenerator<Customer[]> {
    return customers.listCustomers(this, options);
  }

  // ——— orders ———
  /** Acknowledge after the pull ends: acknowledging while paging shifts the later pages (endpoints/orders.ts). */
  pullOrders(options: orders.PullOrdersOptions = {}): AsyncGenerator<Order[]> {
    return orders.pullOrders(this, options);
  }

  /** Pages with each order checked on its own: malformed orders come apart, named by field. */
  pullOrderPages(options: orders.PullOrdersOptions = {}): AsyncGenerator<OrderPage> {
    return orders.pullOrderPages(this, options);
  }

  getOrder(id: number): Promise<Order> {
    return orders.getOrder(this, id);
  }

  acknowledgeOrders(ids: number[]): Promise<orders.AcknowledgeResult> {
    return orders.acknowledgeOrders(this, ids);
  }

  /** UNVERIFIED path (ADR 0205). */
  updateOrderStatus(id: number, update: OrderStatusUpdate): Promise<void> {
    return orders.updateOrderStatus(this, id, update);
  }
}
