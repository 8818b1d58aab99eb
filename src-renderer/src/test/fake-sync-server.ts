import {
  Branch,
  SCHEDULE_JOBS,
  SyncRunEvent,
  defaultSettings,
  type JobState,
  type Schedule,
  type ScheduleJob,
  type Settings,
  type SyncOverview,
  type SyncRunResult,
} from '@contract';
import { fakeAnswer, fakeError } from './fake-answer';
import { ApiCallError } from '../api/transport';

const UNAVAILABLE: ScheduleJob[] = ['orders', 'orderStatus', 'customers'];
export const NOW = new Date();
const at = (minutesFromNow: number) => new Date(NOW.getTime() + minutesFromNow * 60_000).toISOString();

const counts = (values: Partial<Record<string, number>> = {}) => ({
  read: 0,
  changed: 0,
  sent: 0,
  unchanged: 0,
  deferred: 0,
  failed: 0,
  hidden: 0,
  starved: 0,
  storeCalls: 0,
  ...values,
});

/**
 * A small in-memory integrator for the renderer's tests: settings with two branches (the first with the
 * default schedules), the overview the engine would answer, `schedules.save`, `sync.run` and
 * `sync.preview`. Every answer goes through `fakeAnswer`, so it is parsed by the contract.
 */
export class FakeSyncServer {
  settings: Settings = {
    ...defaultSettings(),
    branches: [
      Branch.parse({ code: '1', name: 'MATRIZ PORTO ALEGRE' }),
      Branch.parse({ code: '2', name: 'FILIAL SAO PAULO', schedules: [] }),
    ],
  };
  calls: Array<[string, unknown]> = [];
  enginePaused = false;
  /** app.status engine fields that replace the running/paused defaults (standby, say). */
  engine: Record<string, unknown> | null = null;
  /** Per branch|job, a change to the overview's job state (a run going on, a last run…). */
  jobs = new Map<string, Partial<JobState>>();
  nextRunId = 41;
  /** app.status demoStoreUrl (the demo store's page), null outside the demo. */
  demoStoreUrl: string | null = null;
  runAnswer: ((input: { branch: string; job: ScheduleJob }) => SyncRunResult) | undefined;
  listeners: Array<(event: SyncRunEvent) => void> = [];

  constructor() {
    this.jobs.set('1|stock', {
      lastRun: {
        id: 40,
        branch: '1',
        job: 'stock',
        trigger: 'schedule',
        status: 'partial',
        startedAt: at(-10),
        finishedAt: at(-10),
        counts: counts({ read: 12, sent: 10, deferred: 1, failed: 1, storeCalls: 10 }),
        message: '1 item(ns) com pendência.',
      },
      backlog: 3,
      openPendings: 1,
    });
  }

  branchSchedules(code: string): Schedule[] {
    return this.settings.branches.find((branch) => branch.code === code)?.schedules ?? [];
  }

  overview(): SyncOverview {
    return fakeAnswer('sync.overview', {
      branches: this.settings.branches.map((branch) => ({
        branch: branch.code,
        name: branch.name,
        enabled: branch.enabled,
        problem: null,
        budget: { remaining: 940, limit: 1000, drainMinutes: 1 },
        jobs: SCHEDULE_JOBS.map((job) => ({
          job,
          available: !UNAVAILABLE.includes(job),
          scheduled: branch.schedules.some((s) => s.enabled && s.job === job),
          running: false,
          runId: null,
          progress: null,
          lastRun: null,
          nextRunAt: branch.schedules.some((s) => s.enabled && s.job === job) ? at(15) : null,
          backlog: ['categories', 'products', 'prices', 'stock'].includes(job) ? 0 : null,
          openPendings: 0,
          ...this.jobs.get(`${branch.code}|${job}`),
        })),
      })),
      schedules: this.settings.branches.flatMap((branch) =>
        branch.schedules.map((schedule) => ({
          branch: branch.code,
          scheduleId: schedule.id,
          nextRunAt: schedule.enabled ? at(15) : null,
        })),
      ),
    });
  }

  /** Sends a `sync.run` event (parsed by the contract) to the subscribed screens. */
  emit(event: Omit<SyncRunEvent, 'counts' | 'message' | 'progress'> & Partial<SyncRunEvent>): void {
    const full = SyncRunEvent.parse({ counts: counts(), message: null, progress: null, ...event });
    for (const listener of this.listeners) listener(full);
  }

  /** The transport's `call`, answering like the integrator. */
  call = async (method: string, input: Record<string, unknown>): Promise<unknown> => {
    this.calls.push([method, input]);
    switch (method) {
      case 'settings.get':
        return fakeAnswer('settings.get', this.settings);
      case 'app.status':
        return fakeAnswer('app.status', {
          name: 'Integrador',
          version: '0.1.0',
          startedAt: at(-60),
          uptimeSeconds: 3600,
          host: 'headless',
          demo: true,
          demoStoreUrl: this.demoStoreUrl,
          engine: {
            state: this.enginePaused ? 'paused' : 'running',
            summary: this.enginePaused ? 'Pausado' : 'Em execução',
            lastRunAt: at(-10),
            runningJobs: [],
            ...this.engine,
          },
        });
      case 'sync.overview':
        return this.overview();
      case 'schedules.save': {
        const { branch, schedules } = input as { branch: string; schedules: Schedule[] };
        this.settings = {
          ...this.settings,
          branches: this.settings.branches.map((b) => (b.code === branch ? { ...b, schedules } : b)),
        };
        return fakeAnswer('schedules.save', { schedules });
      }
      case 'sync.run': {
        const request = input as { branch: string; job: ScheduleJob };
        if (this.enginePaused)
          throw new ApiCallError(
            fakeError({
              code: 'engine_paused',
              message: 'O integrador está pausado: nenhuma sincronização começa agora.',
              fix: 'Clique em "Retomar" e execute de novo.',
            }),
          );
        return fakeAnswer(
          'sync.run',
          this.runAnswer?.(request) ?? {
            started: [{ ...request, runId: this.nextRunId++ }],
            alreadyRunning: [],
            refused: [],
          },
        );
      }
      case 'sync.preview':
        return fakeAnswer('sync.preview', {
          branch: input.branch as string,
          actions: [
            { entity: 'categories', action: 'create', count: 49 },
            { entity: 'products', action: 'create', count: 531 },
            { entity: 'products', action: 'deferred', count: 2 },
            { entity: 'all', action: 'unchanged', count: 1063 },
          ],
          samples: [
            {
              entity: 'categories',
              action: 'create',
              payload: { name: 'BEBIDAS', erpId: '2', visible: true },
            },
          ],
          storeCalls: 580,
          hourlyLimit: 1000,
          estimatedMinutes: 35,
          generatedAt: NOW.toISOString(),
        });
      default:
        throw new Error(`unexpected ${method}`);
    }
  };

  /** The transport's `subscribe`: the test emits events with `emit`. */
  subscribe = (_event: string, callback: (payload: SyncRunEvent) => void): (() => void) => {
    this.listeners.push(callback);
    return () => {
      this.listeners = this.listeners.filter((listener) => listener !== callback);
    };
  };
}

export { counts as runCounts };
