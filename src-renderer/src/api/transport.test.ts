import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeAnswer, fakeError } from '../test/fake-answer';
import { ApiCallError, call, navigation, subscribe, transportKind } from './transport';

afterEach(() => {
  delete window.wtc;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const appStatus = fakeAnswer('app.status', {
  name: 'Integrador WinThor Ciashop',
  version: '1.2.3',
  startedAt: '2025-01-02T03:04:05.000Z',
  uptimeSeconds: 60,
  host: 'desktop',
  demo: false,
  engine: { state: 'running', summary: 'Em execução.', lastRunAt: null, runningJobs: [] },
});
const status = { ok: true as const, result: appStatus };

describe('transport', () => {
  it('uses the desktop bridge when the preload exposed it', async () => {
    const bridgeCall = vi.fn().mockResolvedValue(status);
    window.wtc = { call: bridgeCall, on: vi.fn(), methods: {} as never };
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    expect(transportKind()).toBe('ipc');
    await expect(call('app.status', {})).resolves.toEqual(appStatus);
    expect(bridgeCall).toHaveBeenCalledWith('app.status', {});
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('falls back to HTTP with the client header and same-origin cookies', async () => {
    const fetchSpy = vi.fn().mockResolvedValue(new Response(JSON.stringify(status)));
    vi.stubGlobal('fetch', fetchSpy);
    expect(transportKind()).toBe('http');
    await expect(call('app.status', {})).resolves.toEqual(appStatus);
    const [url, init] = fetchSpy.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('./api/app.status');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)['x-wtc-client']).toBe('ui');
  });

  it('turns an error envelope into an ApiCallError carrying the field and the fix', async () => {
    const body = fakeError({
      code: 'invalid_input',
      message: 'Porta: use um número entre 1 e 65535.',
      field: 'server.port',
    });
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(new Response(JSON.stringify({ ok: false, error: body }), { status: 400 })),
    );
    const error = await call('settings.get', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect((error as ApiCallError).body).toEqual(body);
  });

  it('says in Portuguese when the integrator cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(call('app.status', {})).rejects.toThrow('Sem comunicação com o integrador');
  });

  it('sends the browser to the login page when the session ended (no_session / 401)', async () => {
    const goToLogin = vi.spyOn(navigation, 'goToLogin').mockImplementation(() => {});
    const body = fakeError({ code: 'no_session', message: 'Sessão ausente ou inválida.' });
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(new Response(JSON.stringify({ ok: false, error: body }), { status: 401 })),
    );
    const error = await call('settings.get', {}).catch((e: unknown) => e);
    expect(goToLogin).toHaveBeenCalledTimes(1);
    expect(error).toBeInstanceOf(ApiCallError);
    expect((error as ApiCallError).body.code).toBe('no_session');
    expect((error as ApiCallError).message).toMatch(/Entre novamente/);
  });

  it('stays on the page for other errors', async () => {
    const goToLogin = vi.spyOn(navigation, 'goToLogin').mockImplementation(() => {});
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        new Response(JSON.stringify({ ok: false, error: fakeError({ code: 'x', message: 'y' }) }), {
          status: 400,
        }),
      ),
    );
    await expect(call('settings.get', {})).rejects.toThrow('y');
    expect(goToLogin).not.toHaveBeenCalled();
  });

  it('goes to the login page when the event stream is refused because the session ended', async () => {
    class FakeEventSource extends EventTarget {
      static readonly CLOSED = 2;
      static last: FakeEventSource | undefined;
      readyState = 0;
      constructor(readonly url: string) {
        super();
        FakeEventSource.last = this;
      }
      close() {
        this.readyState = FakeEventSource.CLOSED;
      }
    }
    vi.stubGlobal('EventSource', FakeEventSource);
    const goToLogin = vi.spyOn(navigation, 'goToLogin').mockImplementation(() => {});
    const fetchSpy = vi.fn().mockResolvedValue(new Response('{}', { status: 401 }));
    vi.stubGlobal('fetch', fetchSpy);
    const unsubscribe = subscribe('app.status', () => {});
    const source = FakeEventSource.last!;
    // A dropped connection the browser is retrying: nothing to do.
    source.dispatchEvent(new Event('error'));
    expect(fetchSpy).not.toHaveBeenCalled();
    // Refused for good (HTTP 401 on the reconnect): the session is checked, and it has ended.
    source.readyState = FakeEventSource.CLOSED;
    source.dispatchEvent(new Event('error'));
    await vi.waitFor(() => expect(goToLogin).toHaveBeenCalled());
    unsubscribe();
  });
});
