import type { Settings } from 'electron';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StartAtLoginPort } from '../api/handlers/system-handlers';
import { HIDDEN_FLAG } from './app-identity';

/** The part of Electron's `app` the login item uses. */
export interface LoginItemApp {
  getPath(name: 'exe'): string;
  setLoginItemSettings(settings: Settings): void;
  getLoginItemSettings(options?: { path?: string; args?: string[] }): { openAtLogin: boolean };
}

/** The login item: start with Windows, in the tray only (no window). */
export const loginItemSettings = (enabled: boolean, executablePath: string): Settings => ({
  openAtLogin: enabled,
  openAsHidden: true,
  path: executablePath,
  args: [HIDDEN_FLAG],
});

/** Turns "Iniciar com o Windows" on or off for the Windows user running the app. */
export const setStartAtLogin = (
  app: Pick<LoginItemApp, 'setLoginItemSettings' | 'getPath'>,
  enabled: boolean,
): void => {
  app.setLoginItemSettings(loginItemSettings(enabled, app.getPath('exe')));
};

export const isStartAtLoginEnabled = (app: Pick<LoginItemApp, 'getLoginItemSettings' | 'getPath'>): boolean =>
  app.getLoginItemSettings({ path: app.getPath('exe'), args: [HIDDEN_FLAG] }).openAtLogin;

/** What Configuração → "Este computador" reads and changes: Windows' own login item, nothing stored by us. */
export const startAtLoginPort = (app: LoginItemApp): StartAtLoginPort => ({
  get: () => isStartAtLoginEnabled(app),
  set: (enabled) => setStartAtLogin(app, enabled),
});

/**
 * "On by default after setup" (ADR 0306): the first time a Windows user starts the app, the login item is
 * turned on and a marker file in that user's profile records it; from then on only the person's choice
 * (the switch) changes it. Returns true when it turned it on now.
 */
export const applyStartAtLoginDefault = (
  app: LoginItemApp,
  markerFile: string,
  now = new Date(),
): boolean => {
  if (existsSync(markerFile)) return false;
  setStartAtLogin(app, true);
  mkdirSync(dirname(markerFile), { recursive: true });
  writeFileSync(markerFile, `${JSON.stringify({ startAtLoginDefaultAppliedAt: now.toISOString() })}\n`);
  return true;
};
