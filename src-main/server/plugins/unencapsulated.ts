import type { FastifyPluginAsync } from 'fastify';

/**
 * A plugin whose hooks, parsers and routes belong to the instance that registers it, not to a child
 * context: fastify's documented `skip-override` property (what the fastify-plugin package sets). Used for
 * the hooks every request must pass (host guard, login gate).
 */
export const unencapsulated = <Options extends Record<string, unknown>>(
  plugin: FastifyPluginAsync<Options>,
): FastifyPluginAsync<Options> => Object.assign(plugin, { [Symbol.for('skip-override')]: true });
