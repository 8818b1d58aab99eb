import { describeWaiting } from '../engine/lease/lease-rules';
import type { Runtime } from '../runtime/create-runtime';
import { askHolder, hostLockAddress } from '../runtime/host-lock';
import { AppError } from '../shared/app-error';
import { CliFailure } from './output';

/**
 * `sync` beside an engine that holds the WinThor database (ADR 0310): refused before any run is announced,
 * worded for a person at a command line — the other engine runs the syncs; use its Painel or stop it.
 * Never "Assumir": that takes the database from a healthy engine (the engine's own refusal, meant for the
 * Painel, says it; engine-refusals.ts).
 */
export const refuseBesideActiveEngine = async (runtime: Runtime, dataDir: string): Promise<void> => {
  const lease = runtime.lease;
  if (!lease) return;
  await lease.ready();
  const standing = lease.standing();
  if (standing.kind !== 'waiting') return;
  const { holder } = standing;
  // The same data folder: its lock's holder says where its interface is.
  const local = await askHolder(hostLockAddress(dataDir)).catch(() => null);
  const pid = local?.pid ?? holder.pid;
  const who = pid !== null ? `o integrador no processo ${pid}` : 'o outro integrador';
  const painel = local?.url ? ` (${local.url})` : '';
  throw new CliFailure(
    `Em espera: ${describeWaiting(standing)}. Nenhuma sincronização roda por esta linha de comando: ${who} já roda as sincronizações deste banco.\n` +
      `Use "Executar agora" no Painel dele${painel}, ou pare-o antes e execute de novo.`,
    1,
  );
};

/**
 * The engine's standby refusal met during the runs (the lease lost meanwhile), reworded for the command
 * line: its own fix ("Assumir" on the Painel) is for a person at the Painel of a stopped engine.
 */
export const rewordForCli = (error: unknown): unknown =>
  error instanceof AppError && error.code === 'engine_standby'
    ? new CliFailure(
        `${error.message}\nUse "Executar agora" no Painel do integrador ativo neste banco, ou pare-o antes e execute de novo.`,
        1,
      )
    : error;
