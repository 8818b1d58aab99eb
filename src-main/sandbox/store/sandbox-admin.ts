import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultRule, FaultSet } from './faults';
import type { HourlyBudget } from './sandbox-budget';
import { errorBody, readBody, sendJson } from './sandbox-http';
import type { SandboxInspection } from './sandbox-inspection';

/** `/__sandbox/…` (no token; loopback only): switch faults, inspect what was received. */
export const handleAdmin = async (
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  state: { faults: FaultSet; budget: HourlyBudget; inspection: SandboxInspection },
): Promise<void> => {
  const { faults, budget, inspection } = state;
  if (path === '/__sandbox/faults' && req.method === 'POST') {
    const text = await readBody(req);
    try {
      const body = JSON.parse(text || '[]') as
        FaultRule | FaultRule[] | { clear?: boolean; faults?: FaultRule[] };
      if (!Array.isArray(body) && 'clear' in body && body.clear) faults.clear();
      const rules = Array.isArray(body)
        ? body
        : 'type' in body
          ? [body as FaultRule]
          : ((body as { faults?: FaultRule[] }).faults ?? []);
      faults.add(...rules);
      return sendJson(res, 200, { faults: faults.list() });
    } catch (error) {
      return sendJson(res, 400, errorBody(400, 'bad_fault', (error as Error).message));
    }
  }
  if (path === '/__sandbox/faults' && req.method === 'DELETE') {
    faults.clear();
    return sendJson(res, 200, { faults: [] });
  }
  if (path === '/__sandbox/inspect' && req.method === 'GET') {
    return sendJson(res, 200, {
      totalCalls: inspection.totalCalls(),
      counts: inspection.counts(),
      budget: budget.current(),
      faults: faults.list(),
      received: inspection.received.slice(-100),
    });
  }
  return sendJson(res, 404, errorBody(404, 'not_found', `Rota de administração desconhecida: ${path}`));
};
