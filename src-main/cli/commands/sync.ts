import type { Command } from 'commander';
import { SCHEDULE_JOBS, type ScheduleJob, type SyncOverview, type SyncRunEvent } from '../../contract';
import { PRIORITY } from '../../engine/budget-governor';
import { jobLabel } from '../../engine/job-runner';
import { withCommandRuntime } from '../../runtime/command-runtime';
import type { Runtime } from '../../runtime/create-runtime';
import { startDemo } from '../../runtime/demo';
import { commandDataDir } from '../command-data-dir';
import { refuseBesideActiveEngine, rewordForCli } from '../sync-refusal';
import { CliFailure, printResult, type GlobalOptions } from '../output';
import { describeTarget } from './db-target';
import {
  exitCodeOf,
  formatPreviews,
  formatRuns,
  seconds,
  statusLabel,
  SYNC_EXIT,
  totalCounts,
  zeroCounts,
  type RunOutcome,
} from './sync-report';

interface SyncOptions {
  branch?: string;
  preview?: boolean;
  demo?: boolean;
}

/**
 * The order of the runs: the store budget's priority (engine/budget-governor.ts), except that categories
 * go right before products — a product whose category the store does not have yet is only deferred, so
 * in a one-shot run the category must go first. Named tasks run in this order too.
 */
export const RUN_ORDER: readonly ScheduleJob[] = (() => {
  const order: ScheduleJob[] = PRIORITY.filter((job) => job !== 'categories');
  order.splice(order.indexOf('products'), 0, 'categories');
  return order;
})();

const parseJobs = (names: readonly string[]): ScheduleJob[] => {
  const unknown = names.filter((name) => !(SCHEDULE_JOBS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new CliFailure(
      `Tarefa desconhecida: ${unknown.join(', ')}. Use uma ou mais de: ${RUN_ORDER.join(', ')} (ou nenhuma, para todas as agendadas).`,
      2,
    );
  }
  return RUN_ORDER.filter((job) => names.includes(job));
};

/** Branch → jobs to run, from the API's overview: named jobs, or every available job with an enabled schedule. */
const plan = (
  overview: SyncOverview,
  options: SyncOptions,
  named: ScheduleJob[],
): Array<{ branch: string; jobs: ScheduleJob[] }> => {
  if (options.branch !== undefined && !overview.branches.some((b) => b.branch === options.branch)) {
    throw new CliFailure(
      `Filial ${options.branch} não está configurada. Filiais configuradas: ${overview.branches.map((b) => b.branch).join(', ') || 'nenhuma'}.`,
      2,
    );
  }
  return overview.branches
    .filter((b) => (options.branch !== undefined ? b.branch === options.branch : b.enabled))
    .map((b) => ({
      branch: b.branch,
      jobs: named.length
        ? named
        : RUN_ORDER.filter((job) => b.jobs.some((j) => j.job === job && j.available && j.scheduled)),
    }))
    .filter((entry) => entry.jobs.length > 0);
};

/** The "finished" event of each run, whenever it comes (subscribed before the first run starts). */
const watchRuns = (runtime: Runtime) => {
  const done = new Map<number, SyncRunEvent>();
  const waiting = new Map<number, (event: SyncRunEvent) => void>();
  const off = runtime.events.on('sync.run', (event) => {
    if (event.phase !== 'finished') return;
    const waiter = waiting.get(event.runId);
    if (waiter) waiter(event);
    else done.set(event.runId, event);
  });
  return {
    finished: (runId: number): Promise<SyncRunEvent> =>
      new Promise((resolve) => {
        const event = done.get(runId);
        if (event) resolve(event);
        else waiting.set(runId, resolve);
      }),
    close: off,
  };
};

/** One run through the API: `sync.run` for one branch and job, then its "finished" event. */
const runOne = async (
  runtime: Runtime,
  runs: ReturnType<typeof watchRuns>,
  branch: string,
  job: ScheduleJob,
): Promise<RunOutcome> => {
  const started = Date.now();
  const result = await runtime.api.invoke('sync.run', { branch, job }, { origin: 'cli' });
  const ticket = result.started[0] ?? result.alreadyRunning[0];
  if (!ticket) {
    return {
      branch,
      job,
      runId: null,
      status: 'refused',
      counts: zeroCounts(),
      message: result.refused[0]?.message ?? 'A execução não começou.',
      durationMs: Date.now() - started,
    };
  }
  const event = await runs.finished(ticket.runId);
  return {
    branch,
    job,
    runId: ticket.runId,
    status: event.status,
    counts: event.counts,
    message: event.message,
    durationMs: Date.now() - started,
  };
};

const runAll = async (
  runtime: Runtime,
  options: SyncOptions,
  named: ScheduleJob[],
  globals: GlobalOptions,
  where: string,
): Promise<void> => {
  const work = plan(await runtime.api.invoke('sync.overview', {}, { origin: 'cli' }), options, named);
  if (work.length === 0) {
    throw new CliFailure(
      'Nada a executar: nenhuma filial ativa tem agendamento habilitado de uma tarefa disponível. Informe as tarefas (ex.: sync reconcile) ou habilite os agendamentos em Configuração › Agendamento.',
      1,
    );
  }
  const runs = watchRuns(runtime);
  let interrupted = false;
  const interrupt = () => {
    interrupted = true;
    void runtime.engine.stop(); // each run stops at its next item; what is left stays queued
  };
  process.once('SIGINT', interrupt);
  const outcomes: RunOutcome[] = [];
  const started = Date.now();
  try {
    for (const { branch, jobs } of work) {
      for (const job of jobs) {
        if (interrupted) break;
        if (!globals.json) process.stderr.write(`Filial ${branch} · ${jobLabel(job)}: em execução…\n`);
        const outcome = await runOne(runtime, runs, branch, job).catch((error: unknown) => {
          throw rewordForCli(error);
        });
        outcomes.push(outcome);
        if (!globals.json)
          process.stderr.write(
            `Filial ${branch} · ${jobLabel(job)}: ${statusLabel(outcome.status)} (${outcome.counts.storeCalls} chamadas à loja, ${seconds(outcome.durationMs)}).\n`,
          );
      }
    }
  } finally {
    process.off('SIGINT', interrupt);
    runs.close();
  }
  const durationMs = Date.now() - started;
  const exitCode = exitCodeOf(outcomes, interrupted);
  printResult(globals, formatRuns(outcomes, where, exitCode, durationMs), {
    ok: exitCode === SYNC_EXIT.ok,
    exitCode,
    runs: outcomes,
    totals: totalCounts(outcomes),
    durationMs,
  });
  if (exitCode !== SYNC_EXIT.ok) {
    const message =
      exitCode === SYNC_EXIT.partial
        ? 'Sincronização concluída com itens para depois.'
        : exitCode === SYNC_EXIT.interrupted
          ? 'Sincronização interrompida.'
          : 'Alguma execução falhou ou não começou.';
    throw new CliFailure(message, exitCode, undefined, true);
  }
};

const previewAll = async (
  runtime: Runtime,
  options: SyncOptions,
  globals: GlobalOptions,
  where: string,
): Promise<void> => {
  const overview = await runtime.api.invoke('sync.overview', {}, { origin: 'cli' });
  const branches = plan(overview, options, [...SCHEDULE_JOBS]).map((entry) => entry.branch);
  if (branches.length === 0)
    throw new CliFailure('Nenhuma filial ativa para a prévia. Informe --branch ou ative uma filial.', 1);
  const previews = [];
  for (const branch of branches)
    previews.push(await runtime.api.invoke('sync.preview', { branch }, { origin: 'cli' }));
  printResult(globals, formatPreviews(previews, where), { ok: true, previews });
};

/**
 * `sync [tarefas…]`: runs the jobs once through the API (`sync.run`, waiting for each run's end) and prints
 * their counts; `--preview` prints `sync.preview` instead (no store call). One-shot: no scheduler starts.
 */
export const registerSync = (program: Command): void => {
  program
    .command('sync')
    .description(
      `Sincroniza agora, uma vez, e mostra as contagens de cada execução (inclusive chamadas à loja). Sem tarefas: todas as disponíveis com agendamento habilitado, na ordem de prioridade. Saída: 0 = tudo ok; 1 = alguma execução falhou ou não começou; 7 = concluída com itens para depois (pendências ou limite da loja); 130 = interrompida (Ctrl+C).`,
    )
    .argument('[tarefas...]', `tarefas: ${RUN_ORDER.join(', ')}`)
    .option('--branch <filial>', 'só esta filial (padrão: todas as filiais ativas)')
    .option('--preview', 'mostra a prévia da sincronização (sync.preview), sem chamar a loja', false)
    .option('--demo', 'usa a demonstração embutida (banco de demonstração e loja sandbox)', false)
    .action(async (names: string[], options: SyncOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const named = parseJobs(names);
      if (options.preview && named.length > 0)
        throw new CliFailure(
          '--preview mostra a sincronização completa da filial: não informe tarefas junto com --preview.',
          2,
        );
      const demo = options.demo ?? false;
      const dataDir = commandDataDir(globals, demo);
      await withCommandRuntime(
        { dataDir, settings: demo ? 'demo' : 'data-dir', engine: 'one-shot' },
        async (runtime) => {
          // --demo: the demo parts (WinThor schema, store sandbox with its saved state) as `serve --demo`.
          const stopDemo = demo ? await startDemo(runtime, { shareRunningStore: true }) : async () => {};
          try {
            // Beside an engine that holds the database: refused before "em execução" is printed.
            if (!options.preview) await refuseBesideActiveEngine(runtime, dataDir);
            const where = describeTarget(runtime.settings.get(), demo);
            if (options.preview) await previewAll(runtime, options, globals, where);
            else await runAll(runtime, options, named, globals, where);
          } finally {
            await runtime.engine.stop();
            await stopDemo();
          }
        },
      );
    });
};
