import type { FastifyPluginAsync } from 'fastify';
import type { SettingsService } from '../../config/settings-service';
import { AppError } from '../../shared/app-error';
import { loginPage } from '../login-page';
import { LoginThrottle } from '../login-throttle';
import { sameSecret } from '../session-secret';
import type { SessionAccess } from '../session-access';
import { unencapsulated } from './unencapsulated';

export interface LoginOptions extends Record<string, unknown> {
  session: SessionAccess;
  settings: SettingsService;
  /** Listening off loopback: every request needs a login password to exist, and it cannot be removed. */
  openToNetwork: boolean;
  listenHost: string;
}

const isPlainBody = (body: unknown): body is Record<string, unknown> =>
  typeof body === 'object' && body !== null && !Array.isArray(body);

/** Paths reachable without a session when a login password is set: the login page and its icon. */
const isLoginPath = (path: string) => path === '/' || path === '/auth/login' || path === '/favicon.ico';

/**
 * The login password: nothing of the UI before the login, the login form (throttled), and — while the
 * port is open to other machines — no request at all without a password, which then cannot be removed.
 */
export const loginPlugin: FastifyPluginAsync<LoginOptions> = unencapsulated(
  async (app, { session, settings, openToNetwork, listenHost }) => {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      },
    );

    app.addHook('onRequest', async (request, reply) => {
      // API calls and the event stream check the session on their own.
      const path = request.url.split('?')[0]!;
      if (
        session.loginRequired() &&
        !isLoginPath(path) &&
        !path.startsWith('/api/') &&
        !session.hasSession(request)
      ) {
        return reply.code(401).type('text/html; charset=utf-8').send(loginPage());
      }
      if (openToNetwork && !session.loginRequired()) {
        return reply
          .code(403)
          .type('text/plain; charset=utf-8')
          .send(
            'A senha de acesso pelo navegador foi removida enquanto o integrador atende outras máquinas. ' +
              'Defina uma senha (ou volte o endereço de escuta para 127.0.0.1) e reinicie o integrador.',
          );
      }
    });

    const throttle = new LoginThrottle();
    app.post<{ Body: { password?: unknown } | undefined }>('/auth/login', async (request, reply) => {
      const expected = session.loginPassword();
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
        session.giveCookie(reply);
        return reply.redirect('/', 303);
      }
      throttle.failed(request.ip);
      await new Promise((resolve) => setTimeout(resolve, 500));
      return reply.code(401).type('text/html; charset=utf-8').send(loginPage('Senha incorreta.'));
    });

    // Listening off loopback (even by --host): removing the password would lock everyone out.
    if (openToNetwork) {
      const stopChecking = settings.addCheck((next) =>
        next.server.loginPassword === ''
          ? new AppError(
              'invalid_settings',
              `Dados inválidos — server.loginPassword: Senha de acesso: o integrador está atendendo outras máquinas (endereço ${listenHost}); a senha não pode ser removida.`,
              {
                field: 'server.loginPassword',
                fix: 'Mantenha uma senha, ou volte o endereço de escuta para 127.0.0.1 e reinicie o integrador antes de removê-la.',
              },
            )
          : undefined,
      );
      app.addHook('onClose', async () => {
        stopChecking();
      });
    }
  },
);
