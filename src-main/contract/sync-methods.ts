import { z } from 'zod';
import { defineMethod, NoInput } from './define';
import { Schedule, SCHEDULE_JOBS } from './settings-schema';

export const RUN_STATUSES = ['running', 'ok', 'partial', 'failed', 'cancelled', 'interrupted'] as const;
export const RUN_TRIGGERS = ['schedule', 'manual', 'cli', 'catch-up'] as const;

export const RunCounts = z.object({
  read: z.number(),
  changed: z.number(),
  sent: z.number(),
  unchanged: z.number(),
  deferred: z.number(),
  failed: z.number(),
  hidden: z.number(),
  starved: z.number(),
  storeCalls: z.number(),
});
export type RunCountsDto = z.infer<typeof RunCounts>;

export const RunSummary = z.object({
  id: z.number(),
  branch: z.string(),
  job: z.enum(SCHEDULE_JOBS),
  trigger: z.enum(RUN_TRIGGERS),
  status: z.enum(RUN_STATUSES),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
  message: z.string().nullable(),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const RunProgress = z.object({ done: z.number(), total: z.number().nullable() });

export const JobState = z.object({
  job: z.enum(SCHEDULE_JOBS),
  /** False for a job this version does not run (every schedule job runs since issue #10). */
  available: z.boolean(),
  /** At least one enabled schedule of the branch runs this job. */
  scheduled: z.boolean(),
  running: z.boolean(),
  runId: z.number().nullable(),
  progress: RunProgress.nullable(),
  lastRun: RunSummary.nullable(),
  nextRunAt: z.string().nullable(),
  /** Changes waiting in WinThor's queue for this job (null when the job has no queue). */
  backlog: z.number().nullable(),
  openPendings: z.number(),
});
export type JobState = z.infer<typeof JobState>;

export const BranchSyncState = z.object({
  branch: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  /** pt-BR, when this branch cannot sync (store not configured, database unreachable…). */
  problem: z.string().nullable(),
  budget: z.object({
    remaining: z.number().nullable(),
    limit: z.number().nullable(),
    /** Minutes to send the queue backlog at the store's hourly limit (null when unknown). */
    drainMinutes: z.number().nullable(),
  }),
  jobs: z.array(JobState),
});
export type BranchSyncState = z.infer<typeof BranchSyncState>;

export const ScheduleState = z.object({
  branch: z.string(),
  scheduleId: z.string(),
  nextRunAt: z.string().nullable(),
});

export const SyncOverview = z.object({
  branches: z.array(BranchSyncState),
  schedules: z.array(ScheduleState),
});
export type SyncOverview = z.infer<typeof SyncOverview>;

export const RunTicket = z.object({ branch: z.string(), job: z.enum(SCHEDULE_JOBS), runId: z.number() });
export type RunTicket = z.infer<typeof RunTicket>;

export const SyncRunInput = z
  .object({
    /** Empty = every enabled branch. */
    branch: z.string().optional(),
    /** Empty = every job with an enabled schedule (the tray's "Executar agora"). */
    job: z.enum(SCHEDULE_JOBS).optional(),
  })
  .strict();

export const SyncRunResult = z.object({
  started: z.array(RunTicket),
  /** Already running: not started twice; the ticket is the running one. */
  alreadyRunning: z.array(RunTicket),
  refused: z.array(z.object({ branch: z.string(), job: z.enum(SCHEDULE_JOBS), message: z.string() })),
});
export type SyncRunResult = z.infer<typeof SyncRunResult>;

export const PreviewAction = z.object({
  entity: z.string(),
  action: z.enum(['create', 'update', 'hide', 'unchanged', 'problem', 'deferred']),
  count: z.number(),
});

export const SyncPreview = z.object({
  branch: z.string(),
  actions: z.array(PreviewAction),
  /** A few payloads as they would be sent (no secrets). */
  samples: z.array(z.object({ entity: z.string(), action: z.string(), payload: z.unknown() })),
  storeCalls: z.number(),
  /** Hourly limit used for the estimate (the store's, or 1000 when not known yet). */
  hourlyLimit: z.number(),
  estimatedMinutes: z.number(),
  generatedAt: z.string(),
});
export type SyncPreview = z.infer<typeof SyncPreview>;

export const SyncRunEvent = z.object({
  phase: z.enum(['started', 'progress', 'finished']),
  runId: z.number(),
  branch: z.string(),
  job: z.enum(SCHEDULE_JOBS),
  status: z.enum(RUN_STATUSES),
  counts: RunCounts,
  progress: RunProgress.nullable(),
  message: z.string().nullable(),
  /** The run stopped because the store said "stop" (429, its budget out — ADR 0033): not a recovery. */
  storePaused: z.boolean().optional(),
});
export type SyncRunEvent = z.infer<typeof SyncRunEvent>;

export const syncMethods = {
  'sync.overview': defineMethod({
    summary:
      'Estado da sincronização por filial e tarefa: última e próxima execução, contagens, fila, pendências e limite da loja.',
    input: NoInput,
    output: SyncOverview,
  }),
  'sync.run': defineMethod({
    summary:
      'Executar agora: inicia as tarefas pedidas e responde na hora com o número de cada execução (o progresso chega por eventos).',
    input: SyncRunInput,
    output: SyncRunResult,
  }),
  'sync.preview': defineMethod({
    summary:
      'Prévia da primeira sincronização: o que seria enviado à loja (criar, atualizar, ocultar), sem nenhuma chamada à loja.',
    input: z.object({ branch: z.string().min(1, 'Filial: escolha a filial da prévia.') }).strict(),
    output: SyncPreview,
  }),
  'sync.runs': defineMethod({
    summary: 'Execuções recentes (mais novas primeiro), por filial e tarefa.',
    input: z
      .object({
        branch: z.string().optional(),
        job: z.enum(SCHEDULE_JOBS).optional(),
        beforeId: z.number().int().optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.object({ runs: z.array(RunSummary) }),
  }),
  'schedules.save': defineMethod({
    summary: 'Salva os agendamentos de uma filial (Cadastrar → Agendamento).',
    input: z.object({ branch: z.string().min(1), schedules: z.array(Schedule) }).strict(),
    output: z.object({ schedules: z.array(Schedule) }),
  }),
};
