import type { ScheduleJob, Settings, SyncRunResult } from '../contract';
import { SCHEDULE_JOBS } from '../contract';
import { AppError } from '../shared/app-error';
import type { RunTrigger } from '../winthor';
import { engineRefusals } from './engine-refusals';
import type { JobRunner } from './job-runner';

/**
 * Starts the runs a person asked for (one job, one branch, or every enabled schedule of every enabled branch),
 * each refused on its own: `refusal` is asked again before each start (the lease may be lost meanwhile).
 */
export const startManualRuns = async (options: {
  settings: Settings;
  runner: JobRunner;
  input: { branch?: string; job?: ScheduleJob };
  trigger: RunTrigger;
  refusal: () => Error | null;
  /** A person started this job of this branch. */
  started: (branch: string, job: ScheduleJob) => void;
}): Promise<SyncRunResult> => {
  const { input, runner } = options;
  const result: SyncRunResult = { started: [], alreadyRunning: [], refused: [] };
  const branches = options.settings.branches.filter((branch) =>
    input.branch ? branch.code === input.branch : branch.enabled,
  );
  if (input.branch && branches.length === 0) throw engineRefusals.unknownBranch(input.branch);
  for (const branch of branches) {
    const jobs = input.job
      ? [input.job]
      : SCHEDULE_JOBS.filter(
          (job) => runner.isAvailable(job) && branch.schedules.some((s) => s.enabled && s.job === job),
        );
    for (const job of jobs) {
      // The lease may have been lost (or the engine paused) while an earlier job was being started.
      const refusal = options.refusal();
      if (refusal) {
        result.refused.push({ branch: branch.code, job, message: refusal.message });
        continue;
      }
      try {
        const { ticket, started } = await runner.start(branch.code, job, options.trigger);
        (started ? result.started : result.alreadyRunning).push(ticket);
        options.started(branch.code, job);
      } catch (error) {
        const message = error instanceof AppError ? error.message : (error as Error).message;
        result.refused.push({ branch: branch.code, job, message });
      }
    }
  }
  return result;
};
