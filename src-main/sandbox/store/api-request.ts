import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultSet } from './faults';
import type { Router } from './routes/route-table';
import type { HourlyBudget } from './sandbox-budget';
import { errorBody, readBody, sendJson } from './sandbox-http';
import type { SandboxInspection } from './sandbox-inspection';

export const API_PREFIX = '/api/v1/';

export interface ApiRequestContext {
  token: string;
  now: () => number;
  budget: HourlyBudget;
  faults: FaultSet;
  inspection: SandboxInspection;
  route: Router;
}

/**
 * One API request as the store would treat it, around the resource routes: the Bearer check, the hourly
 * budget (x-apilimit-remaining, 429 + Retry-After), the switched-on faults (before or after processing),
 * then the route's answer.
 */
export const handleApiRequest = async (
  context: ApiRequestContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> => {
  const { token, now, budget, faults, inspection } = context;
  const method = (req.method ?? 'GET').toUpperCase();
  const done = inspection.started();
  res.once('finish', done);
  res.once('close', done);
  const text = await readBody(req);
  if (!url.pathname.startsWith(API_PREFIX) && url.pathname !== API_PREFIX.slice(0, -1)) {
    res.writeHead(404, { 'Content-Type': 'text/html' });
    res.end('<html><body><h1>Página não encontrada</h1></body></html>');
    return;
  }
  const path = url.pathname.slice(API_PREFIX.length).replace(/\/+$/, '');
  let body: unknown = undefined;
  const record = (status: number) =>
    inspection.record({ method, path, query: url.search, body, status, at: now() });
  const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
    record(status);
    sendJson(res, status, payload, headers);
  };

  const { latencyMs, failure } = faults.take(method, path);
  if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
  const loseAnswer = (): void => {
    record(0);
    if (failure?.type === 'reset') req.socket.destroy();
    // 'hang': never answers.
  };
  const lost = failure?.type === 'reset' || failure?.type === 'hang';
  if (lost && !failure.after) return loseAnswer();

  if (req.headers.authorization !== `Bearer ${token}`) {
    return reply(401, errorBody(401, 'unauthorized', 'Token de acesso inválido ou ausente.'));
  }
  inspection.countCall(`${method} ${path}`);

  const current = budget.current();
  const limitHeaders: Record<string, string> = {};
  if (current) {
    if (current.remaining <= 0) {
      const retryAfter = Math.max(1, Math.ceil((current.resetsAt - now()) / 1000));
      return reply(429, errorBody(429, 'too_many_requests', 'Limite de requisições por hora excedido.'), {
        'Retry-After': String(retryAfter),
        'x-apilimit-remaining': `${current.limit}/0`,
      });
    }
    limitHeaders['x-apilimit-remaining'] = `${current.limit}/${budget.spend()}`;
  }

  if (failure?.type === 'server-error' && !failure.after) {
    const status = failure.status ?? 500;
    return reply(
      status,
      errorBody(status, 'internal_error', 'Erro ao processar a requisição (falha simulada).'),
      limitHeaders,
    );
  }
  if (failure?.type === 'rate-limit') {
    return reply(429, errorBody(429, 'too_many_requests', 'Muitas requisições (falha simulada).'), {
      ...limitHeaders,
      'Retry-After': String(failure.retryAfterSeconds ?? 1),
    });
  }
  if (failure?.type === 'error-200') {
    return reply(
      200,
      errorBody(
        failure.status ?? 500,
        'processing_error',
        'Erro de processamento (corpo de erro com HTTP 200).',
      ),
      limitHeaders,
    );
  }
  if (failure?.type === 'non-json') {
    record(200);
    res.writeHead(200, { 'Content-Type': 'text/html', ...limitHeaders });
    res.end('<html><body>Manutenção programada</body></html>');
    return;
  }

  if (text.trim()) {
    try {
      body = JSON.parse(text);
    } catch {
      return reply(
        400,
        errorBody(400, 'invalid_json', 'O corpo da requisição não é JSON válido.'),
        limitHeaders,
      );
    }
  }
  const result = context.route(method, path, url.searchParams, body);
  // Processed, then the answer is lost (`after: true`).
  if (lost) return loseAnswer();
  if (failure?.type === 'server-error') {
    const status = failure.status ?? 500;
    return reply(
      status,
      errorBody(status, 'internal_error', 'Erro depois de processar a requisição (falha simulada).'),
      limitHeaders,
    );
  }
  if (failure?.type === 'truncated-json') {
    record(result.status);
    const full = JSON.stringify(result.body ?? {});
    res.writeHead(result.status, { 'Content-Type': 'application/json', ...limitHeaders, ...result.headers });
    res.end(full.slice(0, Math.max(1, Math.floor(full.length / 2))));
    return;
  }
  return reply(result.status, result.body, { ...limitHeaders, ...result.headers });
};
