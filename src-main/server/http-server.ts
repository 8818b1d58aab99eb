import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime/create-runtime';
import { isLoopbackAddress } from './host-guard';
import { apiPlugin } from './plugins/api-plugin';
import { eventsPlugin } from './plugins/events-plugin';
import { hostGuardPlugin } from './plugins/host-guard-plugin';
import { loginPlugin } from './plugins/login-plugin';
import { staticUiPlugin } from './plugins/static-ui-plugin';
import { createSessionAccess } from './session-access';

export interface HttpServerOptions {
  runtime: Runtime;
  /** Folder with the built UI (index.html + assets). */
  uiDir: string;
  sessionSecret: string;
  /** Overrides of settings.server for this run (flags, environment). */
  port?: number;
  /** What set `port` (shown beside Configuração → Servidor web → Porta); default `flag`. */
  portSource?: 'flag' | 'env';
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

/**
 * The headless host, one fastify plugin per job: host guard, login, `POST /api/<method>`, `GET /api/events`
 * (Server-Sent Events) and the built UI. The guard and the login gate run first, for every request.
 */
export const createHttpServer = async (options: ServerOptions): Promise<FastifyInstance> => {
  const { runtime } = options;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 5 * 1024 * 1024 });
  await app.register(fastifyCookie);
  const serverSettings = () => runtime.settings.get().server;
  const session = createSessionAccess(serverSettings, options.sessionSecret);

  await app.register(hostGuardPlugin, { serverSettings });
  await app.register(loginPlugin, {
    session,
    settings: runtime.settings,
    openToNetwork: !isLoopbackAddress(options.listenHost),
    listenHost: options.listenHost,
  });
  await app.register(apiPlugin, { runtime, session });
  await app.register(eventsPlugin, { runtime, session });
  await app.register(staticUiPlugin, { uiDir: options.uiDir, session });
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
  options.runtime.info.web = {
    port: actualPort,
    source: options.port === undefined ? 'settings' : (options.portSource ?? 'flag'),
  };
  return { app, url: `http://${shownHost}:${actualPort}` };
};
