import type { BudgetLeft } from '../ciashop/api-budget';
import { StoreError } from '../ciashop/store-error';
import type { ScheduleJob } from '../contract';
import type { RunStatus } from '../winthor';
import type { RunCounts } from './run-counts';

/** How a run is told in pt-BR: the job's name, its one-line summary, why it was partial. */
const JOB_LABEL: Record<ScheduleJob, string> = {
  categories: 'Categorias',
  products: 'Produtos',
  prices: 'Preços',
  stock: 'Estoque',
  customers: 'Clientes',
  orders: 'Pedidos',
  orderStatus: 'Posição do pedido',
  reconcile: 'Reconciliação',
};

export const jobLabel = (job: ScheduleJob): string => JOB_LABEL[job];

export const summaryLine = (
  run: { job: ScheduleJob; branch: string; runId: number; counts: RunCounts },
  status: RunStatus,
): string => {
  const c = run.counts;
  return `${JOB_LABEL[run.job]} (filial ${run.branch}, execução ${run.runId}): ${status} — lidos ${c.read}, alterados ${c.changed}, enviados ${c.sent}, sem alteração ${c.unchanged}, adiados ${c.deferred}, com falha ${c.failed}, ocultados ${c.hidden}, sem orçamento ${c.starved}, chamadas à loja ${c.storeCalls}.`;
};

/**
 * When a run stopped because the store said "stop" (429 with a Retry-After longer than a call waits through:
 * its hourly budget is out), what the run's message says; null for any other error (ADR 0033). Only the
 * store budget's own block says so (`budget.blockedUntil`, set from the long Retry-After, capped at an hour):
 * a short Retry-After that used up the retries, or our own spacing with no 429 at all, is a failure.
 */
export const storePause = (error: unknown, budget: BudgetLeft): string | null => {
  if (!(error instanceof StoreError) || error.kind !== 'rate_limited') return null;
  if (budget.blockedUntil == null) return null;
  const until = new Date(budget.blockedUntil);
  const when = ` até ${until.toLocaleTimeString('pt-BR', { hour: '2-digit', minute: '2-digit' })}`;
  return `Limite de chamadas da loja esgotado: a loja respondeu 429 e pediu uma pausa${when}; o que faltou fica para a próxima execução.`;
};

export const partialMessage = (counts: RunCounts): string => {
  const parts: string[] = [];
  if (counts.failed > 0) parts.push(`${counts.failed} item(ns) com pendência`);
  if (counts.starved > 0)
    parts.push(
      `${counts.starved} item(ns) ficaram para a próxima execução: o limite de chamadas da loja está reservado para tarefas de maior prioridade`,
    );
  return `${parts.join('; ')}.`;
};
