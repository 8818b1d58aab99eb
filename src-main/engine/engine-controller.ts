import type { AppStatus } from '../contract';

export type EngineState = AppStatus['engine']['state'];

/** One unit of work the engine can run on its schedule or on demand ("Executar agora"). */
export interface EngineJob {
  name: string;
  run(): Promise<void>;
}

export interface EngineSnapshot {
  state: EngineState;
  summary: string;
  lastRunAt: string | null;
  runningJobs: string[];
}

const SUMMARIES: Record<EngineState, string> = {
  starting: 'Iniciando',
  running: 'Em execução',
  paused: 'Pausado',
  error: 'Com erro',
  stopped: 'Parado',
};

/**
 * The engine's life cycle as the tray, the dashboard and the API see it. Jobs register here; the
 * scheduler (node-schedule) and the jobs themselves arrive with the sync issues.
 */
export class EngineController {
  private state: EngineState = 'starting';
  private lastRunAt: string | null = null;
  private readonly running = new Set<string>();
  private readonly jobs = new Map<string, EngineJob>();
  private lastError: string | null = null;

  constructor(
    private readonly onChange: (snapshot: EngineSnapshot) => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {}

  register(job: EngineJob): void {
    this.jobs.set(job.name, job);
  }

  start(): void {
    this.setState('running');
  }

  pause(): void {
    if (this.state === 'running' || this.state === 'error') this.setState('paused');
  }

  resume(): void {
    if (this.state === 'paused') this.setState('running');
  }

  stop(): void {
    this.setState('stopped');
  }

  /** Runs every registered job once, one after the other; a failing job does not stop the others. */
  async runNow(): Promise<void> {
    this.lastError = null;
    for (const job of this.jobs.values()) {
      if (this.running.has(job.name)) continue;
      this.running.add(job.name);
      this.notify();
      try {
        await job.run();
      } catch (error) {
        this.lastError = `${job.name}: ${(error as Error).message}`;
      } finally {
        this.running.delete(job.name);
      }
    }
    this.lastRunAt = this.now().toISOString();
    if (this.lastError && this.state === 'running') this.setState('error');
    else if (!this.lastError && this.state === 'error') this.setState('running');
    else this.notify();
  }

  snapshot(): EngineSnapshot {
    const base = SUMMARIES[this.state];
    const jobs = this.jobs.size === 0 ? ' — nenhuma sincronização configurada' : '';
    return {
      state: this.state,
      summary: this.lastError ? `${base}: ${this.lastError}` : `${base}${jobs}`,
      lastRunAt: this.lastRunAt,
      runningJobs: [...this.running],
    };
  }

  private setState(state: EngineState): void {
    this.state = state;
    this.notify();
  }

  private notify(): void {
    this.onChange(this.snapshot());
  }
}
