import type { ScheduleJob, SyncRunEvent } from '../../contract';
import type { AlertContext } from './alert-context';
import { forgetJobsNotScheduled, sameOutage } from './alert-state-rules';

const DEFAULT_STILL_FAILING_MINUTES = 30;

const stillFailingMinutes = (context: AlertContext, branch: string): number =>
  context.branch(branch)?.email.alerts.stillFailingMinutes ?? DEFAULT_STILL_FAILING_MINUTES;

/**
 * A finished run of a job (ADR 0027): its first failure is one alert (quiet when it is part of an outage
 * already told), a further failure only updates the state, and a run that works again after a failure is
 * one `job_recovered` alert.
 */
export const jobRunFinished = async (context: AlertContext, event: SyncRunEvent): Promise<void> => {
  const { ports, state } = context;
  const key = `${event.branch}|${event.job}`;
  const failing = state.jobs[key];
  const now = ports.now();
  if (event.status === 'failed') {
    if (failing) {
      failing.message = event.message ?? failing.message;
      failing.runId = event.runId;
      return context.save();
    }
    const minutes = stillFailingMinutes(context, event.branch);
    // One outage, one mail: not while the database is down (its own alert says so), nor when another job
    // of the branch began failing with the same words in the last minutes (the store down, say).
    const grouped =
      state.database !== null || sameOutage(state, event.branch, event.message ?? null, now) !== null;
    const job = {
      since: now.toISOString(),
      message: event.message,
      reminders: 0,
      nextReminderAt: new Date(now.getTime() + minutes * 60_000).toISOString(),
      runId: event.runId,
      mailed: false,
    };
    state.jobs[key] = job;
    context.save();
    const failure = await ports.runFailure(event.runId).catch(() => ({ message: null, fix: null }));
    job.mailed = await context.raise(
      {
        kind: 'job_failed',
        job: event.job,
        since: now,
        message: event.message ?? failure.message ?? undefined,
        ...(failure.fix ? { fix: failure.fix } : {}),
        items: await ports.itemsWaiting(event.branch, event.job).catch(() => undefined),
        runId: event.runId,
        ...context.where(event.branch),
      },
      { quiet: grouped },
    );
    context.save();
  } else if ((event.status === 'ok' || event.status === 'partial') && failing && !event.storePaused) {
    // A run stopped by the store's pause says nothing about the job working again: its failure stays.
    delete state.jobs[key];
    context.save();
    await context.raise(
      {
        kind: 'job_recovered',
        job: event.job,
        since: new Date(failing.since),
        runId: event.runId,
        ...context.where(event.branch),
      },
      { quiet: failing.mailed === false },
    );
  }
};

/** The minute's reminders of jobs still failing: at 1×, 3×, 7×… the period after the first failure. */
export const remindFailingJobs = async (context: AlertContext): Promise<void> => {
  const { ports, state } = context;
  const now = ports.now();
  if (forgetJobsNotScheduled(state, ports.settings())) context.save();
  for (const [key, job] of Object.entries(state.jobs)) {
    if (new Date(job.nextReminderAt) > now) continue;
    const [branch, name] = key.split('|') as [string, ScheduleJob];
    // A job grouped under another one's mail reminds by mail only once that one is no longer failing.
    const quiet =
      state.database !== null ||
      (job.mailed === false &&
        Object.entries(state.jobs).some(
          ([other, o]) => other !== key && other.startsWith(`${branch}|`) && o.mailed !== false,
        ));
    const minutes = stillFailingMinutes(context, branch);
    job.reminders += 1;
    // Reminders at 1×, 3×, 7×… the period after the first failure: a long outage sends few mails.
    job.nextReminderAt = new Date(
      new Date(job.since).getTime() + (2 ** (job.reminders + 1) - 1) * minutes * 60_000,
    ).toISOString();
    context.save();
    const mailed = await context.raise(
      {
        kind: 'job_still_failing',
        job: name,
        since: new Date(job.since),
        ...(job.message ? { message: job.message } : {}),
        items: await ports.itemsWaiting(branch, name).catch(() => undefined),
        ...(job.runId ? { runId: job.runId } : {}),
        ...context.where(branch),
      },
      { quiet },
    );
    if (mailed) job.mailed = true;
    context.save();
  }
};
