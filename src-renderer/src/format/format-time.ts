import { formatDuration } from './format-duration';

const sameDay = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/** "18:54" today, "06/12 00:24" on another day of this year, "06/12/2027 00:24" in another year. */
export const formatDateTime = (iso: string, language: string, now: Date = new Date()): string => {
  const date = new Date(iso);
  const time = date.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
  if (sameDay(date, now)) return time;
  const day = date.toLocaleDateString(language, {
    day: '2-digit',
    month: '2-digit',
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  });
  return `${day} ${time}`;
};

/** The full date and time, for a tooltip. */
export const formatFull = (iso: string, language: string): string =>
  new Date(iso).toLocaleString(language, { dateStyle: 'short', timeStyle: 'medium' });

const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

/** "em 5 minutos", "há 2 horas", "agora" (in the UI language). */
export const formatRelative = (iso: string, language: string, now: Date = new Date()): string => {
  const exact = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  // Past a minute and a half, whole minutes: 59 min 59 s away reads "em 1 hora", not "em 60 minutos".
  const seconds = Math.abs(exact) > 90 ? Math.round(exact / 60) * 60 : exact;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (Math.abs(seconds) < 45) return format.format(0, 'second');
  for (const [unit, size] of STEPS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
};

/** Minutes as a short duration: "< 1 min", "35 min", "2 h 5 min", "1 h" (not "1 h 0 min"). */
export const formatMinutes = (minutes: number): string =>
  minutes < 1 ? '< 1 min' : formatDuration(Math.round(minutes) * 60).replace(/ 0 min$/, '');

/**
 * A server's plain wall-clock "HH:MM" (the lease's "desde 03:57") in the UI's time format: "3:57 AM" in
 * English, "03:57" in pt-BR. Anything else (a "DD/MM HH:MM" of another day, "?") is shown as it came.
 */
export const formatClockTime = (text: string, language: string): string => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return text;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return text;
  return new Date(2000, 0, 1, hours, minutes).toLocaleTimeString(language, {
    hour: '2-digit',
    minute: '2-digit',
  });
};
