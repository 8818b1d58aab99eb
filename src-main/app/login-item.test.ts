import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyStartAtLoginDefault, loginItemSettings, setStartAtLogin, startAtLoginPort } from './login-item';

/** Electron's app, as far as the login item goes: Windows keeps one entry per executable and arguments. */
const fakeApp = () => {
  const entries = new Map<string, boolean>();
  return {
    entries,
    getPath: vi.fn(() => 'C:\\Program Files\\Integrador WinThor Ciashop\\IntegradorWinThorCiashop.exe'),
    setLoginItemSettings: vi.fn((settings: { openAtLogin?: boolean; path?: string; args?: string[] }) => {
      entries.set(`${settings.path} ${settings.args?.join(' ')}`, settings.openAtLogin ?? false);
    }),
    getLoginItemSettings: vi.fn((options?: { path?: string; args?: string[] }) => ({
      openAtLogin: entries.get(`${options?.path} ${options?.args?.join(' ')}`) ?? false,
    })),
  };
};

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('login item', () => {
  it('starts hidden in the tray', () => {
    expect(loginItemSettings(true, 'C:\\App\\Integrador.exe')).toEqual({
      openAtLogin: true,
      openAsHidden: true,
      path: 'C:\\App\\Integrador.exe',
      args: ['--hidden'],
    });
  });

  it('setStartAtLogin applies the settings for the running executable', () => {
    const app = { setLoginItemSettings: vi.fn(), getPath: vi.fn(() => '/opt/app/integrador') };
    setStartAtLogin(app, false);
    expect(app.getPath).toHaveBeenCalledWith('exe');
    expect(app.setLoginItemSettings).toHaveBeenCalledWith(
      expect.objectContaining({ openAtLogin: false, path: '/opt/app/integrador' }),
    );
  });

  it('the switch reads back what it set (the same executable and --hidden)', () => {
    const app = fakeApp();
    const port = startAtLoginPort(app);
    expect(port.get()).toBe(false);
    port.set(true);
    expect(port.get()).toBe(true);
    port.set(false);
    expect(port.get()).toBe(false);
  });

  it('is on by default after setup, once per Windows user: a later "off" stays off', () => {
    dir = mkdtempSync(join(tmpdir(), 'wtc-login-'));
    const marker = join(dir, 'perfil', 'iniciar-com-o-windows.json');
    const app = fakeApp();
    expect(applyStartAtLoginDefault(app, marker)).toBe(true);
    expect(startAtLoginPort(app).get()).toBe(true);
    startAtLoginPort(app).set(false);
    expect(applyStartAtLoginDefault(app, marker)).toBe(false);
    expect(startAtLoginPort(app).get()).toBe(false);
  });
});
