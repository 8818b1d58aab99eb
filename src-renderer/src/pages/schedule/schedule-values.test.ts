import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULES } from '@contract';
import { setupI18n } from '../../i18n';
import { describeFrequency, nextScheduleId, toSchedule, validateSchedule } from './schedule-values';

const i18n = setupI18n('pt-BR');
const t = i18n.getFixedT('pt-BR');
const en = i18n.getFixedT('en');

describe('schedule values', () => {
  it('gives a new schedule the job name as id, numbered when taken', () => {
    expect(nextScheduleId('stock', [])).toBe('stock');
    expect(nextScheduleId('stock', [...DEFAULT_SCHEDULES])).toBe('stock-2');
    expect(nextScheduleId('stock', [...DEFAULT_SCHEDULES, { ...DEFAULT_SCHEDULES[2]!, id: 'stock-2' }])).toBe(
      'stock-3',
    );
  });

  it('says how often a schedule runs, in both languages', () => {
    expect(describeFrequency({ every: 15, unit: 'minutes', cron: '' }, t)).toBe('a cada 15 minutos');
    expect(describeFrequency({ every: 1, unit: 'hours', cron: '' }, t)).toBe('a cada hora');
    expect(describeFrequency({ every: 2, unit: 'months', cron: '' }, t)).toBe('a cada 2 meses');
    expect(describeFrequency({ every: 5, unit: 'minutes', cron: ' 0 6 * * 1 ' }, t)).toBe('cron 0 6 * * 1');
    expect(describeFrequency({ every: 1, unit: 'days', cron: '' }, en)).toBe('every day');
    expect(describeFrequency({ every: 30, unit: 'seconds', cron: '' }, en)).toBe('every 30 seconds');
  });

  it('names the field and the fix, with the rules of the contract', () => {
    const base = { job: 'stock' as const, unit: 'minutes' as const, cron: '' };
    expect(validateSchedule({ ...base, every: 15 }, t)).toEqual({});
    expect(validateSchedule({ ...base, every: 0 }, t)).toEqual({
      every: 'Intervalo: informe um número inteiro de 1 a 9999.',
    });
    expect(validateSchedule({ ...base, every: '' }, t).every).toMatch(/^Intervalo:/);
    expect(validateSchedule({ ...base, every: 2.5 }, t).every).toMatch(/^Intervalo:/);
    expect(validateSchedule({ ...base, every: 15, cron: 'toda hora' }, t)).toEqual({
      cron: 'Expressão cron: use 5 campos (minuto hora dia mês dia-da-semana), ex.: "*/15 * * * *".',
    });
    expect(validateSchedule({ ...base, every: 15, cron: 'x' }, en).cron).toMatch(/^Cron expression:/);
    // With a cron expression the interval box is not used, so an empty one is no error.
    expect(validateSchedule({ ...base, every: '', cron: '*/5 * * * *' }, t)).toEqual({});
    expect(toSchedule({ ...base, every: '', cron: ' */5 * * * * ' }, 'stock-2', true)).toEqual({
      id: 'stock-2',
      job: 'stock',
      enabled: true,
      every: 15,
      unit: 'minutes',
      cron: '*/5 * * * *',
    });
  });
});
