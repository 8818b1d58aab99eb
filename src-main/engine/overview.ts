import {
  SCHEDULE_JOBS,
  type BranchSyncState,
  type JobState,
  type RunSummary,
  type ScheduleJob,
  type SyncOverview,
} from '../contract';
import { AppError } from '../shared/app-error';
import type { RunRecord } from '../winthor';
import type { JobRunner } from './job-runner';
import type { EnginePorts } from './ports';
import type { Scheduler } from './scheduling/scheduler';

/** The queue entity each job drains (null: no queue). */
const QUEUE_ENTITY: Partial<Record<ScheduleJob, string>> = {
  categories: 'category',
  products: 'product',
  prices: 'price',
  stock: 'stock',
  orderStatus: 'orderStatus',
};

/** The pendência entity of each job. */
const PENDING_ENTITY: Partial<Record<ScheduleJob, string>> = {
  categories: 'category',
  products: 'product',
  prices: 'price',
  stock: 'stock',
  customers: 'customer',
  orders: 'order',
  orderStatus: 'orderStatus',
};

export const toRunSummary = (run: RunRecord): RunSummary => ({
  id: run.id,
  branch: run.branch,
  job: run.job as ScheduleJob,
  trigger: run.trigger,
  status: run.status,
  startedAt: run.startedAt.toISOString(),
  finishedAt: run.finishedAt?.toISOString() ?? null,
  counts: run.counts,
  message: run.message,
});

/**
 * The Painel's picture: per branch and job, the state, last and next run, counts, progress, the queue
 * backlog, open pendências and the store's budget with the time to drain the backlog. A branch whose
 * database or store cannot be read says so in `problem` instead of failing the whole answer.
 */
export const buildOverview = async (
  ports: EnginePorts,
  runner: JobRunner,
  scheduler: Scheduler,
): Promise<SyncOverview> => {
  const settings = ports.settings();
  const branches: BranchSyncState[] = [];
  const schedules: SyncOverview['schedules'] = [];
  for (const branch of settings.branches) {
    let problem: string | null = null;
    let latest: RunRecord[] = [];
    let counts = { backlog: {} as Record<string, number>, openPendings: {} as Record<string, number> };
    try {
      latest = await ports.runs.latest(branch.code);
      counts = await ports.branchCounts(branch.code);
    } catch (error) {
      problem = `Banco de dados do WinThor: ${(error as Error).message}`;
    }
    let budget = { remaining: null as number | null, limit: null as number | null };
    try {
      budget = ports.store(branch).budget();
    } catch (error) {
      problem ??= error instanceof AppError ? error.message : (error as Error).message;
    }
    const jobs: JobState[] = SCHEDULE_JOBS.map((job) => {
      const active = runner.activeRun(branch.code, job);
      const last = latest.find((run) => run.job === job);
      const next = branch.schedules
        .filter((s) => s.enabled && s.job === job)
        .map((s) => scheduler.nextRun(branch.code, s.id))
        .filter((at): at is Date => at !== null)
        .sort((a, b) => a.getTime() - b.getTime())[0];
      const queue = QUEUE_ENTITY[job];
      const pending = PENDING_ENTITY[job];
      return {
        job,
        available: runner.isAvailable(job),
        scheduled: branch.enabled && branch.schedules.some((s) => s.enabled && s.job === job),
        running: active !== undefined,
        runId: active?.runId ?? null,
        progress: active?.progress ?? null,
        lastRun: last ? toRunSummary(last) : null,
        nextRunAt: next?.toISOString() ?? null,
        backlog: queue ? (counts.backlog[queue] ?? 0) : null,
        openPendings: pending ? (counts.openPendings[pending] ?? 0) : 0,
      };
    });
    for (const entry of branch.schedules) {
      const at = scheduler.nextRun(branch.code, entry.id);
      schedules.push({ branch: branch.code, scheduleId: entry.id, nextRunAt: at?.toISOString() ?? null });
    }
    const backlog = Object.values(counts.backlog).reduce((sum, n) => sum + n, 0);
    branches.push({
      branch: branch.code,
      name: branch.name,
      enabled: branch.enabled,
      problem,
      budget: {
        ...budget,
        drainMinutes: budget.limit ? Math.ceil((backlog / budget.limit) * 60) : null,
      },
      jobs,
    });
  }
  return { branches, schedules };
};

/** When the newest run the database recorded ended (a run still "running" by when it started), or null. */
export const lastFinishedRun = async (ports: EnginePorts): Promise<Date | null> => {
  const recent = await ports.runs.list({ limit: 20 });
  return (
    recent
      .map((run) => run.finishedAt ?? (run.status === 'running' ? null : run.startedAt))
      .filter((at): at is Date => at !== null)
      .sort((a, b) => b.getTime() - a.getTime())[0] ?? null
  );
};
