import type { TFunction } from 'i18next';
import { Schedule, type IntervalUnit, type ScheduleJob } from '@contract';

/** What the Agendamento form edits: the number as typed (NumberInput gives '' when empty). */
export interface ScheduleFormValues {
  job: ScheduleJob;
  unit: IntervalUnit;
  every: number | string;
  cron: string;
}

export const EMPTY_FORM: ScheduleFormValues = { job: 'stock', unit: 'minutes', every: 15, cron: '' };

/** The interval kept when a cron expression replaces it and the box was left invalid. */
const FALLBACK_EVERY = 15;

/** A stable id for a new schedule of `job`: the job's name, or `job-2`, `job-3`… when taken. */
export const nextScheduleId = (job: ScheduleJob, schedules: readonly Schedule[]): string => {
  const taken = new Set(schedules.map((schedule) => schedule.id));
  if (!taken.has(job)) return job;
  let n = 2;
  while (taken.has(`${job}-${n}`)) n += 1;
  return `${job}-${n}`;
};

const hasCron = (values: Pick<ScheduleFormValues, 'cron'>) => values.cron.trim() !== '';

/**
 * The form checked by the contract's own Schedule schema (the server checks the same), with each problem
 * told in the UI language, naming the field and the fix. With a cron expression the interval is not used.
 */
export const validateSchedule = (
  values: ScheduleFormValues,
  t: TFunction,
): Partial<Record<keyof ScheduleFormValues, string>> => {
  // An empty box is null, not undefined: the schema would fill undefined with its default.
  const parsed = Schedule.safeParse({
    id: 'form',
    enabled: true,
    ...values,
    every: toNumber(values.every) ?? null,
  });
  if (parsed.success) return {};
  const errors: Partial<Record<keyof ScheduleFormValues, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'cron') errors.cron = t('schedule.invalid.cron');
    if (field === 'every' && !hasCron(values)) errors.every = t('schedule.invalid.every');
  }
  return errors;
};

const toNumber = (value: number | string): number | undefined =>
  value === '' ? undefined : typeof value === 'number' ? value : Number(value);

/** The schedule the form describes (`id` and `enabled` from the row being edited, or a new one). */
export const toSchedule = (values: ScheduleFormValues, id: string, enabled: boolean): Schedule => {
  const every = toNumber(values.every);
  const valid = every !== undefined && Number.isInteger(every) && every >= 1 && every <= 9999;
  return {
    id,
    job: values.job,
    enabled,
    every: valid ? every : FALLBACK_EVERY,
    unit: values.unit,
    cron: values.cron.trim(),
  };
};

/** "a cada 15 minutos", "a cada hora", or "cron 0 6 * * 1" (in the UI language). */
export const describeFrequency = (
  schedule: Pick<Schedule, 'every' | 'unit' | 'cron'>,
  t: TFunction,
): string => {
  if (schedule.cron.trim()) return t('schedule.cronText', { cron: schedule.cron.trim() });
  return schedule.every === 1
    ? t('schedule.everyOne', { unit: t(`unitWords.one.${schedule.unit}`) })
    : t('schedule.everyMany', { count: schedule.every, unit: t(`unitWords.many.${schedule.unit}`) });
};
