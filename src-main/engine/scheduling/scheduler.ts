import schedule from 'node-schedule';
import type { Branch, Schedule, ScheduleJob, Settings } from '../../contract';
import { dueAt, nextIntervalRun } from './next-run';

/** What the scheduler asks of the engine. */
export interface SchedulerHost {
  settings(): Settings;
  now(): Date;
  /** When the job last started for the branch (from WTC_RUN), to run missed runs once after a restart. */
  lastStart(branch: string, job: ScheduleJob): Promise<Date | null>;
  /** Starts a run unless one of the same branch and job is running (then it is not stacked). */
  fire(branch: string, job: ScheduleJob, scheduleId: string): void;
  onError(message: string): void;
}

interface Planned {
  key: string;
  signature: string;
  handle: schedule.Job | null;
  nextAt: Date | null;
}

/** node-schedule answers a CronDate for cron jobs: a plain Date for everyone else. */
const asDate = (value: { getTime(): number } | null | undefined): Date | null =>
  value ? new Date(value.getTime()) : null;

/** How long to wait before planning again after a failure to read the last runs. */
export const RETRY_PLANNING_MS = 60_000;

const keyOf = (branch: string, scheduleId: string): string => `${branch}|${scheduleId}`;
const signatureOf = (s: Schedule): string =>
  JSON.stringify([s.job, s.enabled, s.every, s.unit, s.cron.trim()]);

/**
 * One timer per enabled schedule of each enabled branch (node-schedule): a cron expression, or an interval
 * counted from the job's last start. A run that outlasts its interval is not stacked (the engine refuses a
 * second run of the same branch and job); after a sleep or a restart a missed run runs once, not N times.
 * `sync()` re-reads the settings (on every change) and touches only the schedules that changed.
 */
export class Scheduler {
  private readonly planned = new Map<string, Planned>();
  private paused = false;
  private generation = 0;

  constructor(private readonly host: SchedulerHost) {}

  async sync(): Promise<void> {
    const generation = ++this.generation;
    const wanted = new Map<string, { branch: Branch; schedule: Schedule }>();
    for (const branch of this.host.settings().branches) {
      if (!branch.enabled) continue;
      for (const entry of branch.schedules) {
        if (entry.enabled) wanted.set(keyOf(branch.code, entry.id), { branch, schedule: entry });
      }
    }
    for (const [key, plan] of this.planned) {
      const want = wanted.get(key);
      if (!want || signatureOf(want.schedule) !== plan.signature || this.paused) this.cancel(key);
    }
    if (this.paused) return;
    for (const [key, { branch, schedule: entry }] of wanted) {
      if (this.planned.has(key)) continue;
      const placeholder: Planned = { key, signature: signatureOf(entry), handle: null, nextAt: null };
      this.planned.set(key, placeholder);
      try {
        await this.plan(placeholder, branch.code, entry);
      } catch (error) {
        // E.g. the database is not up yet when the service starts: forget this plan and try again soon,
        // so the schedule is not left without a timer until someone edits it.
        if (this.planned.get(key) === placeholder) this.planned.delete(key);
        this.host.onError(`Agendamento ${entry.id} da filial ${branch.code}: ${(error as Error).message}`);
        this.retrySoon();
      }
      // Paused, stopped or the settings changed meanwhile: stop here (a newer sync, if any, goes on).
      if (generation !== this.generation || this.paused) return;
    }
  }

  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  /** One retry of the planning a minute later (not one per failed schedule). */
  private retrySoon(): void {
    if (this.retryTimer || this.paused) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.paused) void this.sync();
    }, RETRY_PLANNING_MS);
    this.retryTimer.unref?.();
  }

  /** The next start of each schedule (for the Agendamento list and the Painel). */
  nextRuns(): Map<string, Date | null> {
    return new Map([...this.planned].map(([key, plan]) => [key, plan.nextAt]));
  }

  nextRun(branch: string, scheduleId: string): Date | null {
    return this.planned.get(keyOf(branch, scheduleId))?.nextAt ?? null;
  }

  pause(): void {
    this.paused = true;
    this.generation += 1; // a sync still planning stops at its next step
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    for (const key of [...this.planned.keys()]) this.cancel(key);
  }

  async resume(): Promise<void> {
    this.paused = false;
    await this.sync();
  }

  stop(): void {
    this.pause();
  }

  private async plan(plan: Planned, branch: string, entry: Schedule): Promise<void> {
    const fire = () => this.host.fire(branch, entry.job, entry.id);
    if (entry.cron.trim()) {
      const handle = schedule.scheduleJob(entry.cron.trim(), () => {
        fire();
        plan.nextAt = asDate(handle?.nextInvocation());
      });
      if (!handle) throw new Error(`expressão cron inválida: "${entry.cron}"`);
      plan.handle = handle;
      plan.nextAt = asDate(handle.nextInvocation());
      return;
    }
    const last = await this.host.lastStart(branch, entry.job);
    if (this.planned.get(plan.key) !== plan || this.paused) return; // cancelled while reading
    this.arm(plan, branch, entry, dueAt(last, entry, this.host.now()));
  }

  /** A one-shot timer at `at`; when it fires, the run starts and the next one is counted from now. */
  private arm(plan: Planned, branch: string, entry: Schedule, at: Date): void {
    const now = this.host.now();
    const when = at.getTime() <= now.getTime() ? new Date(now.getTime() + 50) : at;
    plan.nextAt = when;
    plan.handle = schedule.scheduleJob(when, () => {
      if (this.planned.get(plan.key) !== plan) return;
      this.host.fire(branch, entry.job, entry.id);
      this.arm(plan, branch, entry, nextIntervalRun(this.host.now(), entry));
    });
  }

  private cancel(key: string): void {
    const plan = this.planned.get(key);
    plan?.handle?.cancel();
    this.planned.delete(key);
  }
}
