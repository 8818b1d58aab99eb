import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { AppError } from '../shared/app-error';
import { httpStatusOfError } from '../api/error-status';
import { events, type EventName } from '../contract';
import type { Runtime } from '../runtime/create-runtime';
import { isAllowedHost, isLoopbackAddress } from './host-guard';
import { loginPage, uiMissingPage } from './login-page';
import { SECURITY_HEADERS } from './security-headers';
import { LoginThrottle } from './login-throttle';
import { CLIENT_HEADER, SESSION_COOKIE, sameSecret, sessionCookieValue } from './session-secret';

export interface HttpServerOptions {
  runtime: Runtime;
  /** Folder with the built UI (index.html + assets). */
  uiDir: string;
  sessionSecret: string;
  /** Overrides of settings.server for this run (flags, environment). */
  port?: number;
  host?: string;
  logger?: boolean;
}

interface ServerOptions extends HttpServerOptions {
  /** The address actually listened on: off loopback, every request needs a login password to exist. */
  listenHost: string;
}

export class ServerStartError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

const isPlainBody = (body: unknown): body is Record<string, unknown> =>
  typeof body === 'object' && body !== null && !Array.isArray(body);

/** Methods that can change the login password, so the caller's session cookie with it. */
const SETTINGS_WRITES = new Set(['settings.update', 'settings.import']);

const cookieOptions = { httpOnly: true, sameSite: 'strict', path: '/' } as const;

/** The headless host: the built UI, `POST /api/<method>` and `GET /api/events` (Server-Sent Events). */
export const createHttpServer = async (options: ServerOptions): Promise<FastifyInstance> => {
  const { runtime, uiDir, sessionSecret } = options;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 5 * 1024 * 1024 });
  await app.register(fastifyCookie);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  const serverSettings = () => runtime.settings.get().server;
  const loginRequired = () => serverSettings().loginPassword !== '';
  const currentCookie = () => sessionCookieValue(sessionSecret, serverSettings().loginPassword);
  const hasSession = (request: FastifyRequest) =>
    sameSecret(request.cookies[SESSION_COOKIE], currentCookie());
  const openToNetwork = !isLoopbackAddress(options.listenHost);
  const throttle = new LoginThrottle();

  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    if (!isAllowedHost(request.headers.host, serverSettings().allowedHosts)) {
      return reply
        .code(403)
        .type('text/plain; charset=utf-8')
        .send(
          'Endereço não permitido. Acesse pelo endereço configurado (por exemplo http://localhost:7585).',
        );
    }
    // With a login password, nothing of the UI is served before the login: only the login page itself
    // ('/' and /auth/login, and the icon its tab shows); API calls and the event stream check the session on their own.
    const path = request.url.split('?')[0]!;
    if (
      loginRequired() &&
      path !== '/' &&
      path !== '/auth/login' &&
      path !== '/favicon.ico' &&
      !path.startsWith('/api/') &&
      !hasSession(request)
    ) {
      return reply.code(401).type('text/html; charset=utf-8').send(loginPage());
    }
    if (openToNetwork && !loginRequired()) {
      return reply
        .code(403)
        .type('text/plain; charset=utf-8')
        .send(
          'A senha de acesso pelo navegador foi removida enquanto o integrador atende outras máquinas. ' +
            'Defina uma senha (ou volte o endereço de escuta para 127.0.0.1) e reinicie o integrador.',
        );
    }
  });

  const indexFile = join(uiDir, 'index.html');
  const sendIndex = (reply: FastifyReply) => {
    if (!existsSync(indexFile)) return reply.type('text/html; charset=utf-8').send(uiMissingPage());
    return reply.type('text/html; charset=utf-8').send(readFileSync(indexFile, 'utf8'));
  };

  app.get('/', async (request, reply) => {
    if (loginRequired() && !hasSession(request))
      return reply.type('text/html; charset=utf-8').send(loginPage());
    reply.setCookie(SESSION_COOKIE, currentCookie(), cookieOptions);
    return sendIndex(reply);
  });

  app.post<{ Body: { password?: unknown } | undefined }>('/auth/login', async (request, reply) => {
    const expected = serverSettings().loginPassword;
    const wait = throttle.retryAfterSeconds(request.ip);
    if (wait > 0) {
      return reply
        .code(429)
        .header('retry-after', String(wait))
        .type('text/html; charset=utf-8')
        .send(loginPage(`Muitas tentativas. Tente de novo em ${Math.ceil(wait / 60)} minuto(s).`));
    }
    // Whatever the body holds (a JSON number, an object, nothing), only a string can be the password.
    const typed: unknown = isPlainBody(request.body) ? request.body.password : undefined;
    if (!expected || sameSecret(typeof typed === 'string' ? typed : undefined, expected)) {
      throttle.succeeded(request.ip);
      reply.setCookie(SESSION_COOKIE, currentCookie(), cookieOptions);
      return reply.redirect('/', 303);
    }
    throttle.failed(request.ip);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return reply.code(401).type('text/html; charset=utf-8').send(loginPage('Senha incorreta.'));
  });

  const refuseWithoutSession = (request: FastifyRequest, reply: FastifyReply, needsClientHeader: boolean) => {
    if (!hasSession(request)) {
      void reply.code(401).send({
        ok: false,
        error: {
          code: 'no_session',
          message:
            'Sessão ausente ou inválida. Abra a interface pelo endereço do integrador e tente novamente.',
        },
      });
      return true;
    }
    if (needsClientHeader && request.headers[CLIENT_HEADER] !== 'ui') {
      void reply.code(403).send({
        ok: false,
        error: { code: 'missing_client_header', message: `Cabeçalho ${CLIENT_HEADER} ausente.` },
      });
      return true;
    }
    return false;
  };

  app.post<{ Params: { method: string } }>('/api/:method', async (request, reply) => {
    if (refuseWithoutSession(request, reply, true)) return reply;
    const cookieBefore = currentCookie();
    const envelope = await runtime.api.call(request.params.method, request.body ?? {}, { origin: 'http' });
    // The user who changed the login password (holding a valid session) keeps a session under the new one;
    // every other session ends.
    if (envelope.ok && SETTINGS_WRITES.has(request.params.method) && currentCookie() !== cookieBefore) {
      reply.setCookie(SESSION_COOKIE, currentCookie(), cookieOptions);
    }
    if (!envelope.ok) {
      return reply.code(httpStatusOfError(envelope.error.code)).send(envelope);
    }
    return reply.send(envelope);
  });

  // Open event streams: hijacked from fastify, so its close() would wait for them forever. They end when
  // the server closes and when the login password changes (their session is no longer valid).
  const streams = new Set<ServerResponse>();
  const endStreams = () => {
    for (const stream of streams) stream.end();
    streams.clear();
  };
  let loginPassword = serverSettings().loginPassword;
  const stopWatchingPassword = runtime.settings.onChange((settings) => {
    if (settings.server.loginPassword === loginPassword) return;
    loginPassword = settings.server.loginPassword;
    endStreams();
  });
  app.addHook('preClose', async () => {
    endStreams();
  });
  // Listening off loopback (even by --host): removing the password would lock everyone out.
  const stopCheckingPassword = openToNetwork
    ? runtime.settings.addCheck((next) =>
        next.server.loginPassword === ''
          ? new AppError(
              'invalid_settings',
              `Dados inválidos — server.loginPassword: Senha de acesso: o integrador está atendendo outras máquinas (endereço ${options.listenHost}); a senha não pode ser removida.`,
              {
                field: 'server.loginPassword',
                fix: 'Mantenha uma senha, ou volte o endereço de escuta para 127.0.0.1 e reinicie o integrador antes de removê-la.',
              },
            )
          : undefined,
      )
    : () => {};
  app.addHook('onClose', async () => {
    stopWatchingPassword();
    stopCheckingPassword();
  });

  app.get('/api/events', (request, reply) => {
    if (refuseWithoutSession(request, reply, false)) return;
    reply.hijack();
    const raw = reply.raw;
    streams.add(raw);
    raw.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      connection: 'keep-alive',
    });
    const send = (name: string, payload: unknown) =>
      raw.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    send('app.status', runtime.status());
    const unsubscribers = (Object.keys(events) as EventName[]).map((name) =>
      runtime.events.on(name, (payload) => send(name, payload)),
    );
    const heartbeat = setInterval(() => raw.write(': ping\n\n'), 25_000);
    const stop = () => {
      streams.delete(raw);
      clearInterval(heartbeat);
      for (const off of unsubscribers) off();
    };
    request.raw.on('close', stop);
    raw.on('close', stop);
    raw.on('finish', stop);
  });

  if (existsSync(uiDir)) {
    await app.register(fastifyStatic, { root: uiDir, index: false, wildcard: true });
  }
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).type('text/plain; charset=utf-8').send('Não encontrado.'),
  );
  return app;
};

/** Listens on the configured address; a taken port or an unsafe address ends with a clear message. */
export const startHttpServer = async (
  options: HttpServerOptions,
): Promise<{ app: FastifyInstance; url: string }> => {
  const settings = options.runtime.settings.get().server;
  const port = options.port ?? settings.port;
  const host = options.host ?? settings.host;
  if (!isLoopbackAddress(host) && settings.loginPassword === '') {
    throw new ServerStartError(
      `Para abrir a porta ${port} a outras máquinas (endereço ${host}) defina antes uma senha de acesso em Configuração → Servidor web. ` +
        'Sem senha o integrador só atende em 127.0.0.1.',
      2,
    );
  }
  const app = await createHttpServer({ ...options, listenHost: host });
  try {
    await app.listen({ port, host });
  } catch (error) {
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new ServerStartError(
        `A porta ${port} já está em uso por outro programa (talvez outra instância do integrador). ` +
          'Feche-o ou escolha outra porta com --port N ou WTC_PORT=N.',
        3,
      );
    }
    if (code === 'EACCES') {
      throw new ServerStartError(
        `Sem permissão para usar a porta ${port}. Escolha uma porta acima de 1024.`,
        3,
      );
    }
    throw error;
  }
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = isLoopbackAddress(host) ? 'localhost' : host;
  return { app, url: `http://${shownHost}:${actualPort}` };
};
