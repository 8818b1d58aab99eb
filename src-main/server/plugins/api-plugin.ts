import type { FastifyPluginAsync } from 'fastify';
import { httpStatusOfError } from '../../api/error-status';
import type { Runtime } from '../../runtime/create-runtime';
import type { SessionAccess } from '../session-access';

export interface ApiOptions {
  runtime: Runtime;
  session: SessionAccess;
}

/** Methods that can change the login password, so the caller's session cookie with it. */
const SETTINGS_WRITES = new Set(['settings.update', 'settings.import']);

/** `POST /api/<method>`: the contract's methods, for a browser holding the session and the client header. */
export const apiPlugin: FastifyPluginAsync<ApiOptions> = async (app, { runtime, session }) => {
  app.post<{ Params: { method: string } }>('/api/:method', async (request, reply) => {
    if (session.refuse(request, reply, true)) return reply;
    const cookieBefore = session.currentCookie();
    const envelope = await runtime.api.call(request.params.method, request.body ?? {}, { origin: 'http' });
    // The user who changed the login password (holding a valid session) keeps a session under the new one;
    // every other session ends.
    if (
      envelope.ok &&
      SETTINGS_WRITES.has(request.params.method) &&
      session.currentCookie() !== cookieBefore
    ) {
      session.giveCookie(reply);
    }
    if (!envelope.ok) {
      return reply.code(httpStatusOfError(envelope.error.code)).send(envelope);
    }
    return reply.send(envelope);
  });
};
