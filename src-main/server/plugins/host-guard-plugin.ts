import type { FastifyPluginAsync } from 'fastify';
import type { Settings } from '../../contract';
import { isAllowedHost } from '../host-guard';
import { SECURITY_HEADERS } from '../security-headers';
import { unencapsulated } from './unencapsulated';

export interface HostGuardOptions extends Record<string, unknown> {
  serverSettings: () => Settings['server'];
}

/**
 * Every answer carries the security headers; a request whose Host is not an allowed name is refused
 * (DNS rebinding) before anything else runs.
 */
export const hostGuardPlugin: FastifyPluginAsync<HostGuardOptions> = unencapsulated(
  async (app, { serverSettings }) => {
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
    });
  },
);
