import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error';
import { systemHandlers, type SystemPorts } from './system-handlers';

const ports = (overrides: Partial<SystemPorts> = {}): SystemPorts => ({
  version: '1.2.3',
  host: 'desktop',
  dataDir: 'C:\\ProgramData\\IntegradorWinThorCiashop',
  logsDir: 'C:\\ProgramData\\IntegradorWinThorCiashop\\logs',
  diagnostics: async () => {
    throw new Error('not used here');
  },
  ...overrides,
});
const internal = { origin: 'internal' as const };

describe('system handlers', () => {
  it('turns the desktop login item on and off and reports what Windows now has', async () => {
    let loginItem = false;
    const handlers = systemHandlers(
      ports({ startAtLogin: { get: () => loginItem, set: (enabled) => (loginItem = enabled) } }),
    );
    expect((await handlers['system.info']({}, internal)).startAtLogin).toMatchObject({
      available: true,
      enabled: false,
    });
    expect(await handlers['system.setStartAtLogin']({ enabled: true }, internal)).toMatchObject({
      available: true,
      enabled: true,
    });
    expect(loginItem).toBe(true);
    await handlers['system.setStartAtLogin']({ enabled: false }, internal);
    expect(loginItem).toBe(false);
  });

  it('says why the headless host has no login item, and refuses to set one with the fix', async () => {
    const handlers = systemHandlers(ports({ host: 'headless' }));
    const info = await handlers['system.info']({}, internal);
    expect(info).toMatchObject({ version: '1.2.3', host: 'headless', startAtLogin: { available: false } });
    expect(info.startAtLogin.note).toMatch(/serviço/);
    const error = await handlers['system.setStartAtLogin']({ enabled: true }, internal).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'start_at_login_unavailable', field: 'enabled' });
    expect((error as AppError).fix).toMatch(/área de trabalho/);
  });

  it('gives each note and the refusal a message key, so an English UI says them in English', async () => {
    const headless = systemHandlers(ports({ host: 'headless' }));
    expect((await headless['system.info']({}, internal)).startAtLogin.noteRef).toEqual({
      key: 'system.startAtLogin_headless',
    });
    const error = await headless['system.setStartAtLogin']({ enabled: true }, internal).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      messageRef: { key: 'system.startAtLoginUnavailable_headless' },
      fixRef: { key: 'system.startAtLoginUnavailableFix' },
    });
    const linux = systemHandlers(ports());
    expect((await linux['system.info']({}, internal)).startAtLogin.noteRef).toEqual({
      key: 'system.startAtLogin_notWindows',
    });
    const windows = systemHandlers(ports({ startAtLogin: { get: () => true, set: () => {} } }));
    expect((await windows['system.info']({}, internal)).startAtLogin.noteRef).toEqual({
      key: 'system.startAtLogin_desktop',
    });
  });
});
