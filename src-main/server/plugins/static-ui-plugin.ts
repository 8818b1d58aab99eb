import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loginPage, uiMissingPage } from '../login-page';
import type { SessionAccess } from '../session-access';

export interface StaticUiOptions {
  /** Folder with the built UI (index.html + assets). */
  uiDir: string;
  session: SessionAccess;
}

/**
 * The built UI: `/` hands out the session cookie with index.html (or shows the login page when a password is
 * set and the browser has no session yet), the assets are served from uiDir.
 */
export const staticUiPlugin: FastifyPluginAsync<StaticUiOptions> = async (app, { uiDir, session }) => {
  const indexFile = join(uiDir, 'index.html');
  const sendIndex = (reply: FastifyReply) => {
    if (!existsSync(indexFile)) return reply.type('text/html; charset=utf-8').send(uiMissingPage());
    return reply.type('text/html; charset=utf-8').send(readFileSync(indexFile, 'utf8'));
  };

  app.get('/', async (request, reply) => {
    if (session.loginRequired() && !session.hasSession(request))
      return reply.type('text/html; charset=utf-8').send(loginPage());
    session.giveCookie(reply);
    return sendIndex(reply);
  });

  if (existsSync(uiDir)) {
    await app.register(fastifyStatic, { root: uiDir, index: false, wildcard: true });
  }
};
