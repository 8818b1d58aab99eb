import type { ScheduleJob, Settings } from '../contract';

/** The jobs that read each entity of the trigger queue (the products job also takes new categories along). */
const READERS: Record<string, readonly ScheduleJob[]> = {
  category: ['categories', 'products', 'reconcile'],
  product: ['products'],
  price: ['prices'],
  stock: ['stock'],
  orderStatus: ['orderStatus'],
};

const hasStore = (branch: Settings['branches'][number]): boolean =>
  branch.store.url.trim() !== '' && branch.store.token.trim() !== '';

/**
 * Per queue entity, the branches that will read its rows: enabled, with a store, with an enabled schedule
 * of a job of this version that reads it. Rows for anyone else are not kept (ADR 0107).
 */
export const queueConsumers = (
  settings: Settings,
  availableJobs: readonly ScheduleJob[],
): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(READERS).map(([entity, jobs]) => [
      entity,
      settings.branches
        .filter(
          (branch) =>
            branch.enabled &&
            hasStore(branch) &&
            branch.schedules.some((s) => s.enabled && jobs.includes(s.job) && availableJobs.includes(s.job)),
        )
        .map((branch) => branch.code),
    ]),
  );
