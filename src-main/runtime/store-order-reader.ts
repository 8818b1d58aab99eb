import type { StoreClientRegistry } from '../ciashop/store-registry';
import type { Order } from '../ciashop/schemas';
import type { StoreOrderReader } from '../engine/mappings/store-code-sampler';

/**
 * The mapping screens' sample of a branch's store (ADR 0024): the paid orders not yet acknowledged — the
 * ones the next import will meet — through the branch's store client (its budget, spacing and breaker),
 * stopping after `maxPages` pages.
 */
export const storeOrderReader =
  (stores: StoreClientRegistry): StoreOrderReader =>
  async (branch, { pageSize, maxPages }) => {
    const orders: Order[] = [];
    let pages = 0;
    for await (const page of stores
      .forBranch(branch.code)
      .pullOrders({ statuses: ['PaymentApproved'], pageSize })) {
      orders.push(...page);
      pages += 1;
      if (pages >= maxPages) break;
    }
    return orders;
  };
