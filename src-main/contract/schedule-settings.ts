import { z } from 'zod';

/** The sync jobs and their schedules (seed §5, Cadastrar → Agendamento). */
export const SYNC_ENTITIES = [
  'categories',
  'products',
  'prices',
  'stock',
  'customers',
  'orders',
  'orderStatus',
] as const;
export type SyncEntity = (typeof SYNC_ENTITIES)[number];

export const INTERVAL_UNITS = ['seconds', 'minutes', 'hours', 'days', 'months', 'years'] as const;
export type IntervalUnit = (typeof INTERVAL_UNITS)[number];

/** What a schedule runs: one entity's sync, or the reconcile (full compare of the catalogue). */
export const SCHEDULE_JOBS = [...SYNC_ENTITIES, 'reconcile'] as const;
export type ScheduleJob = (typeof SCHEDULE_JOBS)[number];

/** Five or six space-separated cron fields (minute hour day month weekday, optional seconds first). */
const CRON_SHAPE = /^\s*(\S+\s+){4,5}\S+\s*$/;

/** One schedule of a branch (seed §5, Cadastrar → Agendamento): a job every N units, or a cron expression. */
export const Schedule = z.object({
  /** Stable id within the branch, so the UI can edit and remove one row. */
  id: z.string().min(1).max(40),
  job: z.enum(SCHEDULE_JOBS),
  enabled: z.boolean().default(true),
  every: z
    .number({ error: 'Intervalo: informe um número inteiro de 1 a 9999.' })
    .int({ error: 'Intervalo: informe um número inteiro de 1 a 9999.' })
    .min(1, { error: 'Intervalo: informe um número inteiro de 1 a 9999.' })
    .max(9999, { error: 'Intervalo: informe um número inteiro de 1 a 9999.' })
    .default(15),
  unit: z.enum(INTERVAL_UNITS).default('minutes'),
  /** Optional cron expression; when set it replaces every/unit. */
  cron: z
    .string()
    .refine((value) => value.trim() === '' || CRON_SHAPE.test(value), {
      error: 'Expressão cron: use 5 campos (minuto hora dia mês dia-da-semana), ex.: "*/15 * * * *".',
    })
    .default(''),
});
export type Schedule = z.infer<typeof Schedule>;

/** The schedules a new branch starts with: orders first and often, the catalogue less often. */
export const DEFAULT_SCHEDULES: readonly Schedule[] = [
  { id: 'orders', job: 'orders', enabled: true, every: 5, unit: 'minutes', cron: '' },
  { id: 'orderStatus', job: 'orderStatus', enabled: true, every: 10, unit: 'minutes', cron: '' },
  { id: 'stock', job: 'stock', enabled: true, every: 15, unit: 'minutes', cron: '' },
  { id: 'prices', job: 'prices', enabled: true, every: 30, unit: 'minutes', cron: '' },
  { id: 'products', job: 'products', enabled: true, every: 1, unit: 'hours', cron: '' },
  { id: 'categories', job: 'categories', enabled: true, every: 6, unit: 'hours', cron: '' },
  { id: 'customers', job: 'customers', enabled: true, every: 1, unit: 'hours', cron: '' },
  { id: 'reconcile', job: 'reconcile', enabled: true, every: 1, unit: 'days', cron: '' },
];

/** The old (version 1) shape: one schedule per entity for every branch. */
export const LegacySchedule = z.object({
  enabled: z.boolean().default(true),
  every: z.number().int().min(1).default(15),
  unit: z.enum(INTERVAL_UNITS).default('minutes'),
});
