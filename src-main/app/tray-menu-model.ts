import type { AppStatus } from '../contract';

export type TrayAction = 'open' | 'runNow' | 'pause' | 'resume' | 'quit';

export type TrayMenuItem =
  | { kind: 'info'; label: string }
  | { kind: 'separator' }
  | { kind: 'action'; action: TrayAction; label: string; enabled: boolean };

/** The tray menu for a status (pt-BR). Without a status yet (starting), only Abrir and Sair are usable. */
export const buildTrayMenuModel = (status: AppStatus | undefined): TrayMenuItem[] => {
  const state = status?.engine.state ?? 'starting';
  const busy = (status?.engine.runningJobs.length ?? 0) > 0;
  const alive =
    state === 'running' ||
    state === 'paused' ||
    state === 'error' ||
    state === 'setup' ||
    state === 'standby';
  const paused = state === 'paused';
  // Paused, waiting for the first-run guide ("Aguardando configuração") or for another engine to leave the
  // database ("Em espera"): nothing may start now.
  const canRun = state === 'running' || state === 'error';
  return [
    { kind: 'info', label: status?.engine.summary ?? 'Iniciando' },
    { kind: 'separator' },
    { kind: 'action', action: 'open', label: 'Abrir', enabled: true },
    {
      kind: 'action',
      action: 'runNow',
      label: busy ? 'Executando…' : 'Executar agora',
      enabled: canRun && !busy,
    },
    {
      kind: 'action',
      action: paused ? 'resume' : 'pause',
      label: paused ? 'Retomar' : 'Pausar',
      enabled: alive,
    },
    { kind: 'separator' },
    { kind: 'action', action: 'quit', label: 'Sair', enabled: true },
  ];
};
