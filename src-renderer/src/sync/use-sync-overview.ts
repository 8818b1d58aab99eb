import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { SyncOverview, SyncRunEvent } from '@contract';
import { useApiQuery } from '../api/hooks';
import { subscribe } from '../api/transport';

/** How often the overview is read again: often while something runs, calmly otherwise. */
export const POLL_RUNNING_MS = 2_000;
export const POLL_IDLE_MS = 10_000;

const keyOf = (branch: string, job: string) => `${branch}|${job}`;

/**
 * The overview with the live "sync.run" events laid over it: a run the overview does not show yet (it
 * started after the last read) is shown running, with the event's progress. An event stops counting once
 * the overview has recorded that run (its last run has the event's id or a newer one).
 */
export const withLiveRuns = (
  overview: SyncOverview | undefined,
  live: ReadonlyMap<string, SyncRunEvent>,
): SyncOverview | undefined => {
  if (!overview || live.size === 0) return overview;
  return {
    ...overview,
    branches: overview.branches.map((branch) => ({
      ...branch,
      jobs: branch.jobs.map((job) => {
        const event = live.get(keyOf(branch.branch, job.job));
        if (!event || (job.lastRun && job.lastRun.id >= event.runId)) return job;
        if (event.phase === 'finished') return { ...job, running: false, runId: null, progress: null };
        return { ...job, running: true, runId: event.runId, progress: event.progress ?? job.progress };
      }),
    })),
  };
};

const anyRunning = (overview: SyncOverview | undefined): boolean =>
  overview?.branches.some((branch) => branch.jobs.some((job) => job.running)) ?? false;

/**
 * `sync.overview`, kept live: polled (every 2 s while a run is going, 10 s otherwise) and updated at once
 * from the `sync.run` event stream; a finished run makes it read again so the last run's counts show.
 */
export const useSyncOverview = () => {
  const client = useQueryClient();
  const [live, setLive] = useState<ReadonlyMap<string, SyncRunEvent>>(new Map());
  const query = useApiQuery(
    'sync.overview',
    {},
    {
      refetchInterval: (current) =>
        anyRunning(withLiveRuns(current.state.data, live)) ? POLL_RUNNING_MS : POLL_IDLE_MS,
    },
  );

  useEffect(
    () =>
      subscribe('sync.run', (event) => {
        setLive((previous) => new Map(previous).set(keyOf(event.branch, event.job), event));
        if (event.phase !== 'progress') void client.invalidateQueries({ queryKey: ['sync.overview'] });
      }),
    [client],
  );

  const data = useMemo(() => withLiveRuns(query.data, live), [query.data, live]);
  return { ...query, data };
};

/** The current time, refreshed every `everyMs` (for "em 5 minutos" to stay true on a screen left open). */
export const useNow = (everyMs = 30_000): Date => {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
};
