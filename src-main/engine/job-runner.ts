import type { Branch, RunTicket, ScheduleJob, SyncRunEvent } from '../contract';
import { unknownBranchError } from '../shared/unknown-branch';
import { AppError } from '../shared/app-error';
import type { LogLevel, LogRecord, RunStatus, RunTrigger } from '../winthor';
import { mayCall } from './budget-governor';
import { assertNoSharedTarget } from './shared-store-conflicts';
import { countingStore } from './counting-store';
import { partialMessage, storePause, summaryLine } from './run-report';

export { jobLabel } from './run-report';
import type { Job, JobContext } from './job-context';
import type { EnginePorts, StoreGateway } from './ports';
import { emptyCounts, type RunCounts } from './run-counts';

/** A run in progress, as the Painel sees it. */
export interface ActiveRun {
  runId: number;
  branch: string;
  job: ScheduleJob;
  progress: { done: number; total: number | null } | null;
  counts: RunCounts;
  controller: AbortController;
  finished: Promise<RunStatus>;
}

export interface JobRunnerOptions {
  emit(event: SyncRunEvent): void;
  /** A line for the local log file and the live "log.line" stream. */
  onLog?(line: LogRecord): void;
  /** Called when a run ends with its final status. */
  onFinished?(run: { branch: string; job: ScheduleJob; status: RunStatus; message: string | null }): void;
}

const keyOf = (branch: string, job: ScheduleJob): string => `${branch}|${job}`;

/**
 * Jobs that write the catalogue a store shares between its branches (categories, products): two of them
 * on one store run one after the other, or both branches would create the same department at once.
 */
const SHARED_CATALOGUE_JOBS: ReadonlySet<ScheduleJob> = new Set(['categories', 'products', 'reconcile']);

/** Progress events at most this often per run (the Painel polls too). */
const PROGRESS_EVERY_MS = 500;

/**
 * Runs jobs: one run at a time per branch and job (a second "Executar agora" gets the running one's id),
 * each recorded in WTC_RUN with its counts, its lines logged, its end reported. `start` resolves as soon
 * as the run is recorded; the work goes on in the background.
 */
export class JobRunner {
  private readonly active = new Map<string, ActiveRun>();
  private readonly starting = new Map<string, Promise<{ ticket: RunTicket; started: boolean }>>();
  /** The tail of each store's queue of shared-catalogue runs. */
  private readonly storeQueues = new Map<string, Promise<void>>();

  constructor(
    private readonly ports: EnginePorts,
    private readonly jobs: Partial<Record<ScheduleJob, Job>>,
    private readonly options: JobRunnerOptions,
  ) {}

  isAvailable(job: ScheduleJob): boolean {
    return this.jobs[job] !== undefined;
  }

  activeRuns(): ActiveRun[] {
    return [...this.active.values()];
  }

  activeRun(branch: string, job: ScheduleJob): ActiveRun | undefined {
    return this.active.get(keyOf(branch, job));
  }

  /** Starts a run, or returns the one already running for this branch and job. */
  start(
    branchCode: string,
    job: ScheduleJob,
    trigger: RunTrigger,
  ): Promise<{ ticket: RunTicket; started: boolean }> {
    const key = keyOf(branchCode, job);
    const running = this.active.get(key);
    if (running)
      return Promise.resolve({ ticket: { branch: branchCode, job, runId: running.runId }, started: false });
    const pending = this.starting.get(key);
    if (pending) return pending.then(({ ticket }) => ({ ticket, started: false }));
    const launch = this.launch(branchCode, job, trigger).finally(() => this.starting.delete(key));
    this.starting.set(key, launch);
    return launch;
  }

  /** Counts "abort everything" calls: a run still being recorded when one comes is cancelled at once. */
  private aborts = 0;

  /** Stops every run at its next item ("Pausar", app closing); resolves when they have ended. */
  async abortAll(): Promise<void> {
    this.aborts += 1;
    await Promise.allSettled([...this.starting.values()]);
    const runs = [...this.active.values()];
    for (const run of runs) run.controller.abort();
    await Promise.allSettled(runs.map((run) => run.finished));
  }

  private async launch(
    branchCode: string,
    job: ScheduleJob,
    trigger: RunTrigger,
  ): Promise<{ ticket: RunTicket; started: boolean }> {
    const work = this.jobs[job];
    if (!work) {
      throw new AppError(
        'job_unavailable',
        `A tarefa "${job}" ainda não está disponível nesta versão do integrador.`,
        {
          field: 'job',
          fix: 'Escolha categorias, produtos, preços, estoque ou reconciliação.',
        },
      );
    }
    const abortsBefore = this.aborts;
    const branch = this.branchOf(branchCode);
    assertNoSharedTarget(this.ports.settings(), branch, job);
    const store = this.ports.store(branch);
    const startedAt = this.ports.clock.now();
    const runId = await this.ports.runs.start({
      job,
      branch: branch.code,
      trigger,
      startedAt: new Date(startedAt),
    });
    const controller = new AbortController();
    const counts = emptyCounts();
    let resolveFinished!: (status: RunStatus) => void;
    const run: ActiveRun = {
      runId,
      branch: branch.code,
      job,
      progress: null,
      counts,
      controller,
      finished: new Promise<RunStatus>((resolve) => (resolveFinished = resolve)),
    };
    this.active.set(keyOf(branch.code, job), run);
    // "Pausar" (or the app closing) came while the run was being recorded: it ends at once, cancelled.
    if (this.aborts !== abortsBefore) controller.abort();
    this.emit(run, 'started', 'running', null);
    void this.execute(run, branch, store, work).then(resolveFinished);
    return { ticket: { branch: branch.code, job, runId }, started: true };
  }

  private async execute(run: ActiveRun, branch: Branch, store: StoreGateway, work: Job): Promise<RunStatus> {
    const lines: LogRecord[] = [];
    let lastProgress = 0;
    const counted = countingStore(store, run.counts);
    const log = (level: LogLevel, message: string, details?: Record<string, unknown>) => {
      const line: LogRecord = {
        at: new Date(this.ports.clock.now()),
        level,
        branch: branch.code,
        entity: run.job,
        runId: run.runId,
        message,
        details: details ? JSON.stringify(details) : null,
      };
      lines.push(line);
      this.options.onLog?.(line);
    };
    let status: RunStatus = 'ok';
    let message: string | null = null;
    // Stopped by the store's "stop" (429, ADR 0033): the run says nothing about whether the job works again.
    let storePaused = false;
    try {
      await this.inStoreQueue(store.storeKey, run, () =>
        this.ports.withBranchData(branch, counted, async (data) => {
          const context: JobContext = {
            job: run.job,
            branch,
            runId: run.runId,
            data,
            store: counted,
            signal: run.controller.signal,
            counts: run.counts,
            mayCall: () => mayCall(run.job, store.budget()),
            now: () => new Date(this.ports.clock.now()),
            log,
            progress: (done, total) => {
              run.progress = { done, total };
              const now = this.ports.clock.now();
              if (now - lastProgress >= PROGRESS_EVERY_MS) {
                lastProgress = now;
                this.emit(run, 'progress', 'running', null);
              }
            },
          };
          await work(context);
        }),
      );
      if (run.controller.signal.aborted) {
        status = 'cancelled';
        message = 'Interrompida por "Pausar"; o que faltou fica para a próxima execução.';
      } else if (run.counts.failed > 0 || run.counts.starved > 0) {
        status = 'partial';
        message = partialMessage(run.counts);
        storePaused = run.counts.starved > 0 && store.budget().blockedUntil != null;
      }
    } catch (error) {
      const pause = run.controller.signal.aborted ? null : storePause(error, store.budget());
      if (pause) {
        storePaused = true;
        // The store's budget is out (429 + Retry-After): what is left waits, as when the budget runs low —
        // not a failure (no "falhou" alert, the health is not red), ADR 0033.
        run.counts.starved += 1;
        status = 'partial';
        message = pause;
        log('warn', message);
      } else {
        status = run.controller.signal.aborted ? 'cancelled' : 'failed';
        message =
          error instanceof AppError
            ? error.message
            : `Erro inesperado: ${(error as Error)?.message ?? error}`;
        log('error', message, error instanceof AppError && error.fix ? { fix: error.fix } : undefined);
      }
    }
    log(status === 'ok' ? 'info' : status === 'failed' ? 'error' : 'warn', summaryLine(run, status));
    const finishedAt = new Date(this.ports.clock.now());
    try {
      await this.ports.runs.finish(run.runId, { status, finishedAt, counts: { ...run.counts }, message });
      await this.ports.logs.write(lines);
    } catch (error) {
      this.options.onLog?.({
        at: finishedAt,
        level: 'error',
        branch: branch.code,
        entity: run.job,
        runId: run.runId,
        message: `Não foi possível gravar o fim da execução ${run.runId} no banco: ${(error as Error).message}`,
        details: null,
      });
    }
    this.active.delete(keyOf(branch.code, run.job));
    this.emit(run, 'finished', status, message, storePaused);
    this.options.onFinished?.({ branch: branch.code, job: run.job, status, message });
    return status;
  }

  /** Runs `work` after the store's earlier shared-catalogue runs (other jobs run at once). */
  private async inStoreQueue(storeKey: string, run: ActiveRun, work: () => Promise<void>): Promise<void> {
    if (!SHARED_CATALOGUE_JOBS.has(run.job)) return work();
    const before = this.storeQueues.get(storeKey) ?? Promise.resolve();
    let release!: () => void;
    const mine = before.then(() => new Promise<void>((resolve) => (release = resolve)));
    this.storeQueues.set(storeKey, mine);
    await before;
    try {
      if (!run.controller.signal.aborted) await work();
    } finally {
      release();
      if (this.storeQueues.get(storeKey) === mine) this.storeQueues.delete(storeKey);
    }
  }

  private branchOf(code: string): Branch {
    const branch = this.ports.settings().branches.find((candidate) => candidate.code === code);
    if (!branch) {
      throw unknownBranchError(
        code,
        'Cadastre a filial em Configuração ou use o código de uma filial existente.',
      );
    }
    if (!branch.enabled) {
      throw new AppError('branch_disabled', `Filial ${code} está desativada.`, {
        field: 'branch',
        fix: 'Ative a filial em Configuração para sincronizá-la.',
      });
    }
    return branch;
  }

  private emit(
    run: ActiveRun,
    phase: SyncRunEvent['phase'],
    status: RunStatus,
    message: string | null,
    storePaused = false,
  ): void {
    this.options.emit({
      phase,
      runId: run.runId,
      branch: run.branch,
      job: run.job,
      status,
      counts: { ...run.counts },
      progress: run.progress,
      message,
      ...(storePaused ? { storePaused } : {}),
    });
  }
}
