import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Settings } from '../contract';
import { CLIENT_HEADER, SESSION_COOKIE, sameSecret, sessionCookieValue } from './session-secret';

const cookieOptions = { httpOnly: true, sameSite: 'strict', path: '/' } as const;

/** The browser session of the HTTP host: the cookie bound to the login password, and who holds it. */
export interface SessionAccess {
  loginPassword(): string;
  loginRequired(): boolean;
  /** The cookie value valid now (it changes with the login password). */
  currentCookie(): string;
  hasSession(request: FastifyRequest): boolean;
  /** Hands the current session cookie to this browser. */
  giveCookie(reply: FastifyReply): void;
  /** Answers 401 (no session) or 403 (no client header) and returns true when the request may not go on. */
  refuse(request: FastifyRequest, reply: FastifyReply, needsClientHeader: boolean): boolean;
}

export const createSessionAccess = (
  serverSettings: () => Settings['server'],
  sessionSecret: string,
): SessionAccess => {
  const loginPassword = () => serverSettings().loginPassword;
  const currentCookie = () => sessionCookieValue(sessionSecret, loginPassword());
  const hasSession = (request: FastifyRequest) =>
    sameSecret(request.cookies[SESSION_COOKIE], currentCookie());
  return {
    loginPassword,
    loginRequired: () => loginPassword() !== '',
    currentCookie,
    hasSession,
    giveCookie: (reply) => {
      reply.setCookie(SESSION_COOKIE, currentCookie(), cookieOptions);
    },
    refuse: (request, reply, needsClientHeader) => {
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
    },
  };
};
