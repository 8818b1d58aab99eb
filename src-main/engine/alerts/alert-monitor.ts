import type { Branch, MonitorHealth, ScheduleJob, SyncRunEvent } from '../../contract';
import { smtpServerOf } from '../../mail/smtp-mailer';
import { ORDER_CANCELLED_KIND, orderCancelledFacts, type AlertFacts, type EngineHold } from './alert-facts';
import { dispatchAlert } from './alert-dispatch';
import type { AlertPorts } from './alert-ports';
import { emptyAlertState, type AlertState } from './alert-state';
import { budgetEpisode, forgetJobsNotScheduled, newPendingKinds, sameOutage } from './alert-state-rules';
import { healthOf } from './health';
import { waitingForPerson } from './pending-attention';
import { MailOutbox } from './mail-outbox';

const HOUR = 3_600_000;
const RUN_LOOK_EVERY_MS = 10_000;
const dayOf = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/**
 * Alerts on state changes, not on every failed run (ADR 0027): a job's first failure, one reminder after
 * the configured period (then at 3×, 7×… the period), its recovery; a new kind of pendência; the store's
 * budget out; the database unreachable and back; an order cancelled in the store after WinThor imported it;
 * an optional daily summary. Each goes to the tray (events) and, rate-limited per branch, by mail through an
 * outbox that never blocks a sync.
 */
export class AlertMonitor {
  private state: AlertState;
  private readonly outbox: MailOutbox;
  private lastHealth = '';
  /** When a finished run last had the pendências counted (ms): not more often than RUN_LOOK_EVERY_MS. */
  private lastRunLookAt = -Infinity;

  constructor(private readonly ports: AlertPorts) {
    this.state = this.loadState();
    this.outbox = new MailOutbox({
      send: (server, mail) => ports.send(server, mail),
      now: () => ports.now().getTime(),
      log: (level, message, branch) => ports.log(level, message, branch),
      serverOf: (code) => {
        const email = ports.settings().branches.find((b) => b.code === code)?.email;
        return email?.enabled && email.host ? smtpServerOf(email) : null;
      },
    });
  }

  /** A run ended (the "sync.run" finished event). Returns when its alert, if any, is posted. */
  async runFinished(event: SyncRunEvent): Promise<void> {
    if (event.phase !== 'finished') return;
    await this.jobStateChanged(event);
    // A run that left pendências (or may have closed the ones waiting: it sent or changed items): the health
    // knows at once, not at the next minute's look (ADR 0035) — at most every few seconds, the minute's look
    // catches up on the rest (two GROUP BYs per finished run would weigh on a busy database).
    const mayHaveClosed =
      (this.state.waitingForPerson ?? 0) > 0 && (event.counts.sent > 0 || event.counts.changed > 0);
    const now = this.ports.now().getTime();
    if (this.state.database || (event.counts.failed === 0 && !mayHaveClosed)) return;
    if (now - this.lastRunLookAt < RUN_LOOK_EVERY_MS) return;
    this.lastRunLookAt = now;
    await this.step('pendências', () => this.checkKinds());
    this.updateHealth();
  }

  private async jobStateChanged(event: SyncRunEvent): Promise<void> {
    const key = `${event.branch}|${event.job}`;
    const failing = this.state.jobs[key];
    const now = this.ports.now();
    if (event.status === 'failed') {
      if (failing) {
        failing.message = event.message ?? failing.message;
        failing.runId = event.runId;
        return this.save();
      }
      const minutes = this.branch(event.branch)?.email.alerts.stillFailingMinutes ?? 30;
      // One outage, one mail: not while the database is down (its own alert says so), nor when another job
      // of the branch began failing with the same words in the last minutes (the store down, say).
      const grouped =
        this.state.database !== null ||
        sameOutage(this.state, event.branch, event.message ?? null, now) !== null;
      const state = {
        since: now.toISOString(),
        message: event.message,
        reminders: 0,
        nextReminderAt: new Date(now.getTime() + minutes * 60_000).toISOString(),
        runId: event.runId,
        mailed: false,
      };
      this.state.jobs[key] = state;
      this.save();
      const failure = await this.ports.runFailure(event.runId).catch(() => ({ message: null, fix: null }));
      state.mailed = await this.raise(
        {
          kind: 'job_failed',
          job: event.job,
          since: now,
          message: event.message ?? failure.message ?? undefined,
          ...(failure.fix ? { fix: failure.fix } : {}),
          items: await this.ports.itemsWaiting(event.branch, event.job).catch(() => undefined),
          runId: event.runId,
          ...this.where(event.branch),
        },
        { quiet: grouped },
      );
      this.save();
    } else if ((event.status === 'ok' || event.status === 'partial') && failing && !event.storePaused) {
      // A run stopped by the store's pause says nothing about the job working again: its failure stays.
      delete this.state.jobs[key];
      this.save();
      await this.raise(
        {
          kind: 'job_recovered',
          job: event.job,
          since: new Date(failing.since),
          runId: event.runId,
          ...this.where(event.branch),
        },
        { quiet: failing.mailed === false },
      );
    }
    this.updateHealth();
  }

  /** Every minute: reminders, the database, budgets, pendência kinds, cancelled orders, summaries, mails. */
  async tick(): Promise<void> {
    await this.step('banco de dados', () => this.checkDatabase());
    await this.step('lembretes', () => this.remind());
    await this.step('limite da loja', () => this.checkBudgets());
    if (!this.state.database) {
      await this.step('pendências', () => this.checkKinds());
      await this.step('pedidos cancelados', () => this.checkCancelledOrders());
      await this.step('resumo diário', () => this.dailySummaries());
    }
    await this.outbox.flush();
    this.updateHealth();
  }

  /**
   * The schema check holds the engine (`hold`) or let it go (null), ADR 0034: one alert per episode — told
   * to every branch that syncs, by tray and mail —, and one when it runs again.
   */
  async engineHeld(hold: EngineHold | null): Promise<void> {
    const now = this.ports.now();
    const held = this.state.engineHeld ?? null;
    if (hold && held) {
      // The same episode (the minute's look again): the reason is kept up to date, nothing is told again.
      this.state.engineHeld = { ...held, ...hold };
      this.save();
    } else if (hold) {
      this.state.engineHeld = { since: now.toISOString(), ...hold };
      this.save();
      for (const branch of this.watchedBranches())
        await this.raise({ kind: 'engine_held', since: now, hold, ...this.where(branch.code) });
    } else if (held) {
      this.state.engineHeld = null;
      this.save();
      for (const branch of this.watchedBranches())
        await this.raise({
          kind: 'engine_released',
          since: new Date(held.since),
          ...this.where(branch.code),
        });
    }
    await this.outbox.flush();
    this.updateHealth();
  }

  /**
   * A person resumed (true) or paused again (false) the engine the schema check holds: the health says it
   * runs with the tables behind, not that it is stopped.
   */
  engineOverridden(resumedByHand: boolean): void {
    const held = this.state.engineHeld;
    if (!held || (held.resumedByHand ?? false) === resumedByHand) return;
    this.state.engineHeld = { ...held, resumedByHand };
    this.save();
    this.updateHealth();
  }

  health(): MonitorHealth {
    return healthOf(this.state, this.ports.settings(), this.outbox.undelivered);
  }

  /** Mails still waiting in the outbox (tests, the health). */
  pendingMails(): number {
    return this.outbox.pending();
  }

  private async step(label: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.ports.log('warn', `Alertas (${label}): ${(error as Error)?.message ?? String(error)}`, null);
    }
  }

  private async checkDatabase(): Promise<void> {
    const now = this.ports.now();
    let answer: 'ok' | 'unconfigured';
    try {
      answer = await this.ports.probeDatabase();
    } catch (error) {
      if (this.state.database) return;
      const message = (error as Error)?.message ?? String(error);
      this.state.database = { since: now.toISOString(), message };
      this.save();
      for (const branch of this.watchedBranches())
        await this.raise({ kind: 'database_unreachable', since: now, message, ...this.where(branch.code) });
      return;
    }
    if (answer === 'ok' && this.state.database) {
      const since = new Date(this.state.database.since);
      this.state.database = null;
      this.save();
      for (const branch of this.watchedBranches())
        await this.raise({ kind: 'database_recovered', since, ...this.where(branch.code) });
    }
  }

  private async remind(): Promise<void> {
    const now = this.ports.now();
    if (forgetJobsNotScheduled(this.state, this.ports.settings())) this.save();
    for (const [key, job] of Object.entries(this.state.jobs)) {
      if (new Date(job.nextReminderAt) > now) continue;
      const [branch, name] = key.split('|') as [string, ScheduleJob];
      // A job grouped under another one's mail reminds by mail only once that one is no longer failing.
      const quiet =
        this.state.database !== null ||
        (job.mailed === false &&
          Object.entries(this.state.jobs).some(
            ([other, o]) => other !== key && other.startsWith(`${branch}|`) && o.mailed !== false,
          ));
      const minutes = this.branch(branch)?.email.alerts.stillFailingMinutes ?? 30;
      job.reminders += 1;
      // Reminders at 1×, 3×, 7×… the period after the first failure: a long outage sends few mails.
      job.nextReminderAt = new Date(
        new Date(job.since).getTime() + (2 ** (job.reminders + 1) - 1) * minutes * 60_000,
      ).toISOString();
      this.save();
      const mailed = await this.raise(
        {
          kind: 'job_still_failing',
          job: name,
          since: new Date(job.since),
          ...(job.message ? { message: job.message } : {}),
          items: await this.ports.itemsWaiting(branch, name).catch(() => undefined),
          ...(job.runId ? { runId: job.runId } : {}),
          ...this.where(branch),
        },
        { quiet },
      );
      if (mailed) job.mailed = true;
      this.save();
    }
  }

  private async checkBudgets(): Promise<void> {
    for (const branch of this.ports.settings().branches.filter((b) => b.enabled)) {
      const budget = this.ports.budget(branch);
      if (!budget) continue;
      // A store that sends no x-apilimit-remaining has no reading: out only while a 429 blocks it, so the
      // episode closes once the block has passed (otherwise amber for good, and no later episode told).
      const out = budget.remaining === null ? budget.blockedUntil != null : budget.remaining <= 0;
      const news = budgetEpisode(this.state, branch.code, out, this.ports.now());
      this.save();
      if (news)
        await this.raise({
          kind: 'budget_exhausted',
          limit: budget.limit,
          ...(budget.blockedUntil ? { until: new Date(budget.blockedUntil) } : {}),
          ...this.where(branch.code),
        });
    }
  }

  private async checkKinds(): Promise<void> {
    const open = await this.ports.openPendingKinds();
    this.state.waitingForPerson = waitingForPerson(open);
    const news = newPendingKinds(this.state, open, this.ports.now());
    this.save();
    if (news === null) return; // first look: what is open now is the baseline, not news
    for (const row of open) {
      // A kind open a moment ago (or in the last 7 days) is not news when it comes back.
      if (!news.has(`${row.branch}|${row.entity}|${row.kind}`) || row.kind === ORDER_CANCELLED_KIND) continue;
      const [sample] = await this.ports.pendingsOfKind(row.kind, null, 1).catch(() => []);
      await this.raise({
        kind: 'new_pending_kind',
        pendingKind: row.kind,
        entity: row.entity,
        count: row.count,
        ...(sample?.branch === row.branch
          ? { message: sample.message, ...(sample.fix ? { fix: sample.fix } : {}) }
          : {}),
        ...this.where(row.branch),
      });
    }
  }

  private async checkCancelledOrders(): Promise<void> {
    const after = this.state.orderCancelledAfterId;
    const found = await this.ports.pendingsOfKind(ORDER_CANCELLED_KIND, after, after === null ? 1 : 50);
    if (after === null) {
      this.state.orderCancelledAfterId = found[0]?.id ?? 0;
      return this.save();
    }
    for (const pending of found) {
      this.state.orderCancelledAfterId = Math.max(this.state.orderCancelledAfterId ?? 0, pending.id);
      this.save();
      await this.raise({ ...orderCancelledFacts(pending), ...this.where(pending.branch) });
    }
  }

  private async dailySummaries(): Promise<void> {
    const now = this.ports.now();
    for (const branch of this.watchedBranches()) {
      const alerts = branch.email.alerts;
      if (!alerts.dailySummary || now.getHours() !== alerts.dailySummaryHour) continue;
      if (this.state.summaries[branch.code] === dayOf(now)) continue;
      this.state.summaries[branch.code] = dayOf(now);
      this.save();
      const facts = await this.ports.dailySummary(branch.code, new Date(now.getTime() - 24 * HOUR));
      const failingJobs = Object.keys(this.state.jobs)
        .filter((key) => key.startsWith(`${branch.code}|`))
        .map((key) => key.split('|')[1] as ScheduleJob);
      await this.raise({
        kind: 'daily_summary',
        summary: { ...facts, failingJobs },
        ...this.where(branch.code),
      });
    }
  }

  private raise(facts: Omit<AlertFacts, 'at'>, options: { quiet?: boolean } = {}): Promise<boolean> {
    return dispatchAlert(
      { ...facts, at: this.ports.now() },
      this.ports,
      this.outbox,
      this.state,
      () => this.save(),
      options,
    );
  }

  private branch(code: string): Branch | undefined {
    return this.ports.settings().branches.find((b) => b.code === code);
  }

  private where(code: string): { branch: { code: string; name: string } } {
    return { branch: { code, name: this.branch(code)?.name ?? '' } };
  }

  /** Branches that sync (their people want to hear about the database). */
  private watchedBranches(): Branch[] {
    return this.ports.settings().branches.filter((b) => b.enabled);
  }

  private updateHealth(): void {
    const health = this.health();
    const text = JSON.stringify(health);
    if (text === this.lastHealth) return;
    this.lastHealth = text;
    this.ports.healthChanged(health);
  }

  private loadState(): AlertState {
    try {
      return { ...emptyAlertState(), ...(this.ports.state.load() ?? {}) };
    } catch {
      return emptyAlertState();
    }
  }

  private save(): void {
    try {
      this.ports.state.save(this.state);
    } catch (error) {
      this.ports.log('warn', `Alertas: estado não gravado (${(error as Error).message}).`, null);
    }
  }
}
