import type { RunCountsDto, RUN_STATUSES, ScheduleJob, SyncPreview } from '../../contract';
import { jobLabel } from '../../engine/job-runner';
import { textTable } from '../text-table';

/** How one asked run ended, as `sync` reports it. `refused`: the engine did not start it (the message says why). */
export interface RunOutcome {
  branch: string;
  job: ScheduleJob;
  runId: number | null;
  status: (typeof RUN_STATUSES)[number] | 'refused';
  counts: RunCountsDto;
  message: string | null;
  durationMs: number;
}

/** Exit codes of `sync` (README's command table): the worst outcome wins. */
export const SYNC_EXIT = {
  /** Every run ended ok (or --preview printed). */
  ok: 0,
  /** A run failed, was cancelled or interrupted, or could not start (store not configured, job not available). */
  failed: 1,
  /** Every run ended, some with items left for later (pendências, or the store's budget kept for others). */
  partial: 7,
  /** Ctrl+C: the runs in progress were stopped at their next item. */
  interrupted: 130,
} as const;

export const exitCodeOf = (outcomes: readonly RunOutcome[], interrupted: boolean): number => {
  if (interrupted) return SYNC_EXIT.interrupted;
  if (outcomes.some((o) => o.status !== 'ok' && o.status !== 'partial')) return SYNC_EXIT.failed;
  if (outcomes.some((o) => o.status === 'partial')) return SYNC_EXIT.partial;
  return SYNC_EXIT.ok;
};

const STATUS_LABEL: Record<RunOutcome['status'], string> = {
  running: 'em execução',
  ok: 'ok',
  partial: 'parcial',
  failed: 'falhou',
  cancelled: 'cancelada',
  interrupted: 'interrompida',
  refused: 'não iniciada',
};

export const statusLabel = (status: RunOutcome['status']): string => STATUS_LABEL[status];

/** The counts of a run, in the order and with the words of the Painel. */
const COUNT_COLUMNS: Array<[keyof RunCountsDto, string]> = [
  ['read', 'Lidos'],
  ['changed', 'Alterados'],
  ['sent', 'Enviados'],
  ['unchanged', 'Sem alteração'],
  ['deferred', 'Adiados'],
  ['failed', 'Com falha'],
  ['hidden', 'Ocultados'],
  ['starved', 'Sem orçamento'],
  ['storeCalls', 'Chamadas à loja'],
];

export const zeroCounts = (): RunCountsDto => ({
  read: 0,
  changed: 0,
  sent: 0,
  unchanged: 0,
  deferred: 0,
  failed: 0,
  hidden: 0,
  starved: 0,
  storeCalls: 0,
});

export const totalCounts = (outcomes: readonly RunOutcome[]): RunCountsDto => {
  const total = zeroCounts();
  for (const outcome of outcomes) for (const [key] of COUNT_COLUMNS) total[key] += outcome.counts[key] ?? 0;
  return total;
};

/** Seconds with a decimal comma: 1234 ms → "1,2 s". */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1).replace('.', ',')} s`;

/** The pt-BR report of `sync`: one row per run with its counts (store calls included), totals, what went wrong. */
export const formatRuns = (
  outcomes: readonly RunOutcome[],
  where: string,
  exitCode: number,
  totalMs: number,
): string => {
  const header = ['Filial', 'Tarefa', 'Execução', 'Situação', ...COUNT_COLUMNS.map(([, t]) => t), 'Duração'];
  const rows = outcomes.map((o) => [
    o.branch,
    jobLabel(o.job),
    o.runId === null ? '-' : String(o.runId),
    statusLabel(o.status),
    ...COUNT_COLUMNS.map(([key]) => o.counts[key] ?? 0),
    seconds(o.durationMs),
  ]);
  const total = totalCounts(outcomes);
  const footer = ['Total', '', '', '', ...COUNT_COLUMNS.map(([key]) => total[key]), seconds(totalMs)];
  const problems = outcomes
    .filter((o) => o.status !== 'ok' && o.message)
    .map((o) => `Filial ${o.branch} · ${jobLabel(o.job)} (${statusLabel(o.status)}): ${o.message}`);
  return [
    `Sincronização — ${where}`,
    textTable(header, rows, { footer }),
    ...(problems.length ? ['', ...problems] : []),
    '',
    CONCLUSION[exitCode] ?? `Terminou com o código ${exitCode}.`,
  ].join('\n');
};

const CONCLUSION: Record<number, string> = {
  [SYNC_EXIT.ok]: 'Todas as execuções terminaram bem.',
  [SYNC_EXIT.failed]:
    'Alguma execução falhou ou não começou (código de saída 1): veja a mensagem acima e as pendências no Painel.',
  [SYNC_EXIT.partial]:
    'Execuções concluídas com itens para depois (código de saída 7): veja as pendências no Painel.',
  [SYNC_EXIT.interrupted]:
    'Interrompido (Ctrl+C): o que faltou fica na fila para a próxima execução (código de saída 130).',
};

const ACTION_LABEL: Record<SyncPreview['actions'][number]['action'], string> = {
  create: 'criar',
  update: 'atualizar',
  hide: 'ocultar',
  unchanged: 'sem alteração',
  problem: 'com problema (pendência)',
  deferred: 'aguardando categoria',
};

const ENTITY_LABEL: Record<string, string> = {
  categories: 'Categorias',
  products: 'Produtos',
  prices: 'Preços',
  stock: 'Estoque',
  all: 'Todos',
};

/** The pt-BR report of `sync --preview`: what the first sync of each branch would send, no store call made. */
export const formatPreviews = (previews: readonly SyncPreview[], where: string): string =>
  [
    `Prévia da sincronização (nenhuma chamada à loja) — ${where}`,
    ...previews.flatMap((preview) => [
      '',
      `Filial ${preview.branch}`,
      textTable(
        ['Item', 'Ação', 'Quantidade'],
        preview.actions.map((a) => [ENTITY_LABEL[a.entity] ?? a.entity, ACTION_LABEL[a.action], a.count]),
      ),
      `Chamadas à loja previstas: ${preview.storeCalls} — cerca de ${preview.estimatedMinutes} min a ${preview.hourlyLimit} chamadas por hora.`,
    ]),
  ].join('\n');
