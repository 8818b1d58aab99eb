import type { IntervalUnit, Schedule } from '../../contract';

const UNIT_MS: Partial<Record<IntervalUnit, number>> = {
  seconds: 1_000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};

/** `date` plus `months` calendar months, the day clamped to the target month (31 Jan + 1 month = 28/29 Feb). */
export const addMonths = (date: Date, months: number): Date => {
  const result = new Date(date.getTime());
  const day = result.getDate();
  result.setDate(1);
  result.setMonth(result.getMonth() + months);
  const lastDay = new Date(result.getFullYear(), result.getMonth() + 1, 0).getDate();
  result.setDate(Math.min(day, lastDay));
  return result;
};

/** The next start of an interval schedule after a run that started at `last`. */
export const nextIntervalRun = (last: Date, schedule: Pick<Schedule, 'every' | 'unit'>): Date => {
  const every = Math.max(1, Math.floor(schedule.every));
  const unitMs = UNIT_MS[schedule.unit];
  if (unitMs !== undefined) return new Date(last.getTime() + every * unitMs);
  return addMonths(last, schedule.unit === 'months' ? every : every * 12);
};

/**
 * When an interval schedule runs next: `last + interval`; never run, or overdue (the app was closed or the
 * machine slept past it): now — once, however many runs were missed.
 */
export const dueAt = (last: Date | null, schedule: Pick<Schedule, 'every' | 'unit'>, now: Date): Date => {
  if (!last) return now;
  const next = nextIntervalRun(last, schedule);
  return next.getTime() <= now.getTime() ? now : next;
};

/** How the Agendamento list describes a schedule, pt-BR ("a cada 15 minutos", or the cron expression). */
const UNIT_LABEL: Record<IntervalUnit, [string, string]> = {
  seconds: ['segundo', 'segundos'],
  minutes: ['minuto', 'minutos'],
  hours: ['hora', 'horas'],
  days: ['dia', 'dias'],
  months: ['mês', 'meses'],
  years: ['ano', 'anos'],
};

export const describeSchedule = (schedule: Pick<Schedule, 'every' | 'unit' | 'cron'>): string => {
  if (schedule.cron.trim()) return `cron ${schedule.cron.trim()}`;
  const [one, many] = UNIT_LABEL[schedule.unit];
  return schedule.every === 1 ? `a cada ${one}` : `a cada ${schedule.every} ${many}`;
};
