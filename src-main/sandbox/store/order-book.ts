import type { SandboxCustomer } from './seed-customers';
import { pick, seededRandom } from './seeded-random';

export interface SandboxOrder {
  id: number;
  status: string;
  sourceChannel: string;
  createdAt: string;
  updatedAt: string;
  customerId: number;
  orderItems: Array<{
    variantId: number;
    erpId: string;
    sku: string;
    price: number;
    adjustedPrice: number;
    quantity: number;
  }>;
  subTotal: number;
  total: number;
  shippingMethod: { id: number; name: string; cost: number; deliveryDeadline: number };
  shippingAddress: SandboxCustomer['shippingAddresses'][number];
  billing: Record<string, unknown>;
  payments: Array<{ method: string; installments: number; value: number }>;
  statusProcessed: boolean;
  cancellationReason?: string;
}

const CARRIERS = [
  { id: 1, name: 'Correios PAC' },
  { id: 2, name: 'Correios SEDEX' },
  { id: 3, name: 'Jadlog Package' },
  { id: 4, name: 'Retirada na loja' },
];
const PAYMENTS = ['CreditCard', 'Boleto', 'Pix', 'DebitCard'];

/** What changed in the generated orders, as saved in the sandbox's state file. */
export interface OrderBookState {
  processed: number[];
  statusOverrides: Array<[number, string]>;
}

/** Orders placed whole through `POST orders` (injected-orders.ts), as the book lists and changes them. */
export interface PlacedOrders {
  has(id: number): boolean;
  get(id: number): SandboxOrder | null;
  list(): SandboxOrder[];
  markProcessed(id: number): void;
  setStatus(id: number, status: string): void;
}

const FIRST_ID = 100_001;
const BASE_TIME = Date.UTC(2026, 10, 1);

/**
 * Orders generated on demand from (seed, index): 100k orders cost no memory until one is changed
 * (status, acknowledgement), which is kept in small override maps.
 */
export class OrderBook {
  private readonly processed = new Set<number>();
  private readonly statusOverride = new Map<number, string>();

  constructor(
    private readonly seed: number,
    readonly count: number,
    private readonly customers: SandboxCustomer[],
    private readonly maxProductCode = 500,
    /** Orders placed through `POST orders` (listed after the generated ones). */
    readonly injected?: PlacedOrders,
    /**
     * The prices generated orders sell at, by product code (the demo: its WinThor's own prices, read once
     * at start). Given, items use only these products, at these prices, forever: an order's content never
     * changes after it was first read (ADR 0221). None: any code 1..maxProductCode at a generated price.
     */
    prices?: ReadonlyMap<string, number>,
  ) {
    this.priced = prices
      ? [...prices]
          .filter(([code, price]) => price > 0 && Number(code) <= this.maxProductCode)
          .sort((a, b) => Number(a[0]) - Number(b[0]))
      : null;
  }

  private readonly priced: ReadonlyArray<readonly [string, number]> | null;

  snapshot(): OrderBookState {
    return { processed: [...this.processed], statusOverrides: [...this.statusOverride] };
  }

  restore(state: OrderBookState): void {
    for (const id of state.processed) this.processed.add(id);
    for (const [id, status] of state.statusOverrides) this.statusOverride.set(id, status);
  }

  has(id: number): boolean {
    if (this.injected?.has(id)) return true;
    return Number.isInteger(id) && id >= FIRST_ID && id < FIRST_ID + this.count;
  }

  statusOf(id: number): string {
    const placed = this.injected?.get(id);
    if (placed) return placed.status;
    const override = this.statusOverride.get(id);
    if (override) return override;
    const roll = seededRandom(this.seed * 7919 + id)();
    return roll < 0.8 ? 'PaymentApproved' : roll < 0.9 ? 'Cancelled' : 'SHIPPED';
  }

  updatedAtOf(id: number): string {
    return new Date(BASE_TIME + (id - FIRST_ID) * 60_000).toISOString();
  }

  isProcessed(id: number): boolean {
    if (this.injected?.has(id)) return this.injected.get(id)!.statusProcessed;
    return this.processed.has(id);
  }

  markProcessed(id: number): void {
    if (this.injected?.has(id)) return this.injected.markProcessed(id);
    this.processed.add(id);
  }

  setStatus(id: number, status: string): void {
    if (this.injected?.has(id)) return this.injected.setStatus(id, status);
    this.statusOverride.set(id, status);
  }

  get(id: number): SandboxOrder | null {
    if (this.injected?.has(id)) return this.injected.get(id);
    if (!this.has(id)) return null;
    const random = seededRandom(this.seed * 104_729 + id);
    const customer = this.customers.length ? pick(random, this.customers) : null;
    const itemCount = 1 + Math.floor(random() * 4);
    const orderItems = Array.from({ length: itemCount }, () => {
      const roll = random();
      const generated = Math.round((5 + random() * 495) * 100) / 100;
      const listed = this.priced?.length ? this.priced[Math.floor(roll * this.priced.length)]! : null;
      const code = listed ? listed[0] : String(1 + Math.floor(roll * this.maxProductCode));
      const price = listed ? listed[1] : generated;
      return {
        variantId: 900_000 + Number(code),
        erpId: code,
        sku: code,
        price,
        adjustedPrice: price,
        quantity: 1 + Math.floor(random() * 3),
      };
    });
    const subTotal =
      Math.round(orderItems.reduce((sum, item) => sum + item.adjustedPrice * item.quantity, 0) * 100) / 100;
    const carrier = pick(random, CARRIERS);
    const cost = carrier.id === 4 ? 0 : Math.round((12 + random() * 40) * 100) / 100;
    const total = Math.round((subTotal + cost) * 100) / 100;
    const method = pick(random, PAYMENTS);
    const status = this.statusOf(id);
    const address = customer?.shippingAddresses[0];
    const createdAt = new Date(BASE_TIME + (id - FIRST_ID) * 60_000 - 3_600_000).toISOString();
    return {
      id,
      status,
      sourceChannel: 'web',
      createdAt,
      updatedAt: this.updatedAtOf(id),
      customerId: customer?.id ?? 0,
      orderItems,
      subTotal,
      total,
      shippingMethod: {
        id: carrier.id,
        name: carrier.name,
        cost,
        deliveryDeadline: 3 + Math.floor(random() * 10),
      },
      shippingAddress: address ?? {
        street: '',
        streetNumber: '',
        streetComplement: '',
        district: '',
        city: '',
        state: '',
        country: 'BR',
        zipCode: '',
        reference: '',
        ibgeCode: '',
        recipientName: '',
        main: true,
      },
      billing: customer
        ? {
            name: customer.name,
            email: customer.email,
            customerType: customer.customerType,
            documentType: customer.documentType,
            documentId: customer.documentId,
            regionalDocumentType: customer.regionalDocumentType,
            regionalDocumentId: customer.regionalDocumentId,
            ...customer.billingAddress,
            phoneAreaCode: customer.phoneAreaCode,
            phoneNumber: customer.phoneNumber,
          }
        : {},
      payments: [
        { method, installments: method === 'CreditCard' ? 1 + Math.floor(random() * 6) : 1, value: total },
      ],
      statusProcessed: this.processed.has(id),
      ...(status === 'Cancelled' ? { cancellationReason: 'PAYMENTTRANSACTIONDECLINED' } : {}),
    };
  }

  /** One page of the orders matching the filters, and whether more remain. Scans cheap predicates only. */
  page(
    filter: { statuses: string[]; unprocessedOnly: boolean; minUpdatedAt?: string },
    page: number,
    limit: number,
  ): { items: SandboxOrder[]; hasMore: boolean } {
    const wanted = new Set(filter.statuses.map((status) => status.toLowerCase()));
    const skip = (page - 1) * limit;
    const items: SandboxOrder[] = [];
    let matched = 0;
    for (let id = FIRST_ID; id < FIRST_ID + this.count; id += 1) {
      if (filter.unprocessedOnly && this.processed.has(id)) continue;
      if (wanted.size && !wanted.has(this.statusOf(id).toLowerCase())) continue;
      if (filter.minUpdatedAt && this.updatedAtOf(id) < filter.minUpdatedAt) continue;
      matched += 1;
      if (matched <= skip) continue;
      if (items.length === limit) return { items, hasMore: true };
      const order = this.get(id);
      if (order) items.push(order);
    }
    for (const order of this.injected?.list() ?? []) {
      if (filter.unprocessedOnly && order.statusProcessed) continue;
      if (wanted.size && !wanted.has(order.status.toLowerCase())) continue;
      if (filter.minUpdatedAt && order.updatedAt < filter.minUpdatedAt) continue;
      matched += 1;
      if (matched <= skip) continue;
      if (items.length === limit) return { items, hasMore: true };
      items.push(structuredClone(order));
    }
    return { items, hasMore: false };
  }
}
