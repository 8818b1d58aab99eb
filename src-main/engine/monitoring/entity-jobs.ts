import type { ScheduleJob } from '../../contract';

/** The job that retries an entity's pendências on each run (the pendência entity → its schedule job). */
const JOB_OF_ENTITY: Record<string, ScheduleJob> = {
  category: 'categories',
  product: 'products',
  price: 'prices',
  stock: 'stock',
  customer: 'customers',
  order: 'orders',
  orderStatus: 'orderStatus',
};

export const jobOfEntity = (entity: string): ScheduleJob | null => JOB_OF_ENTITY[entity] ?? null;

/** The pendência (and change queue) entity a job works on; null for the reconcile. */
export const entityOfJob = (job: ScheduleJob): string | null =>
  Object.entries(JOB_OF_ENTITY).find(([, candidate]) => candidate === job)?.[0] ?? null;
