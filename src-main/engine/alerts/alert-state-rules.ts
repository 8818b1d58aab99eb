import type { Settings } from '../../contract';
import type { AlertState } from './alert-state';

const HOUR = 3_600_000;
/** Failures of one branch with the same words within this time are one outage (one mail). */
const SAME_OUTAGE_MS = 15 * 60_000;
/** A budget back for this long ends its "used up" episode; the next one is news again. */
const BUDGET_EPISODE_GAP_MS = 2 * HOUR;
/** How long a kind of pendência seen open is remembered: back within it, it is not a new kind. */
const KIND_MEMORY_MS = 7 * 24 * HOUR;

/** The failing job (mailed) of the branch whose failure began with these words in the last minutes, if any. */
export const sameOutage = (
  state: AlertState,
  branch: string,
  message: string | null,
  now: Date,
): string | null => {
  for (const [key, job] of Object.entries(state.jobs)) {
    if (!key.startsWith(`${branch}|`) || job.mailed === false) continue;
    if (job.message === message && now.getTime() - new Date(job.since).getTime() <= SAME_OUTAGE_MS)
      return key;
  }
  return null;
};

/**
 * A failing job whose branch was removed or turned off, or whose schedules were all turned off, will not
 * run again by itself to recover: it is forgotten (no more reminders, health no longer red for it).
 * Returns whether the state changed.
 */
export const forgetJobsNotScheduled = (state: AlertState, settings: Settings): boolean => {
  let changed = false;
  for (const key of Object.keys(state.jobs)) {
    const [code, job] = key.split('|');
    const branch = settings.branches.find((b) => b.code === code);
    const schedules = branch?.schedules.filter((s) => s.job === job) ?? [];
    const turnedOff = schedules.length > 0 && schedules.every((s) => !s.enabled);
    if (branch?.enabled && !turnedOff) continue;
    delete state.jobs[key];
    changed = true;
  }
  return changed;
};

/**
 * The store budget of a branch read now (`out`: used up): true when it is news — an episode begins. The
 * episode ends after two hours with the budget back, so a long first load is one alert, not one an hour.
 */
export const budgetEpisode = (state: AlertState, branch: string, out: boolean, now: Date): boolean => {
  const backSince = (state.budgetBackSince ??= {});
  if (out) {
    delete backSince[branch];
    if (state.budgetOut[branch]) return false;
    state.budgetOut[branch] = true;
    return true;
  }
  if (!state.budgetOut[branch]) return false;
  const since = backSince[branch];
  if (!since) backSince[branch] = now.toISOString();
  else if (now.getTime() - new Date(since).getTime() >= BUDGET_EPISODE_GAP_MS) {
    delete state.budgetOut[branch];
    delete backSince[branch];
  }
  return false;
};

/**
 * The open pendências by kind read now: the "branch|entity|kind" keys that are news — not open at the last
 * look nor in the last 7 days. Null at the first look (what is open then is the baseline, not news).
 */
export const newPendingKinds = (
  state: AlertState,
  open: ReadonlyArray<{ branch: string; entity: string; kind: string; count: number }>,
  at: Date,
): Set<string> | null => {
  const now: Record<string, number> = {};
  for (const row of open) now[`${row.branch}|${row.entity}|${row.kind}`] = row.count;
  const before = state.kinds;
  const lastSeen = (state.kindsLastSeen ??= {});
  const recently = (key: string) =>
    lastSeen[key] !== undefined && at.getTime() - new Date(lastSeen[key]).getTime() <= KIND_MEMORY_MS;
  const news = new Set(Object.keys(now).filter((key) => before?.[key] === undefined && !recently(key)));
  for (const key of Object.keys(now)) lastSeen[key] = at.toISOString();
  for (const [key, seen] of Object.entries(lastSeen))
    if (at.getTime() - new Date(seen).getTime() > KIND_MEMORY_MS) delete lastSeen[key];
  state.kinds = now;
  return before === null ? null : news;
};
