import type { ScheduleJob, Settings } from '../contract';
import { messageRef, type MessageRef } from '../contract';
import { jobLabel } from './job-runner';

/** One failing job of one branch, kept with its branch and job as they are (no key to split back). */
interface Failure {
  branch: string;
  job: ScheduleJob | string;
  text: string;
}

/** A key that cannot mix up a branch and a job whatever characters they hold. */
const keyOf = (branch: string, job: ScheduleJob | string): string => JSON.stringify([branch, job]);

/**
 * The jobs failing now, one per branch and job, with their text's key for a UI in another language: the
 * engine is "Com erro" while any is there, until that job's next run succeeds.
 */
export class JobFailures {
  private readonly failures = new Map<string, Failure>();
  private readonly refs = new Map<string, MessageRef>();

  set(branch: string, job: ScheduleJob, message: string): void {
    const text = `${jobLabel(job)} (filial ${branch}): ${message}`;
    const key = keyOf(branch, job);
    const before = this.failures.get(key);
    if (before !== undefined) this.refs.delete(before.text);
    this.failures.set(key, { branch, job, text });
    this.refs.set(text, messageRef('engineState.jobFailed', { job, branch, message }));
  }

  drop(branch: string, job: ScheduleJob | string): void {
    const key = keyOf(branch, job);
    const failure = this.failures.get(key);
    if (failure !== undefined) this.refs.delete(failure.text);
    this.failures.delete(key);
  }

  size(): number {
    return this.failures.size;
  }

  messages(): string[] {
    return [...this.failures.values()].map((failure) => failure.text);
  }

  messageRefs(): Record<string, MessageRef> {
    return Object.fromEntries(this.refs);
  }

  /** A failure of a branch now disabled or removed, or of a job no longer scheduled, no longer counts. */
  forgetRemovedWork(settings: Settings): void {
    for (const { branch: code, job } of [...this.failures.values()]) {
      const branch = settings.branches.find((b) => b.code === code);
      if (!branch?.enabled || !branch.schedules.some((s) => s.enabled && s.job === job)) this.drop(code, job);
    }
  }
}
