import type { Settings } from '../../contract';

export type PurgeTarget = 'logs' | 'runs' | 'pendingEvents' | 'resolvedPendings';

export interface RetentionPorts {
  /** Deletes at most `batch` rows of `target` older than `cutoff`; returns how many. */
  purge(target: PurgeTarget, cutoff: Date, batch: number): Promise<number>;
  /** Lets the engine's own work through between batches (a short wait). */
  breathe(): Promise<void>;
  now(): Date;
}

export const PURGE_BATCH = 5_000;
/** The Painel's activity charts show 7 days of runs: runs are kept at least that long. */
const MIN_RUN_DAYS = 8;
const DAY = 86_400_000;

/**
 * Retention (ADR 0028): logs (and finished runs, and the history of pendências) older than N days and
 * resolved pendências older than M days are deleted in batches of PURGE_BATCH rows, each its own short
 * statement, until a batch comes back short. Returns how many rows of each went.
 */
export const purgeOldRows = async (
  ports: RetentionPorts,
  settings: Settings['monitoring'],
): Promise<Record<PurgeTarget, number>> => {
  const now = ports.now().getTime();
  const cutoffs: Record<PurgeTarget, Date> = {
    logs: new Date(now - settings.logRetentionDays * DAY),
    runs: new Date(now - Math.max(settings.logRetentionDays, MIN_RUN_DAYS) * DAY),
    pendingEvents: new Date(now - settings.logRetentionDays * DAY),
    resolvedPendings: new Date(now - settings.resolvedPendingRetentionDays * DAY),
  };
  const deleted: Record<PurgeTarget, number> = { logs: 0, runs: 0, pendingEvents: 0, resolvedPendings: 0 };
  for (const target of ['resolvedPendings', 'pendingEvents', 'logs', 'runs'] as PurgeTarget[]) {
    for (;;) {
      const n = await ports.purge(target, cutoffs[target], PURGE_BATCH);
      deleted[target] += n;
      if (n < PURGE_BATCH) break;
      await ports.breathe();
    }
  }
  return deleted;
};
