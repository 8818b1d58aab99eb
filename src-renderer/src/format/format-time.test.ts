import { describe, expect, it } from 'vitest';
import { formatClockTime, formatDateTime, formatMinutes, formatRelative } from './format-time';

const now = new Date(2026, 11, 5, 18, 30, 0);
const at = (...parts: [number, number, number, number, number]) => new Date(...parts).toISOString();

describe('time formats', () => {
  it('shows only the time today, day and month on another day, the year when it differs', () => {
    expect(formatDateTime(at(2026, 11, 5, 18, 54), 'pt-BR', now)).toBe('18:54');
    expect(formatDateTime(at(2026, 11, 6, 0, 24), 'pt-BR', now)).toBe('06/12 00:24');
    expect(formatDateTime(at(2027, 0, 2, 9, 5), 'pt-BR', now)).toBe('02/01/2027 09:05');
  });

  it('says how far a moment is, in the UI language', () => {
    expect(formatRelative(at(2026, 11, 5, 18, 45), 'pt-BR', now)).toBe('em 15 minutos');
    expect(formatRelative(at(2026, 11, 5, 16, 30), 'pt-BR', now)).toBe('há 2 horas');
    expect(formatRelative(at(2026, 11, 5, 18, 45), 'en', now)).toBe('in 15 minutes');
    expect(formatRelative(now.toISOString(), 'pt-BR', now)).toBe('agora');
    expect(formatRelative(new Date(now.getTime() + 3_599_700).toISOString(), 'pt-BR', now)).toBe('em 1 hora');
    expect(formatRelative(at(2026, 11, 6, 18, 30), 'pt-BR', now)).toBe('amanhã');
  });

  it('writes minutes as a short duration', () => {
    expect(formatMinutes(0)).toBe('< 1 min');
    expect(formatMinutes(35)).toBe('35 min');
    expect(formatMinutes(125)).toBe('2 h 5 min');
    expect(formatMinutes(60)).toBe('1 h');
  });
});

describe('formatClockTime: a server "HH:MM" in the UI\'s time format', () => {
  it('reads "03:57" as "03:57 AM" in English and keeps "03:57" in pt-BR; other texts as they came', () => {
    expect(formatClockTime('03:57', 'en')).toBe('03:57 AM');
    expect(formatClockTime('15:07', 'en')).toBe('03:07 PM');
    expect(formatClockTime('03:57', 'pt-BR')).toBe('03:57');
    expect(formatClockTime('05/12 03:57', 'en')).toBe('05/12 03:57');
    expect(formatClockTime('?', 'en')).toBe('?');
  });
});
