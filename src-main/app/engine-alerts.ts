import type { AppStatus } from '../contract';

export interface TrayAlert {
  title: string;
  body: string;
}

/**
 * A tray notification when the engine enters the error state (not on every failed run while it stays
 * there), and one when it recovers.
 */
export const engineAlert = (previous: AppStatus | undefined, next: AppStatus): TrayAlert | undefined => {
  const before = previous?.engine.state;
  const now = next.engine.state;
  if (now === 'error' && before !== 'error') {
    return { title: 'Integrador WinThor Ciashop: erro na sincronização', body: next.engine.summary };
  }
  if (before === 'error' && now === 'running') {
    return { title: 'Integrador WinThor Ciashop', body: 'A sincronização voltou a funcionar.' };
  }
  return undefined;
};
