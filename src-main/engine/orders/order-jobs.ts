import type { ScheduleJob } from '../../contract';
import type { Job } from '../job-context';
import { customersJob } from './customers-job';
import { orderStatusJob } from './order-status-job';
import { ordersJob } from './orders-job';

/** The order side's jobs (issue #10), combined with CATALOGUE_JOBS in runtime/create-runtime.ts. */
export const ORDER_JOBS: Partial<Record<ScheduleJob, Job>> = {
  orders: ordersJob,
  orderStatus: orderStatusJob,
  customers: customersJob,
};
