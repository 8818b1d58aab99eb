import type { ScheduleJob, Settings } from '../contract';
import { messageRef, type MessageRef } from '../contract';
import { jobLabel } from './job-runner';

/**
 * The jobs failing now, one per branch and job, with their text's key for a UI in another language: the
 * engine is "Com erro" while any is there, until that job's next run succeeds.
 */
export class JobFailures {
  private readonly texts = new Map<string, string>();
  private readonly refs = new Map<string, MessageRef>();

  set(branch: string, job: ScheduleJob, message: string): void {
    const text = `${jobLabel(job)} (filial ${branch}): ${message}`;
    const before = this.texts.get(`${branch}|${job}`);
    if (before !== undefined) this.refs.delete(before);
    this.texts.set(`${branch}|${job}`, text);
    this.refs.set(text, messageRef('engineState.jobFailed', { job, branch, message }));
  }

  drop(branch: string, job: ScheduleJob | string): void {
    const key = `${branch}|${job}`;
    const text = this.texts.get(key);
    if (text !== undefined) this.refs.delete(text);
    this.texts.delete(key);
  }

  size(): number {
    return this.texts.size;
  }

  messages(): string[] {
    return [...this.texts.values()];
  }

  messageRefs(): Record<string, MessageRef> {
    return Object.fromEntries(this.refs);
  }

  /** A failure of a branch now disabled or removed, or of a job no longer scheduled, no longer counts. */
  forgetRemovedWork(settings: Settings): void {
    for (const key of [...this.texts.keys()]) {
      const [code = '', job = ''] = key.split('|');
      const branch = settings.branches.find((b) => b.code === code);
      if (!branch?.enabled || !branch.schedules.some((s) => s.enabled && s.job === job)) this.drop(code, job);
    }
  }
}
