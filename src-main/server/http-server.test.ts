import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHeadlessSettings } from '../config/headless-settings';
import { createRuntime, type Runtime } from '../runtime/create-runtime';
import { ServerStartError, startHttpServer } from './http-server';
import { CLIENT_HEADER, SESSION_COOKIE, sessionCookieValue } from './session-secret';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so the test controls the Host header like an attacker would. */
const send = (
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `localhost:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
          if (res.headers['content-type']?.startsWith('text/event-stream')) {
            res.destroy();
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
          }
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });

const SECRET = 'segredo-de-sessao-de-teste-com-mais-de-32-caracteres';
const cookie = `${SESSION_COOKIE}=${sessionCookieValue(SECRET, '')}`;
const apiHeaders = { cookie, [CLIENT_HEADER]: 'ui', 'content-type': 'application/json' };

let dir: string;
let runtime: Runtime;
let close: (() => Promise<void>) | undefined;
let port: number;

const start = async (overrides: { host?: string; port?: number } = {}) => {
  const started = await startHttpServer({
    runtime,
    uiDir: join(dir, 'ui'),
    sessionSecret: SECRET,
    port: 0,
    ...overrides,
  });
  close = () => started.app.close();
  port = Number(new URL(started.url).port);
  return started;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wtc-http-'));
  mkdirSync(join(dir, 'ui'));
  writeFileSync(join(dir, 'ui', 'index.html'), '<!doctype html><title>UI</title>');
  runtime = createRuntime({ host: 'headless', settings: openHeadlessSettings(dir), dataDir: dir });
});

afterEach(async () => {
  await close?.();
  close = undefined;
  await runtime.close();
});

describe('headless HTTP host', () => {
  it('serves the UI with an HttpOnly, SameSite=Strict session cookie and security headers', async () => {
    await start();
    const reply = await send(port, '/');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>UI</title>');
    const setCookie = String(reply.headers['set-cookie']);
    expect(setCookie).toContain(cookie);
    expect(setCookie).not.toContain(SECRET);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    expect(reply.headers['x-frame-options']).toBe('DENY');
  });

  it('refuses a request whose Host is not an allowed name (DNS rebinding)', async () => {
    await start();
    for (const path of ['/', '/api/app.status']) {
      const reply = await send(port, path, {
        method: path === '/' ? 'GET' : 'POST',
        headers: { host: `attacker.example:${port}`, ...apiHeaders },
        body: '{}',
      });
      expect(reply.status).toBe(403);
      expect(reply.headers['set-cookie']).toBeUndefined();
      expect(reply.body).not.toContain('engine');
    }
  });

  it('accepts a configured LAN name in the Host header', async () => {
    runtime.settings.update({ server: { ...runtime.settings.get().server, allowedHosts: ['servidor-erp'] } });
    await start();
    const reply = await send(port, '/', { headers: { host: `servidor-erp:${port}` } });
    expect(reply.status).toBe(200);
  });

  it('refuses an API call without the session secret', async () => {
    await start();
    const noCookie = await send(port, '/api/app.status', {
      method: 'POST',
      headers: { [CLIENT_HEADER]: 'ui', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noCookie.status).toBe(401);
    expect(JSON.parse(noCookie.body).error.code).toBe('no_session');
    const wrongCookie = await send(port, '/api/app.status', {
      method: 'POST',
      headers: { ...apiHeaders, cookie: `${SESSION_COOKIE}=adivinhado` },
      body: '{}',
    });
    expect(wrongCookie.status).toBe(401);
  });

  it('refuses an API call without the client header (a form post from a foreign page)', async () => {
    await start();
    const reply = await send(port, '/api/engine.pause', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(403);
    expect(runtime.status().engine.state).toBe('running');
  });

  it('answers a valid call and sends no CORS header to a foreign origin', async () => {
    await start();
    const reply = await send(port, '/api/app.status', {
      method: 'POST',
      headers: { ...apiHeaders, origin: 'https://evil.example' },
      body: '{}',
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body).result.engine.state).toBe('running');
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await send(port, '/api/app.status', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('never returns a secret in clear over HTTP', async () => {
    runtime.settings.update({
      database: {
        ...runtime.settings.get().database,
        oracle: { ...runtime.settings.get().database.oracle, password: 'senha-oracle-123' },
      },
    });
    await start();
    for (const method of ['settings.get', 'settings.export']) {
      const reply = await send(port, `/api/${method}`, { method: 'POST', headers: apiHeaders, body: '{}' });
      expect(reply.status).toBe(200);
      expect(reply.body).not.toContain('senha-oracle-123');
      expect(reply.body).toContain('••••••••');
    }
  });

  it('returns 400 with a pt-BR message naming the field for bad input, 404 for an unknown method', async () => {
    await start();
    const bad = await send(port, '/api/settings.update', {
      method: 'POST',
      headers: apiHeaders,
      body: JSON.stringify({ server: { port: 0 } }),
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toMatchObject({ code: 'invalid_input', field: 'server.port' });
    const unknown = await send(port, '/api/shell.exec', { method: 'POST', headers: apiHeaders, body: '{}' });
    expect(unknown.status).toBe(404);
  });

  it('streams events only to a browser holding the session', async () => {
    await start();
    expect((await send(port, '/api/events')).status).toBe(401);
    const stream = await send(port, '/api/events', { headers: { cookie } });
    expect(stream.status).toBe(200);
    expect(stream.body).toContain('event: app.status');
  });

  it('asks for the login password before handing out the session when one is set', async () => {
    runtime.settings.update({ server: { ...runtime.settings.get().server, loginPassword: 'senha-web' } });
    await start();
    const page = await send(port, '/');
    expect(page.body).toContain('Senha de acesso');
    expect(page.headers['set-cookie']).toBeUndefined();
    const wrong = await send(port, '/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'password=errada',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain('Senha incorreta.');
    const right = await send(port, '/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'password=senha-web',
    });
    expect(right.status).toBe(303);
    expect(String(right.headers['set-cookie'])).toContain(SESSION_COOKIE);
  });

  it('serves no UI file before the login when a password is set', async () => {
    writeFileSync(join(dir, 'ui', 'app.js'), 'console.log("ui")');
    runtime.settings.update({ server: { ...runtime.settings.get().server, loginPassword: 'senha-web' } });
    await start();
    for (const path of ['/index.html', '/app.js', '/qualquer']) {
      const answer = await send(port, path);
      expect(answer.status, path).toBe(401);
      expect(answer.body, path).toContain('Senha de acesso');
      expect(answer.body, path).not.toContain('console.log');
    }
    const login = await send(port, '/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'password=senha-web',
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const script = await send(port, '/app.js', { headers: { cookie } });
    expect(script.status).toBe(200);
    expect(script.body).toContain('console.log');
  });

  it('serves the favicon to the login page too', async () => {
    writeFileSync(join(dir, 'ui', 'favicon.ico'), 'icone');
    runtime.settings.update({ server: { ...runtime.settings.get().server, loginPassword: 'senha-web' } });
    await start();
    const icon = await send(port, '/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.body).toBe('icone');
  });

  it('refuses to open the port to other machines without a login password', async () => {
    await expect(start({ host: '0.0.0.0' })).rejects.toThrow(/senha de acesso/);
  });

  it('says clearly that the port is taken, with a non-zero exit code', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const error = await start({ port: taken }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServerStartError);
      expect((error as ServerStartError).message).toContain(`A porta ${taken} já está em uso`);
      expect((error as ServerStartError).exitCode).toBe(3);
    } finally {
      blocker.close();
    }
  });
});

describe('settings.update over HTTP', () => {
  it('changes only the section it is given', async () => {
    runtime.settings.update({
      branches: [{ ...runtime.settings.get().branches[0], code: '1', name: 'Matriz' } as never],
    });
    await start();
    const reply = await send(port, '/api/settings.update', {
      method: 'POST',
      headers: apiHeaders,
      body: JSON.stringify({ language: 'en' }),
    });
    expect(reply.status).toBe(200);
    expect(runtime.settings.get().language).toBe('en');
    expect(runtime.settings.get().branches.map((b) => b.name)).toEqual(['Matriz']);
  });
});

describe('login password', () => {
  it('ends every earlier session when the password changes', async () => {
    await start();
    const before = await send(port, '/api/app.status', { method: 'POST', headers: apiHeaders, body: '{}' });
    expect(before.status).toBe(200);
    runtime.settings.update({ server: { loginPassword: 'nova-senha' } });
    const after = await send(port, '/api/app.status', { method: 'POST', headers: apiHeaders, body: '{}' });
    expect(after.status).toBe(401);
  });

  it('keeps the session of the browser that changed the password over HTTP, and only that one', async () => {
    await start();
    const reply = await send(port, '/api/settings.update', {
      method: 'POST',
      headers: apiHeaders,
      body: JSON.stringify({
        server: { ...runtime.settings.getMasked().server, loginPassword: 'nova-senha' },
      }),
    });
    expect(reply.status).toBe(200);
    const setCookie = String(reply.headers['set-cookie']);
    expect(setCookie).toContain(`${SESSION_COOKIE}=${sessionCookieValue(SECRET, 'nova-senha')}`);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const renewed = { ...apiHeaders, cookie: setCookie.split(';')[0]! };
    const after = await send(port, '/api/app.status', { method: 'POST', headers: renewed, body: '{}' });
    expect(after.status).toBe(200);
    const other = await send(port, '/api/app.status', { method: 'POST', headers: apiHeaders, body: '{}' });
    expect(other.status).toBe(401);
    // Any other settings change hands out no cookie.
    const language = await send(port, '/api/settings.update', {
      method: 'POST',
      headers: renewed,
      body: JSON.stringify({ language: 'en' }),
    });
    expect(language.status).toBe(200);
    expect(language.headers['set-cookie']).toBeUndefined();
  });

  it('refuses removing the password while the port is open to other machines (--host)', async () => {
    runtime.settings.update({ server: { loginPassword: 'senha-web' } });
    await start({ host: '0.0.0.0' });
    const login = await send(port, '/', {});
    expect(login.status).toBe(200);
    expect(login.body).toContain('Senha de acesso');
    expect(() => runtime.settings.update({ server: { loginPassword: '' } })).toThrowError(
      expect.objectContaining({ code: 'invalid_settings', field: 'server.loginPassword' }),
    );
    expect(runtime.settings.get().server.loginPassword).toBe('senha-web');
    expect((await send(port, '/')).body).toContain('Senha de acesso');
  });

  it('refuses every request if the password is gone anyway while the port is open to other machines', async () => {
    runtime.settings.update({ server: { loginPassword: 'senha-web' } });
    await start({ host: '0.0.0.0' });
    (runtime.settings.get().server as { loginPassword: string }).loginPassword = '';
    const page = await send(port, '/');
    expect(page.status).toBe(403);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.body).toContain('A senha de acesso pelo navegador foi removida');
  });
});

/** An open EventSource: resolves `ended` when the server ends the stream. */
const openStream = (streamPort: number, streamCookie: string) =>
  new Promise<{ data: () => string; ended: Promise<void>; destroy: () => void }>((resolve, reject) => {
    let data = '';
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: streamPort,
        path: '/api/events',
        headers: { host: `localhost:${streamPort}`, cookie: streamCookie },
      },
      (res) => {
        res.setEncoding('utf8');
        const ended = new Promise<void>((done) => {
          res.on('end', () => done());
          res.on('close', () => done());
        });
        res.once('data', (chunk: string) => {
          data += chunk;
          res.on('data', (more: string) => {
            data += more;
          });
          resolve({ data: () => data, ended, destroy: () => req.destroy() });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });

const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_resolve, reject) => setTimeout(() => reject(new Error(`${what}: still pending`)), ms)),
  ]);

describe('event streams', () => {
  it('end when the server closes, so closing does not hang on an open browser tab', async () => {
    const started = await start();
    const stream = await openStream(port, cookie);
    expect(stream.data()).toContain('event: app.status');
    close = undefined;
    await within(started.app.close(), 2000, 'close()');
    await within(stream.ended, 1000, 'stream end');
  });

  it('end when the login password changes (their session was revoked)', async () => {
    await start();
    const stream = await openStream(port, cookie);
    runtime.settings.update({ language: 'en' });
    runtime.settings.update({ server: { loginPassword: 'nova-senha' } });
    await within(stream.ended, 1000, 'stream end');
    const again = await send(port, '/api/events', { headers: { cookie } });
    expect(again.status).toBe(401);
  });

  it('stay open across other settings changes', async () => {
    await start();
    const stream = await openStream(port, cookie);
    let ended = false;
    void stream.ended.then(() => {
      ended = true;
    });
    runtime.settings.update({ language: 'en' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ended).toBe(false);
    stream.destroy();
  });
});

describe('login form', () => {
  const postLogin = (body: string) =>
    send(port, '/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it.each([
    ['a number', '{"password":123}'],
    ['an object', '{"password":{"a":1}}'],
    ['an array', '{"password":["senha-web"]}'],
    ['nothing', '{}'],
  ])('treats %s as a wrong password: 401 and the pt-BR login page', async (_what, body) => {
    runtime.settings.update({ server: { loginPassword: 'senha-web' } });
    await start();
    const reply = await postLogin(body);
    expect(reply.status).toBe(401);
    expect(reply.body).toContain('Senha incorreta.');
  });

  it('counts a non-string password for the lockout', async () => {
    runtime.settings.update({ server: { loginPassword: 'senha-web' } });
    await start();
    for (let attempt = 0; attempt < 5; attempt += 1) await postLogin('{"password":123}');
    expect((await postLogin('{"password":"senha-web"}')).status).toBe(429);
  }, 10_000);
});
