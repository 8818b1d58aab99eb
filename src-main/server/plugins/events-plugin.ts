import type { FastifyPluginAsync } from 'fastify';
import type { ServerResponse } from 'node:http';
import { events, type EventName } from '../../contract';
import type { Runtime } from '../../runtime/create-runtime';
import { SECURITY_HEADERS } from '../security-headers';
import type { SessionAccess } from '../session-access';

export interface EventsOptions {
  runtime: Runtime;
  session: SessionAccess;
}

const HEARTBEAT_MS = 25_000;

/**
 * `GET /api/events`: the contract's events as Server-Sent Events, for a browser holding the session.
 * Open streams are hijacked from fastify, so its close() would wait for them forever: they end when the
 * server closes and when the login password changes (their session is no longer valid).
 */
export const eventsPlugin: FastifyPluginAsync<EventsOptions> = async (app, { runtime, session }) => {
  const streams = new Set<ServerResponse>();
  const endStreams = () => {
    for (const stream of streams) stream.end();
    streams.clear();
  };
  let loginPassword = session.loginPassword();
  const stopWatchingPassword = runtime.settings.onChange((settings) => {
    if (settings.server.loginPassword === loginPassword) return;
    loginPassword = settings.server.loginPassword;
    endStreams();
  });
  app.addHook('preClose', async () => {
    endStreams();
  });
  app.addHook('onClose', async () => {
    stopWatchingPassword();
  });

  app.get('/api/events', (request, reply) => {
    if (session.refuse(request, reply, false)) return;
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
    const heartbeat = setInterval(() => raw.write(': ping\n\n'), HEARTBEAT_MS);
    const stop = () => {
      streams.delete(raw);
      clearInterval(heartbeat);
      for (const off of unsubscribers) off();
    };
    request.raw.on('close', stop);
    raw.on('close', stop);
    raw.on('finish', stop);
  });
};
