import type { ScheduleJob, SyncRunEvent } from '../contract';
import type { LogRecord } from '../winthor';
import type { Job } from './job-context';
import { JobRunner, type JobRunnerOptions } from './job-runner';
import type { EnginePorts } from './ports';
import { Scheduler } from './scheduling/scheduler';

/** The engine's job runner over its ports: events out, each finished run back to the engine. */
export const createRunner = (
  ports: EnginePorts,
  jobs: Partial<Record<ScheduleJob, Job>>,
  hooks: {
    onEvent?: (event: SyncRunEvent) => void;
    onLog?: (line: LogRecord) => void;
    changed: () => void;
    finished: NonNullable<JobRunnerOptions['onFinished']>;
  },
): JobRunner =>
  new JobRunner(ports, jobs, {
    emit: (event) => {
      hooks.onEvent?.(event);
      if (event.phase !== 'progress') hooks.changed();
    },
    ...(hooks.onLog ? { onLog: hooks.onLog } : {}),
    onFinished: hooks.finished,
  });

/** The engine's scheduler over its ports: each due schedule fires the engine's start. */
export const createScheduler = (
  ports: EnginePorts,
  hooks: { fire: (branch: string, job: ScheduleJob) => void; onError: (message: string) => void },
): Scheduler =>
  new Scheduler({
    settings: () => ports.settings(),
    now: () => new Date(ports.clock.now()),
    lastStart: async (branch, job) =>
      (await ports.runs.latest(branch)).find((run) => run.job === job)?.startedAt ?? null,
    fire: hooks.fire,
    onError: hooks.onError,
  });
