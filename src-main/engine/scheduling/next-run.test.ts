import { describe, expect, it } from 'vitest';
import { addMonths, describeSchedule, dueAt, nextIntervalRun } from './next-run';

const at = (text: string) => new Date(text);

describe('schedule arithmetic', () => {
  it('adds seconds, minutes, hours and days as durations', () => {
    const start = at('2026-12-05T10:00:00');
    expect(nextIntervalRun(start, { every: 30, unit: 'seconds' })).toEqual(at('2026-12-05T10:00:30'));
    expect(nextIntervalRun(start, { every: 15, unit: 'minutes' })).toEqual(at('2026-12-05T10:15:00'));
    expect(nextIntervalRun(start, { every: 6, unit: 'hours' })).toEqual(at('2026-12-05T16:00:00'));
    expect(nextIntervalRun(start, { every: 2, unit: 'days' })).toEqual(at('2026-12-07T10:00:00'));
  });

  it('adds calendar months and years, the day clamped to the month', () => {
    expect(addMonths(at('2026-01-31T08:00:00'), 1)).toEqual(at('2026-02-28T08:00:00'));
    expect(addMonths(at('2028-01-31T08:00:00'), 1)).toEqual(at('2028-02-29T08:00:00'));
    expect(nextIntervalRun(at('2026-12-15T08:00:00'), { every: 1, unit: 'months' })).toEqual(
      at('2027-01-15T08:00:00'),
    );
    expect(nextIntervalRun(at('2028-02-29T08:00:00'), { every: 1, unit: 'years' })).toEqual(
      at('2029-02-28T08:00:00'),
    );
  });

  it('runs a never-run or overdue schedule now, once, however many runs were missed', () => {
    const now = at('2026-12-05T10:00:00');
    expect(dueAt(null, { every: 5, unit: 'minutes' }, now)).toEqual(now);
    // Last run three days ago with a 5-minute interval: ~860 runs missed, one run now.
    expect(dueAt(at('2026-12-02T10:00:00'), { every: 5, unit: 'minutes' }, now)).toEqual(now);
    expect(dueAt(at('2026-12-05T09:58:00'), { every: 5, unit: 'minutes' }, now)).toEqual(
      at('2026-12-05T10:03:00'),
    );
  });

  it('describes a schedule in pt-BR', () => {
    expect(describeSchedule({ every: 1, unit: 'hours', cron: '' })).toBe('a cada hora');
    expect(describeSchedule({ every: 15, unit: 'minutes', cron: '' })).toBe('a cada 15 minutos');
    expect(describeSchedule({ every: 15, unit: 'minutes', cron: '0 3 * * *' })).toBe('cron 0 3 * * *');
  });
});
