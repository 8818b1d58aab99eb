import type { AppStatus } from '../contract';
import { PRODUCT_NAME } from './app-identity';

/** Windows cuts tray tooltips at 127 characters. */
export const TOOLTIP_MAX = 127;

const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/** "Integrador WinThor Ciashop — Em execução" (plus "(demonstração)"), never longer than Windows shows. */
export const trayTooltip = (status: AppStatus | undefined): string => {
  const summary = status?.engine.summary ?? 'Iniciando';
  const demo = status?.demo ? ' (demonstração)' : '';
  return clip(`${PRODUCT_NAME}${demo} — ${summary}`, TOOLTIP_MAX);
};

export type TrayIconName = 'tray' | 'tray-paused' | 'tray-error';

/** Which icon of assets/ the tray shows: blue normally, grey paused or stopped, red on error. */
export const trayIconName = (status: AppStatus | undefined): TrayIconName => {
  switch (status?.engine.state) {
    case 'error':
      return 'tray-error';
    case 'paused':
    case 'stopped':
      return 'tray-paused';
    default:
      return 'tray';
  }
};
