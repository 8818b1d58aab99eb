import type { RunSummary, ScheduleJob, SyncOverview, SyncPreview, SyncRunResult } from '../contract';
import type { LogRecord, RunTrigger } from '../winthor';
import type { JobRunner } from './job-runner';
import { jobLabel } from './job-runner';
import type { EnginePorts } from './ports';
import { buildOverview, lastFinishedRun } from './overview';
import { previewOf, runsOf, scheduledCount, type RunsFilter } from './engine-queries';
import type { Scheduler } from './scheduling/scheduler';
import { engineRefusals } from './engine-refusals';
import { FirstSyncGate } from './first-sync-gate';
import { createRunner, createScheduler } from './engine-parts';
import { plainLogLine } from './plain-log-line';
import { JobFailures } from './job-failures';
import type { EngineOptions } from './engine-options';
import { EngineHolds } from './engine-holds';
import { HELD_UNTIL_PREVIEW } from './setup/first-sync-hold';
import { startManualRuns } from './manual-runs';
import {
  describeEngine,
  type EngineReadiness,
  type SchemaHoldReason,
  type EngineSnapshot,
  type EngineState,
} from './engine-snapshot';
import type { LeaseStanding } from './lease/lease-rules';

export type { EngineReadiness, EngineSnapshot, EngineState } from './engine-snapshot';
export type { EngineOptions } from './engine-options';

/**
 * The engine's life cycle as the tray, the Painel and the API see it, over the scheduler (node-schedule)
 * and the job runner. Pause stops new runs and stops running ones at their next item; a failed run puts
 * the engine in "error" until that job's next run succeeds.
 */
export class EngineController {
  private state: EngineState = 'starting';
  private lastRunAt: string | null = null;
  private readonly failures = new JobFailures();
  private readiness: EngineReadiness = { waitingFor: null, failing: [] };
  /** Branches whose scheduled catalogue jobs wait for their first sync (ADR 0406). */
  private readonly firstSyncGate: FirstSyncGate;
  /** The lease on the WinThor database and the schema check's hold (ADR 0310, 0034). */
  private readonly holds: EngineHolds;
  readonly runner: JobRunner | null;
  readonly scheduler: Scheduler | null;
  private readonly now: () => Date;
  /** Runs left "running" were marked interrupted by this engine (at start, or when it took the lease). */
  private interruptedMarked = false;
  private startedAt = false;

  constructor(private readonly options: EngineOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.holds = new EngineHolds(options);
    this.firstSyncGate = new FirstSyncGate({
      hold: options.firstSync,
      fire: (branch, job) => void this.fire(branch, job, 'schedule'),
      log: (level, message) => this.log(level, message),
      changed: () => this.notify(),
    });
    const ports = options.ports;
    this.runner = ports
      ? createRunner(ports, options.jobs ?? {}, {
          ...options,
          changed: () => this.notify(),
          finished: (run) => this.finished(run),
        })
      : null;
    this.scheduler = ports
      ? createScheduler(ports, {
          fire: (branch, job) => void this.fire(branch, job, 'schedule'),
          onError: (message) => this.log('error', message),
        })
      : null;
  }

  start(): void {
    this.startedAt = true;
    this.setState(this.activeState());
    const ports = this.options.ports;
    if (!ports || this.options.scheduler === false) return;
    void this.holds
      .settled()
      // Runs "running" in the database may be another engine's: marked only while this one holds the lease
      // (or has none). By the lease, not the state: a paused (schema-held) engine must not mark the holder's runs.
      .then(() => this.markInterruptedAtStart(ports))
      .catch((error: unknown) =>
        this.log('debug', `Execuções anteriores não verificadas: ${(error as Error).message}`),
      )
      // Planned unless paused or waiting for setup: a branch failing must not leave the healthy ones unplanned.
      .finally(() => (this.state === 'running' || this.state === 'error') && void this.scheduler?.sync());
    void this.recallLastRun(ports);
  }

  /** Not held at start (waiting, unknown): marked once this engine takes the lease (setLease). */
  private async markInterruptedAtStart(ports: EnginePorts): Promise<void> {
    if (this.interruptedMarked || !this.holds.mayMarkInterrupted()) return;
    this.interruptedMarked = true;
    await ports.runs.markInterrupted(this.now());
  }

  /** After a restart, "Última execução" is the newest run the database recorded (overview.ts). */
  private async recallLastRun(ports: EnginePorts): Promise<void> {
    try {
      const finished = await lastFinishedRun(ports);
      if (finished && (!this.lastRunAt || this.lastRunAt < finished.toISOString())) {
        this.lastRunAt = finished.toISOString();
        this.notify();
      }
    } catch (error) {
      this.log('debug', `Última execução não lida: ${(error as Error).message}`);
    }
  }

  /** The settings changed (schedules, branches, stores): re-plan only what changed. */
  settingsChanged(): void {
    this.forgetFailuresOfRemovedWork();
    if (this.options.scheduler === false) return;
    if (this.state === 'running' || this.state === 'error') void this.scheduler?.sync();
  }

  /**
   * The schema check holds the engine (the reason) or let it go (null), ADR 0034: the engine says why it is
   * paused — or, resumed by hand meanwhile, that the tables are still behind.
   */
  setSchemaHold(reason: SchemaHoldReason | null): void {
    if (this.holds.setSchemaHold(reason, this.state)) this.notify();
  }

  pause(): void {
    if (!this.isActive()) return;
    this.setState('paused');
    this.holds.overridden(false);
    this.scheduler?.pause();
    void this.runner?.abortAll();
  }

  resume(): void {
    if (this.state !== 'paused') return;
    // Resumed while the schema check still holds it: a person chose to run with the tables behind.
    this.holds.overridden(true);
    this.setState(this.activeState());
    if (this.options.scheduler !== false) void this.scheduler?.resume();
  }

  /**
   * The first-run guide's measure changed: while a blocking step is open the engine waits ("Aguardando
   * configuração", nothing fires); what fails now (database, a store) shows as an error (ADR 0402).
   */
  setReadiness(readiness: EngineReadiness): void {
    const before = JSON.stringify(this.readiness);
    this.readiness = readiness;
    if (before === JSON.stringify(readiness)) return;
    this.follow();
  }

  /**
   * The lease's standing changed (ADR 0310): while another engine holds the WinThor database this one waits
   * ("Em espera"), its running jobs stopped at their next item; once it holds it, it plans its schedules and
   * marks the runs the other engine left "running" as interrupted.
   */
  setLease(lease: LeaseStanding): void {
    const before = this.holds.standing();
    if (!this.holds.setLease(lease)) return;
    const wasStandby = this.state === 'standby';
    this.follow();
    if (this.state === 'standby' && !wasStandby) void this.runner?.abortAll();
    // Decided from the row: the claim took it from another instance (`replaced`: expired, forced, a dead twin —
    // also after a schema suspension), or it was `waiting`: the runs that engine left "running" are marked.
    // Back from `stale` or `unknown` they are this engine's own, maybe still finishing: not marked. Not held at
    // start: marked the first time it is. Never this engine's own runs still under way (excluded by id).
    const fromOther =
      (lease.kind === 'held' && lease.replaced !== undefined) ||
      before.kind === 'waiting' ||
      (this.startedAt && !this.interruptedMarked);
    if (lease.kind === 'held' && fromOther && this.isActive() && this.options.scheduler !== false) {
      this.interruptedMarked = true;
      const own = this.runner?.activeRuns().map((run) => run.runId) ?? [];
      void this.options.ports?.runs.markInterrupted(this.now(), own).catch(() => {});
    }
  }

  /** An active engine takes the state its readiness and lease say; a paused or stopped one only shows them. */
  private follow(): void {
    if (!this.isActive()) return this.notify();
    const next = this.activeState();
    const wasWaiting = this.state === 'setup' || this.state === 'standby';
    this.setState(next);
    const waitingNow = next === 'setup' || next === 'standby';
    if (wasWaiting && !waitingNow && this.options.scheduler !== false) void this.scheduler?.sync();
  }

  private isActive(): boolean {
    return (
      this.state === 'running' || this.state === 'error' || this.state === 'setup' || this.state === 'standby'
    );
  }

  private activeState(): EngineState {
    if (this.holds.keepsAway()) return 'standby';
    return this.readiness.waitingFor ? 'setup' : this.hasFailures() ? 'error' : 'running';
  }

  async stop(): Promise<void> {
    this.setState('stopped');
    this.scheduler?.stop();
    await this.runner?.abortAll();
  }

  /** "Executar agora" (tray, Painel, API): every job with an enabled schedule of every enabled branch. */
  runNow(): Promise<SyncRunResult> {
    return this.run({}, 'manual');
  }

  /** Starts the asked runs and answers at once with their ids (progress arrives as "sync.run" events). */
  async run(input: { branch?: string; job?: ScheduleJob }, trigger: RunTrigger): Promise<SyncRunResult> {
    const ports = this.options.ports;
    if (!ports || !this.runner) return { started: [], alreadyRunning: [], refused: [] };
    if (this.holds.hasLease()) await this.holds.settled();
    const refusal = this.refusal();
    if (refusal) throw refusal;
    const result = await startManualRuns({
      settings: ports.settings(),
      runner: this.runner,
      input,
      trigger,
      refusal: () => this.refusal(),
      // A person started the catalogue: its first sync is no longer held (ADR 0406).
      started: (branch, job) => this.firstSyncGate.startedByHand(branch, job),
    });
    void this.releaseHeld();
    return result;
  }

  /** Something may have released a held branch: what its schedules skipped starts at once (ADR 0406). */
  releaseHeld(): Promise<void> {
    return this.firstSyncGate.recheck();
  }

  /** The Painel's picture of every branch and job. */
  async overview(): Promise<SyncOverview> {
    if (!this.options.ports || !this.runner || !this.scheduler) return { branches: [], schedules: [] };
    return buildOverview(this.options.ports, this.runner, this.scheduler);
  }

  /** What the first sync of a branch would send, computed without any call to the store. */
  async preview(branchCode: string): Promise<SyncPreview> {
    return previewOf(this.options.ports, branchCode);
  }

  async runs(filter: RunsFilter): Promise<RunSummary[]> {
    return runsOf(this.options.ports, filter);
  }

  snapshot(): EngineSnapshot {
    const runner = this.runner;
    const scheduled = runner
      ? scheduledCount(this.options.ports?.settings(), (job) => runner.isAvailable(job))
      : 0;
    return describeEngine({
      state: this.state,
      readiness: this.readiness,
      lease: this.holds.standing(),
      failures: this.failures.messages(),
      failureRefs: this.failures.messageRefs(),
      held: this.firstSyncGate.heldBranches(),
      schemaHold: this.holds.schemaHold(),
      scheduled,
      lastRunAt: this.lastRunAt,
      running: this.runner?.activeRuns() ?? [],
    });
  }

  private async fire(branch: string, job: ScheduleJob, trigger: RunTrigger): Promise<void> {
    if (this.holds.hasLease()) await this.holds.settled();
    if (!this.mayFire()) return;
    // A schedule of a job this version does not run yet waits quietly (the screens say so).
    if (!this.runner?.isAvailable(job)) return;
    if (await this.firstSyncGate.mustWait(branch, job)) return;
    // Checked again right before the start: the lease may have been lost while the hold was read.
    if (!this.mayFire()) return;
    try {
      await this.runner?.start(branch, job, trigger);
    } catch (error) {
      const message = `${jobLabel(job)} (filial ${branch}): ${(error as Error).message}`;
      this.failures.set(branch, job, (error as Error).message);
      this.log('error', message);
      if (this.state === 'running') this.setState('error');
    }
  }

  /** A schedule fires only in an engine that runs and whose lease does not keep it away. */
  private mayFire(): boolean {
    return (this.state === 'running' || this.state === 'error') && !this.holds.keepsAway();
  }

  /** Why a manual run is refused now (standby, setup, paused), or null. */
  private refusal(): Error | null {
    if (this.state === 'setup' && this.readiness.waitingFor)
      return engineRefusals.awaitingSetup(this.readiness.waitingFor.label);
    if (this.state === 'paused' || this.state === 'stopped') return engineRefusals.paused();
    return this.holds.refusal();
  }

  private finished(run: { branch: string; job: ScheduleJob; status: string; message: string | null }): void {
    this.lastRunAt = this.now().toISOString();
    if (run.status === 'failed') this.failures.set(run.branch, run.job, run.message ?? 'falhou');
    else if (run.status !== 'cancelled') this.failures.drop(run.branch, run.job);
    if (HELD_UNTIL_PREVIEW.has(run.job) && this.firstSyncGate.isHeldHere(run.branch)) void this.releaseHeld();
    if (this.state === 'running' && this.hasFailures()) this.setState('error');
    else if (this.state === 'error' && !this.hasFailures()) this.setState('running');
    else this.notify();
  }

  /** A failure of a branch now disabled or removed, or of a job no longer scheduled, no longer counts. */
  private forgetFailuresOfRemovedWork(): void {
    const settings = this.options.ports?.settings();
    if (!settings) return;
    this.firstSyncGate.forget((code) => settings.branches.some((b) => b.code === code && b.enabled));
    this.failures.forgetRemovedWork(settings);
    if (this.state === 'error' && !this.hasFailures()) this.setState('running');
  }

  private hasFailures(): boolean {
    return this.failures.size() > 0 || this.readiness.failing.length > 0;
  }

  private log(level: LogRecord['level'], message: string): void {
    this.options.onLog?.(plainLogLine(this.now(), level, message));
  }

  private setState(state: EngineState): void {
    const before = this.state;
    this.state = state;
    this.holds.follow(state);
    // A service nobody watches: each change of state is a line of the host's log (headless.log).
    if (before !== state) {
      const snapshot = this.snapshot();
      this.log(state === 'error' ? 'warn' : 'info', `Motor: ${snapshot.summary}`);
    }
    this.notify();
  }

  private notify(): void {
    this.options.onChange?.(this.snapshot());
  }
}
