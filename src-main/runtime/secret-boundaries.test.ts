import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Branch, SECRET_MASK } from '../contract';
import { openHeadlessSettings } from '../config/headless-settings';
import { createRuntime, type Runtime } from './create-runtime';

let dir: string;
let runtime: Runtime;
let server: Server | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wtc-secrets-'));
  runtime = createRuntime({ host: 'headless', settings: openHeadlessSettings(dir), dataDir: dir });
});

afterEach(async () => {
  server?.close();
  server = undefined;
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

const oracle = {
  connectString: 'srv:1521/WINT',
  user: 'WINTHOR',
  password: 'senha-oracle',
  instantClientDir: '',
  poolMin: 1,
  poolMax: 4,
  schema: '',
};

describe('a stored secret only goes where it was saved for', () => {
  it('store.test does not send the saved token to a URL the caller typed', async () => {
    runtime.settings.update({
      branches: [
        Branch.parse({ code: '1', store: { url: 'https://loja.example.com', token: 'TOKEN-SECRETO' } }),
      ],
    });
    const seen: string[] = [];
    server = createServer((req, res) => {
      seen.push(String(req.headers.authorization));
      res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const result = await runtime.api.invoke('store.test', {
      branch: '1',
      url: `http://127.0.0.1:${port}`,
      token: SECRET_MASK,
    });
    expect(seen).toEqual([]);
    expect(result).toMatchObject({ ok: false, failed: 'token' });
    expect(result.message).toContain('digite o token');
  });

  it('store.test still names a wrong typed URL as the problem', async () => {
    runtime.settings.update({
      branches: [
        Branch.parse({ code: '1', store: { url: 'https://loja.example.com', token: 'TOKEN-SECRETO' } }),
      ],
    });
    const result = await runtime.api.invoke('store.test', {
      branch: '1',
      url: 'http://www.minhaloja.com.br',
      token: SECRET_MASK,
    });
    expect(result).toMatchObject({ ok: false, failed: 'url' });
    expect(result.message).toContain('https');
  });

  it('db.testConnection does not log in to another server with the stored password', async () => {
    runtime.settings.update({ database: { kind: 'oracle', oracle } });
    const result = await runtime.api.invoke('db.testConnection', {
      database: {
        kind: 'oracle',
        oracle: { ...oracle, connectString: '127.0.0.1:1/OUTRO', password: SECRET_MASK },
      },
    });
    expect(result).toMatchObject({ ok: false, code: 'password_required', field: 'database.oracle.password' });
  });
});

describe('settings changes never lose a secret silently', () => {
  it('a partial change leaves every other field alone, at any depth', async () => {
    runtime.settings.update({ database: { kind: 'oracle', oracle }, server: { loginPassword: 'web' } });
    await runtime.api.invoke('settings.update', {
      database: { kind: 'embedded', embedded: { file: join(dir, 'x.db') } },
    });
    await runtime.api.invoke('settings.update', { server: { port: 8080 } });
    const settings = runtime.settings.get();
    expect(settings.database.oracle).toEqual(oracle);
    expect(settings.database.kind).toBe('embedded');
    expect(settings.server).toMatchObject({ port: 8080, loginPassword: 'web', host: '127.0.0.1' });
  });

  it('import keeps the stored secrets that the file leaves out or empty', async () => {
    runtime.settings.update({ database: { kind: 'oracle', oracle } });
    const exported = JSON.parse((await runtime.api.invoke('settings.export', {})).content);
    delete exported.database.oracle.password;
    await runtime.api.invoke('settings.import', { content: JSON.stringify(exported) });
    expect(runtime.settings.get().database.oracle.password).toBe('senha-oracle');
    exported.database.oracle.password = '';
    await runtime.api.invoke('settings.import', { content: JSON.stringify(exported) });
    expect(runtime.settings.get().database.oracle.password).toBe('senha-oracle');
  });

  it('a masked token under a branch code that changed is refused with the fix, not emptied', async () => {
    runtime.settings.update({
      branches: [Branch.parse({ code: '1', store: { url: 'https://loja.example.com', token: 'TOKEN-1' } })],
    });
    const masked = runtime.settings.getMasked().branches[0]!;
    const envelope = await runtime.api.call(
      'settings.update',
      { branches: [{ ...masked, code: '3' }] },
      { origin: 'http' },
    );
    expect(envelope).toMatchObject({
      ok: false,
      error: { code: 'secret_missing', field: 'branches.3.store.token' },
    });
    expect(runtime.settings.get().branches[0]).toMatchObject({ code: '1', store: { token: 'TOKEN-1' } });
  });

  it('refuses two branches with the same code', async () => {
    const envelope = await runtime.api.call(
      'settings.update',
      { branches: [Branch.parse({ code: '1' }), Branch.parse({ code: '1' })] },
      { origin: 'http' },
    );
    expect(envelope).toMatchObject({ ok: false, error: { field: 'branches.1.code' } });
    expect(JSON.stringify(envelope)).toContain('aparece mais de uma vez');
  });
});

describe('a secret this host cannot decrypt', () => {
  it('is written back unchanged by unrelated saves, until it is typed again', async () => {
    runtime.settings.update({ database: { kind: 'oracle', oracle } });
    const file = join(dir, 'settings.json');
    const stored = JSON.parse(readFileSync(file, 'utf8')).database.oracle.password as string;
    writeFileSync(join(dir, 'secret.key'), 'cd'.repeat(32));
    const onWarning = vi.fn();
    const reopened = openHeadlessSettings(dir, onWarning);
    expect(onWarning).toHaveBeenCalledWith(expect.stringContaining('database.oracle.password'));
    expect(reopened.get().database.oracle.password).toBe('');

    reopened.update({ language: 'en' });
    expect(JSON.parse(readFileSync(file, 'utf8')).database.oracle.password).toBe(stored);

    reopened.update({ database: { oracle: { ...oracle, password: 'nova' } } });
    expect(reopened.get().database.oracle.password).toBe('nova');
    expect(JSON.parse(readFileSync(file, 'utf8')).database.oracle.password).not.toBe(stored);
  });
});
