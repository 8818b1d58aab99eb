import type { RunRecord } from '../../winthor';

export interface HourBucket {
  at: Date;
  storeCalls: number;
  errors: number;
  runs: number;
}

const HOUR = 3_600_000;

/** The start of the hour of `date`, in local time (what the Painel's axis shows). */
export const hourOf = (date: Date): Date => {
  const hour = new Date(date);
  hour.setMinutes(0, 0, 0);
  return hour;
};

/**
 * Runs folded into one bucket per hour from `hours` ago to now (empty hours included, so a quiet night
 * shows as zero, not as a gap): the store calls the runs made, and errors — failed runs plus items that
 * failed — by the hour each run started.
 */
export const activityByHour = (runs: readonly RunRecord[], now: Date, hours: number): HourBucket[] => {
  const last = hourOf(now).getTime();
  const first = last - (hours - 1) * HOUR;
  const buckets: HourBucket[] = [];
  for (let at = first; at <= last; at += HOUR)
    buckets.push({ at: new Date(at), storeCalls: 0, errors: 0, runs: 0 });
  for (const run of runs) {
    const index = Math.floor((hourOf(run.startedAt).getTime() - first) / HOUR);
    const bucket = buckets[index];
    if (!bucket) continue;
    bucket.runs += 1;
    bucket.storeCalls += run.counts.storeCalls ?? 0;
    bucket.errors += (run.status === 'failed' ? 1 : 0) + (run.counts.failed ?? 0);
  }
  return buckets;
};
