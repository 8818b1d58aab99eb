import type { Branch, MonitorHealth, ScheduleJob, SyncRunEvent } from '../../contract';
import { ORDER_CANCELLED_KIND, type AlertFacts } from './alert-facts';
import { dispatchAlert } from './alert-dispatch';
import type { AlertPorts } from './alert-ports';
import { emptyAlertState, type AlertState } from './alert-state';
import { healthOf } from './health';
import { MailOutbox } from './mail-outbox';

const HOUR = 3_600_000;
/** A budget back for this long ends its "used up" episode; the next one is news again. */
const BUDGET_EPISODE_GAP_MS = 2 * HOUR;
/** How long a kind of pendência seen open is remembered: back within it, it is not a new kind. */
const KIND_MEMORY_MS = 7 * 24 * HOUR;
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

  constructor(private readonly ports: AlertPorts) {
    this.state = this.loadState();
    this.outbox = new MailOutbox({
      send: (server, mail) => ports.send(server, mail),
      now: () => ports.now().getTime(),
      log: (level, message, branch) => ports.log(level, message, branch),
      serverOf: (code) => {
        const email = ports.settings().branches.find((b) => b.code === code)?.email;
        return email?.enabled && email.host
          ? {
              host: email.host,
              port: email.port,
              protocol: email.protocol,
              user: email.user,
              password: email.password,
            }
          : null;
      },
    });
  }

  /** A run ended (the "sync.run" finished event). Returns when its alert, if any, is posted. */
  async runFinished(event: SyncRunEvent): Promise<void> {
    if (event.phase !== 'finished') return;
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
        this.state.database !== null || this.sameOutage(event.branch, event.message ?? null, now) !== null;
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
    } else if ((event.status === 'ok' || event.status === 'partial') && failing) {
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
    this.forgetJobsNotScheduled();
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

  /** The failing job of the branch whose failure began with these words in the last 15 minutes, if any. */
  private sameOutage(branch: string, message: string | null, now: Date): string | null {
    for (const [key, job] of Object.entries(this.state.jobs)) {
      if (!key.startsWith(`${branch}|`) || job.mailed === false) continue;
      if (job.message === message && now.getTime() - new Date(job.since).getTime() <= 15 * 60_000) return key;
    }
    return null;
  }

  /**
   * A failing job whose branch was removed or turned off, or whose schedules were all turned off, will not
   * run again by itself to recover: it is forgotten (no more reminders, health no longer red for it).
   */
  private forgetJobsNotScheduled(): void {
    const settings = this.ports.settings();
    let changed = false;
    for (const key of Object.keys(this.state.jobs)) {
      const [code, job] = key.split('|');
      const branch = settings.branches.find((b) => b.code === code);
      const schedules = branch?.schedules.filter((s) => s.job === job) ?? [];
      const turnedOff = schedules.length > 0 && schedules.every((s) => !s.enabled);
      if (branch?.enabled && !turnedOff) continue;
      delete this.state.jobs[key];
      changed = true;
    }
    if (changed) this.save();
  }

  private async checkBudgets(): Promise<void> {
    const now = this.ports.now();
    const backSince = (this.state.budgetBackSince ??= {});
    for (const branch of this.ports.settings().branches.filter((b) => b.enabled)) {
      const budget = this.ports.budget(branch);
      if (!budget || budget.remaining === null) continue;
      const out = budget.remaining <= 0;
      if (out) {
        if (backSince[branch.code]) delete backSince[branch.code];
        if (this.state.budgetOut[branch.code]) continue;
        this.state.budgetOut[branch.code] = true;
        this.save();
        await this.raise({ kind: 'budget_exhausted', limit: budget.limit, ...this.where(branch.code) });
      } else if (this.state.budgetOut[branch.code]) {
        const since = backSince[branch.code];
        if (!since) backSince[branch.code] = now.toISOString();
        else if (now.getTime() - new Date(since).getTime() >= BUDGET_EPISODE_GAP_MS) {
          delete this.state.budgetOut[branch.code];
          delete backSince[branch.code];
        }
        this.save();
      }
    }
  }

  private async checkKinds(): Promise<void> {
    const open = await this.ports.openPendingKinds();
    const now: Record<string, number> = {};
    for (const row of open) now[`${row.branch}|${row.entity}|${row.kind}`] = row.count;
    const before = this.state.kinds;
    const lastSeen = (this.state.kindsLastSeen ??= {});
    const at = this.ports.now();
    const recently = (key: string) =>
      lastSeen[key] !== undefined && at.getTime() - new Date(lastSeen[key]).getTime() <= KIND_MEMORY_MS;
    const wasNews = new Set(Object.keys(now).filter((key) => before?.[key] === undefined && !recently(key)));
    for (const key of Object.keys(now)) lastSeen[key] = at.toISOString();
    for (const [key, seen] of Object.entries(lastSeen))
      if (at.getTime() - new Date(seen).getTime() > KIND_MEMORY_MS) delete lastSeen[key];
    this.state.kinds = now;
    this.save();
    if (before === null) return; // first look: what is open now is the baseline, not news
    for (const row of open) {
      // A kind open a moment ago (or in the last 7 days) is not news when it comes back.
      if (!wasNews.has(`${row.branch}|${row.entity}|${row.kind}`) || row.kind === ORDER_CANCELLED_KIND)
        continue;
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
      const numped = pending.params.numped;
      await this.raise({
        kind: 'order_cancelled_after_import',
        pendingKind: pending.kind,
        storeOrderId: String(pending.params.storeOrderId ?? pending.erpKey),
        numped: numped === undefined || numped === null ? null : String(numped),
        message: pending.message,
        ...(pending.fix ? { fix: pending.fix } : {}),
        ...this.where(pending.branch),
      });
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
