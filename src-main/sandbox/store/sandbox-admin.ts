import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultRule, FaultSet } from './faults';
import type { OrderBook } from './order-book';
import type { HourlyBudget } from './sandbox-budget';
import type { SandboxCatalog } from './sandbox-catalog';
import { errorBody, readBody, sendJson } from './sandbox-http';
import type { SandboxInspection } from './sandbox-inspection';
import { renderStorePage } from './sandbox-page';

/** The store's read-only page (pt-BR); the Painel links to it in the demo. */
export const STORE_PAGE_PATH = '/__sandbox/loja';

export interface AdminState {
  faults: FaultSet;
  budget: HourlyBudget;
  inspection: SandboxInspection;
  catalog: SandboxCatalog;
  orders: OrderBook;
  customers: ReadonlyArray<{ id: number; name: string }>;
  storeId: string;
  statusUpdates: ReadonlyArray<{ orderId: number; body: unknown }>;
}

/**
 * `/__sandbox/…` (no token; loopback only): switch faults, inspect what was received, the store's
 * identity (the demo recognises its own sandbox on a taken port) and its read-only page.
 */
export const handleAdmin = async (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  state: AdminState,
): Promise<void> => {
  const { faults, budget, inspection } = state;
  const path = url.pathname;
  if (path === STORE_PAGE_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
    const html = renderStorePage({ ...state, query: url.searchParams });
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(html),
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : html);
    return;
  }
  if (path === '/__sandbox/identity' && req.method === 'GET') {
    return sendJson(res, 200, { storeId: state.storeId });
  }
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
