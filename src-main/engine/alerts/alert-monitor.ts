import type { Branch, MonitorHealth, ScheduleJob, SyncRunEvent } from '../../contract';
import { smtpServerOf } from '../../mail/smtp-mailer';
import type { AlertContext } from './alert-context';
import { ORDER_CANCELLED_KIND, orderCancelledFacts, type AlertFacts, type EngineHold } from './alert-facts';
import { dispatchAlert } from './alert-dispatch';
import type { AlertPorts } from './alert-ports';
import { emptyAlertState, type AlertState } from './alert-state';
import { newPendingKinds } from './alert-state-rules';
import { checkBudgets } from './budget-episodes';
import { checkDatabase } from './database-episodes';
import { engineHoldChanged, engineHoldOverridden } from './engine-held-episodes';
import { healthOf } from './health';
import { jobRunFinished, remindFailingJobs } from './job-failure-episodes';
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
 * outbox that never blocks a sync. Each kind of episode is handled in its own module (budget, engine held,
 * database, failing jobs); the monitor orchestrates them and keeps the state, the outbox and the health.
 */
export class AlertMonitor {
  private readonly state: AlertState;
  private readonly outbox: MailOutbox;
  private lastHealth = '';
  /** When a finished run last had the pendências counted (ms): not more often than RUN_LOOK_EVERY_MS. */
  private lastRunLookAt = -Infinity;
  /** What the episode handlers see of the monitor. */
  private readonly context: AlertContext;

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
    this.context = {
      ports,
      state: this.state,
      save: () => this.save(),
      raise: (facts, options) => this.raise(facts, options),
      branch: (code) => this.branch(code),
      where: (code) => this.where(code),
      watchedBranches: () => this.watchedBranches(),
    };
  }

  /** A run ended (the "sync.run" finished event). Returns when its alert, if any, is posted. */
  async runFinished(event: SyncRunEvent): Promise<void> {
    if (event.phase !== 'finished') return;
    await jobRunFinished(this.context, event);
    this.updateHealth();
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

  /** Every minute: reminders, the database, budgets, pendência kinds, cancelled orders, summaries, mails. */
  async tick(): Promise<void> {
    await this.step('banco de dados', () => checkDatabase(this.context));
    await this.step('lembretes', () => remindFailingJobs(this.context));
    await this.step('limite da loja', () => checkBudgets(this.context));
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
    await engineHoldChanged(this.context, hold);
    await this.outbox.flush();
    this.updateHealth();
  }

  /**
   * A person resumed (true) or paused again (false) the engine the schema check holds: the health says it
   * runs with the tables behind, not that it is stopped.
   */
  engineOverridden(resumedByHand: boolean): void {
    if (engineHoldOverridden(this.context, resumedByHand)) this.updateHealth();
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
