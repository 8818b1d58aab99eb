import type { Order } from './schemas';

export interface LearntCode {
  code: string;
  name: string;
  count: number;
}

/**
 * Payment methods and carriers have no list endpoint (ciashop-api.md): the mapping screens learn them from
 * the orders pulled. Feed every pulled order; read the codes sorted by frequency.
 */
export class OrderCodeCollector {
  private readonly payments = new Map<string, LearntCode>();
  private readonly carrierCodes = new Map<string, LearntCode>();

  add(order: Order): void {
    for (const payment of order.payments ?? []) bump(this.payments, payment.method, payment.method);
    if (order.shippingMethod)
      bump(this.carrierCodes, String(order.shippingMethod.id), order.shippingMethod.name);
  }

  paymentMethods(): LearntCode[] {
    return sorted(this.payments);
  }

  carriers(): LearntCode[] {
    return sorted(this.carrierCodes);
  }
}

const bump = (map: Map<string, LearntCode>, code: string, name: string): void => {
  const entry = map.get(code);
  if (entry) entry.count += 1;
  else map.set(code, { code, name, count: 1 });
};

const sorted = (map: Map<string, LearntCode>): LearntCode[] =>
  [...map.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
