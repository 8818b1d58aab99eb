import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../shared/app-error';
import { createDispatcher } from './dispatcher';
import type { Handlers } from './handlers';

const status = {
  name: 'x',
  version: '1.0.0',
  startedAt: new Date(0).toISOString(),
  uptimeSeconds: 1,
  host: 'headless' as const,
  demo: false,
  demoStoreUrl: null,
  service: false,
  web: null,
  engine: {
    state: 'running' as const,
    summary: 'ok',
    detail: '',
    setupStep: null,
    heldForPreview: [],
    failure: null,
    noSchedules: false,
    standby: null,
    lastRunAt: null,
    runningJobs: [],
  },
};

const handlers = (overrides: Partial<Handlers> = {}): Handlers =>
  ({
    'app.status': async () => status,
    'settings.update': async () => {
      throw new AppError('invalid_settings', 'Porta: use um número entre 1 e 65535.', {
        field: 'server.port',
      });
    },
    ...overrides,
  }) as unknown as Handlers;

describe('dispatcher', () => {
  it('runs a handler and returns its validated result', async () => {
    const api = createDispatcher(handlers());
    await expect(api.call('app.status', {}, { origin: 'http' })).resolves.toEqual({
      ok: true,
      result: status,
    });
  });

  it('refuses an unknown method by name', async () => {
    const envelope = await createDispatcher(handlers()).call('fs.readFile', {}, { origin: 'http' });
    expect(envelope).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: 'Método desconhecido: fs.readFile.' },
    });
  });

  it('rejects input that does not match the schema, naming the field', async () => {
    const envelope = await createDispatcher(handlers()).call('app.status', { extra: 1 }, { origin: 'http' });
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) expect(envelope.error.code).toBe('invalid_input');
  });

  it('validates settings.update input before the handler runs', async () => {
    const update = vi.fn();
    const envelope = await createDispatcher(handlers({ 'settings.update': update })).call(
      'settings.update',
      { server: { port: 70000 } },
      { origin: 'http' },
    );
    expect(update).not.toHaveBeenCalled();
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'server.port' } });
  });

  it('passes AppError messages and fields through', async () => {
    const envelope = await createDispatcher(handlers()).call('settings.update', {}, { origin: 'http' });
    expect(envelope).toEqual({
      ok: false,
      error: {
        code: 'invalid_settings',
        message: 'Porta: use um número entre 1 e 65535.',
        field: 'server.port',
      },
    });
  });

  it('hides unexpected errors behind a generic message and reports them', async () => {
    const report = vi.fn();
    const api = createDispatcher(
      handlers({
        'app.status': async () => {
          throw new Error('ORA-00600 secret internals at /opt/app/x.js:1');
        },
      }),
      { onUnexpectedError: report },
    );
    const envelope = await api.call('app.status', {}, { origin: 'http' });
    expect(envelope.ok).toBe(false);
    expect(JSON.stringify(envelope)).not.toContain('ORA-00600');
    expect(report).toHaveBeenCalledWith('app.status', expect.any(Error));
  });

  it('refuses a handler result that breaks the contract', async () => {
    const api = createDispatcher(
      handlers({ 'app.status': async () => ({ ...status, version: 3 }) as never }),
    );
    const envelope = await api.call('app.status', {}, { origin: 'http' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal_error' } });
  });
});
