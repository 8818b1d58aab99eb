import { describe, expect, it, vi } from 'vitest';
import { loginItemSettings, setStartAtLogin } from './login-item';

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
});
