import type { ScheduleJob, SyncRunEvent } from '../contract';
import type { LogRecord } from '../winthor';
import type { EngineSnapshot } from './engine-snapshot';
import type { Job } from './job-context';
import type { EnginePorts } from './ports';
import type { FirstSyncHold } from './setup/first-sync-hold';

/** What the engine (engine-controller.ts) is built over. */
export interface EngineOptions {
  /** Without ports (a host that only serves the UI, or a unit test) nothing runs. */
  ports?: EnginePorts;
  jobs?: Partial<Record<ScheduleJob, Job>>;
  onChange?: (snapshot: EngineSnapshot) => void;
  onEvent?: (event: SyncRunEvent) => void;
  onLog?: (line: LogRecord) => void;
  now?: () => Date;
  /**
   * Default true: start() plans the schedules and marks runs a previous process left "running" as
   * interrupted. False for a one-shot command beside a running service (it must not touch the service's runs).
   */
  scheduler?: boolean;
  /**
   * Before a schedule starts a catalogue job: does the branch wait for its first-sync preview (ADR 0406)?
   * Without it nothing is held (a unit test, the CLI's one-shot sync).
   */
  firstSync?: FirstSyncHold;
  /**
   * Resolves once this engine knows whether it holds the WinThor database (its lease's first claim, ADR 0310):
   * nothing starts and no earlier run is marked interrupted before that.
   */
  leaseSettled?: () => Promise<void>;
  /** The engine runs (true) or no longer runs (false) by a person's hand while the schema check holds it. */
  onSchemaHoldOverridden?: (overridden: boolean) => void;
  /** The schema check holds the engine (true: free the lease) or no longer (false: claim it again), ADR 0313. */
  onLeaseSuspended?: (suspended: boolean) => void;
}
