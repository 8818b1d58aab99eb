import type { App, Settings } from 'electron';
import { HIDDEN_FLAG } from './app-identity';

/** The login item: start with Windows, in the tray only (no window). */
export const loginItemSettings = (enabled: boolean, executablePath: string): Settings => ({
  openAtLogin: enabled,
  openAsHidden: true,
  path: executablePath,
  args: [HIDDEN_FLAG],
});

/** Turns "iniciar com o Windows" on or off. Not wired to a setting yet: the settings issue adds one. */
export const setStartAtLogin = (
  app: Pick<App, 'setLoginItemSettings' | 'getPath'>,
  enabled: boolean,
): void => {
  app.setLoginItemSettings(loginItemSettings(enabled, app.getPath('exe')));
};

export const isStartAtLoginEnabled = (app: Pick<App, 'getLoginItemSettings' | 'getPath'>): boolean =>
  app.getLoginItemSettings({ path: app.getPath('exe'), args: [HIDDEN_FLAG] }).openAtLogin;
