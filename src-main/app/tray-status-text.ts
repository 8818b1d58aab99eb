import type { AppStatus, MonitorHealth } from '../contract';
import { PRODUCT_NAME } from './app-identity';

/** Windows cuts tray tooltips at 127 characters. */
export const TOOLTIP_MAX = 127;

const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/**
 * "Integrador WinThor Ciashop — Em execução" (plus "(demonstração)"), and what needs a person when the
 * health is not OK ("· 12 pendência(s) aberta(s)…"), never longer than Windows shows.
 */
export const trayTooltip = (status: AppStatus | undefined, health?: MonitorHealth): string => {
  const demo = status?.demo ? ' (demonstração)' : '';
  const summary = fitStandby(status, `${PRODUCT_NAME}${demo} — `.length);
  const problem = health && health.level !== 'ok' && health.summary !== summary ? ` · ${health.summary}` : '';
  return clip(`${PRODUCT_NAME}${demo} — ${summary}${problem}`, TOOLTIP_MAX);
};

/**
 * The engine's summary; "Em espera" without the holder's folder when the whole line would not fit, so the
 * machine and the time stay readable (ADR 0310).
 */
const fitStandby = (status: AppStatus | undefined, prefix: number): string => {
  const summary = status?.engine.summary ?? 'Iniciando';
  const standby = status?.engine.standby;
  if (!standby || prefix + summary.length <= TOOLTIP_MAX) return summary;
  const what = standby.lost
    ? 'outro integrador assumiu este banco'
    : 'outro integrador está ativo neste banco';
  return `Em espera: ${what} (host ${standby.hostName}, desde ${standby.since})`;
};

export type TrayIconName = 'tray' | 'tray-paused' | 'tray-error' | 'tray-warning';

/**
 * Which icon of assets/ the tray shows: red on error (the engine's, or a job or the database failing), grey
 * paused or stopped, amber when something waits for a person (the first-run guide, pendências, the store's
 * budget out, alert mails not delivered), blue when all is well.
 */
export const trayIconName = (status: AppStatus | undefined, health?: MonitorHealth): TrayIconName => {
  if (status?.engine.state === 'error' || health?.level === 'error') return 'tray-error';
  if (status?.engine.state === 'paused' || status?.engine.state === 'stopped') return 'tray-paused';
  // "Aguardando configuração": something waits for a person (the first-run guide's next step).
  if (status?.engine.state === 'setup') return 'tray-warning';
  // "Em espera": another engine holds the database — a person may need to stop one of them.
  if (status?.engine.state === 'standby') return 'tray-warning';
  return health?.level === 'warning' ? 'tray-warning' : 'tray';
};
