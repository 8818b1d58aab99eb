import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SandboxOrder } from './order-book';

/** Ids of injected orders start here (the generated ones are 100001…). */
export const FIRST_INJECTED_ID = 900_001;

/** What `POST orders` accepts: any part of an order; the rest is filled as the store would. */
export interface OrderInjection {
  [field: string]: unknown;
  id?: number;
  status?: string;
  createdAt?: string;
  orderItems?: Array<Record<string, unknown>>;
  subTotal?: number;
  total?: number;
  shippingMethod?: Record<string, unknown> & { cost?: number };
}

const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Orders placed through `POST orders` (the store's order-injection call): kept whole, with their status and
 * acknowledgement, and saved to a JSON file when one is given (the demo folder), so a restarted demo store
 * still has them. Saves are debounced and atomic (temporary file + rename).
 */
export class InjectedOrders {
  private readonly orders = new Map<number, SandboxOrder>();
  private nextId = FIRST_INJECTED_ID;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: { file?: string; now: () => number; saveDebounceMs?: number }) {
    const file = options.file;
    if (file && existsSync(file)) {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { orders?: SandboxOrder[] };
      for (const order of saved.orders ?? []) {
        this.orders.set(order.id, order);
        this.nextId = Math.max(this.nextId, order.id + 1);
      }
    }
  }

  has(id: number): boolean {
    return this.orders.has(id);
  }

  get(id: number): SandboxOrder | null {
    const order = this.orders.get(id);
    return order ? structuredClone(order) : null;
  }

  /** Injected orders in id order (the order pages list them after the generated ones). */
  list(): SandboxOrder[] {
    return [...this.orders.values()].sort((a, b) => a.id - b.id);
  }

  add(input: OrderInjection): SandboxOrder {
    const at = new Date(this.options.now()).toISOString();
    const id = typeof input.id === 'number' && !this.orders.has(input.id) ? input.id : this.nextId;
    this.nextId = Math.max(this.nextId, id + 1);
    const items = (input.orderItems ?? []).map((item): Record<string, unknown> => ({
      ...item,
      adjustedPrice: item.adjustedPrice ?? item.price,
    }));
    const subTotal =
      input.subTotal ?? round2(items.reduce((sum, i) => sum + num(i.adjustedPrice) * num(i.quantity), 0));
    const total = input.total ?? round2(subTotal + num(input.shippingMethod?.cost));
    const order = {
      sourceChannel: 'api',
      customerId: 0,
      billing: {},
      payments: [{ method: 'Pix', installments: 1, value: total }],
      ...input,
      id,
      status: input.status ?? 'PaymentApproved',
      createdAt: input.createdAt ?? at,
      updatedAt: at,
      orderItems: items,
      subTotal,
      total,
      statusProcessed: false,
    } as unknown as SandboxOrder;
    this.orders.set(id, order);
    this.changed();
    return structuredClone(order);
  }

  markProcessed(id: number): void {
    const order = this.orders.get(id);
    if (!order || order.statusProcessed) return;
    order.statusProcessed = true;
    this.changed();
  }

  /**
   * A new status. A cancellation is a change the ERP must see: the order becomes unprocessed again and its
   * updatedAt moves (inferred: the store returns cancelled orders in the `statusProcessed=false` pull).
   */
  setStatus(id: number, status: string): void {
    const order = this.orders.get(id);
    if (!order) return;
    order.status = status;
    if (status.toLowerCase() === 'cancelled') {
      order.statusProcessed = false;
      order.updatedAt = new Date(this.options.now()).toISOString();
      order.cancellationReason ??= 'CANCELLEDBYCUSTOMER';
    }
    this.changed();
  }

  /** Writes the file now (when there is one). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const file = this.options.file;
    if (!file) return;
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: 1, orders: this.list() }));
    renameSync(temporary, file);
  }

  private changed(): void {
    if (!this.options.file) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.saveDebounceMs ?? 200);
    this.timer.unref?.();
  }
}
