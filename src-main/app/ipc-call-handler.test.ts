import { describe, expect, it, vi } from 'vitest';
import { createIpcCallHandler } from './ipc-call-handler';
import { isAppUiUrl } from './ui-url';

const ui = 'file:///app/dist/renderer/index.html';

const setup = () => {
  const call = vi.fn(async () => ({ ok: true as const, result: 'feito' }));
  const onRefused = vi.fn();
  const handle = createIpcCallHandler({ isTrustedSender: (url) => isAppUiUrl(url, ui), call, onRefused });
  return { handle, call, onRefused };
};

describe('createIpcCallHandler', () => {
  it('passes calls from the app UI to the dispatcher with origin ipc', async () => {
    const { handle, call } = setup();
    await expect(handle(`${ui}#/configuracao`, 'app.status', {})).resolves.toEqual({
      ok: true,
      result: 'feito',
    });
    expect(call).toHaveBeenCalledWith('app.status', {}, { origin: 'ipc' });
  });

  it('refuses any other sender and reports it', async () => {
    const { handle, call, onRefused } = setup();
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', undefined]) {
      const envelope = await handle(url, 'settings.get', {});
      expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
    expect(call).not.toHaveBeenCalled();
    expect(onRefused).toHaveBeenCalledTimes(3);
  });

  it('refuses a method that is not a string', async () => {
    const { handle, call } = setup();
    await expect(handle(ui, { toString: () => 'app.status' }, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(call).not.toHaveBeenCalled();
  });
});
