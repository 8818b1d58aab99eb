import type { ScheduleJob } from '../contract';

/**
 * Spending the store's hourly budget by priority (architecture.md, "API budget"): orders and order status
 * may use every call left; each lower priority stops while the store has no more than its reserve left,
 * so that orders always find calls. Branches selling in one store share its client, hence its budget.
 */
export const PRIORITY: readonly ScheduleJob[] = [
  'orders',
  'orderStatus',
  'customers',
  'stock',
  'prices',
  'products',
  'categories',
  'reconcile',
];

/** Share of the hourly limit kept for the jobs above each one. */
const RESERVE: Record<ScheduleJob, number> = {
  orders: 0,
  orderStatus: 0,
  customers: 0.05,
  stock: 0.1,
  prices: 0.15,
  products: 0.2,
  categories: 0.2,
  reconcile: 0.25,
};

export const reserveFor = (job: ScheduleJob, limit: number): number => Math.ceil(limit * RESERVE[job]);

/** Whether `job` may spend one more call now. An unknown budget (no answer read yet) does not stop anyone. */
export const mayCall = (
  job: ScheduleJob,
  budget: { remaining: number | null; limit: number | null },
): boolean => {
  if (budget.remaining === null) return true;
  // No limit read (a 429 without x-apilimit-remaining): only "none left" stops the jobs.
  if (budget.limit === null) return budget.remaining > 0;
  return budget.remaining > reserveFor(job, budget.limit);
};
