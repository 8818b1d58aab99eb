import type { JobState } from '@contract';

/** What the Painel says a job is doing, in this order of precedence. */
export const JOB_DISPLAY_STATES = [
  'running',
  'unavailable',
  'paused',
  'error',
  'unscheduled',
  'waiting',
] as const;
export type JobDisplayState = (typeof JOB_DISPLAY_STATES)[number];

export const JOB_STATE_COLORS: Record<JobDisplayState, string> = {
  running: 'blue',
  unavailable: 'gray',
  paused: 'yellow',
  error: 'red',
  unscheduled: 'gray',
  waiting: 'teal',
};

/**
 * Running beats everything (a run started by hand shows even when paused); a job this version does not run
 * is "indisponível" whatever its schedule; then the engine paused; a last run that failed; no enabled
 * schedule; otherwise it waits for its next run.
 */
export const jobDisplayState = (job: JobState, enginePaused: boolean): JobDisplayState => {
  if (job.running) return 'running';
  if (!job.available) return 'unavailable';
  if (enginePaused) return 'paused';
  if (job.lastRun?.status === 'failed') return 'error';
  if (!job.scheduled) return 'unscheduled';
  return 'waiting';
};
