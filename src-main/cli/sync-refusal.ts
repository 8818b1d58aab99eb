import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { describeWaiting, type LeaseHolderView } from '../engine/lease/lease-rules';
import type { Runtime } from '../runtime/create-runtime';
import { askHolder, hostLockAddress, type HostLockHolder } from '../runtime/host-lock';
import { AppError } from '../shared/app-error';
import { CliFailure } from './output';

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * This folder's lock holder when it is the lease holder itself — same process, on this machine, on this data
 * folder —, else null: another host's or folder's engine is not the one whose interface the lock names.
 */
export const localHolderIfLeaseHolder = (
  local: HostLockHolder | null,
  holder: LeaseHolderView,
  here: { hostName: string; dataDir: string },
): HostLockHolder | null =>
  local &&
  holder.pid !== null &&
  local.pid === holder.pid &&
  sameName(holder.hostName, here.hostName) &&
  sameName(resolve(holder.dataDir), resolve(here.dataDir))
    ? local
    : null;

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
  const local = localHolderIfLeaseHolder(
    await askHolder(hostLockAddress(dataDir)).catch(() => null),
    holder,
    { hostName: hostname(), dataDir },
  );
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
