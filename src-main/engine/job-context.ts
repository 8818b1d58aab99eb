import type { Branch, ScheduleJob } from '../contract';
import type { LogLevel } from '../winthor';
import type { BranchData, StoreGateway } from './ports';
import type { RunCounts } from './run-counts';

/** What a job gets for one run: its branch, the database and store bound to it, and the run's tools. */
export interface JobContext {
  readonly job: ScheduleJob;
  readonly branch: Branch;
  readonly runId: number;
  readonly data: BranchData;
  readonly store: StoreGateway;
  /** Aborted by "Pausar" (or the app stopping): jobs stop at the next item, leaving the rest queued. */
  readonly signal: AbortSignal;
  readonly counts: RunCounts;
  /** False while the store's budget is kept for higher priorities: the job stops, the rest waits. */
  mayCall(): boolean;
  now(): Date;
  log(level: LogLevel, message: string, details?: Record<string, unknown>): void;
  /** Progress for the Painel (items done of a total, when known). */
  progress(done: number, total: number | null): void;
}

/** One kind of work (a schedule's job): reads WinThor, compares, sends only what changed. */
export type Job = (context: JobContext) => Promise<void>;
