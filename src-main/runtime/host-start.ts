import { AppError } from '../shared/app-error';
import type { Runtime } from './create-runtime';
import { checkDataFolderVersion } from './data-folder-version';
import { acquireHostLock, type HostLock, type HostLockHolder } from './host-lock';
import type { EngineHold } from '../engine/alerts/alert-facts';
import type { AlertMonitor } from '../engine/alerts/alert-monitor';
import {
  bringSchemaUpToDate,
  SchemaFromNewerVersionError,
  type SchemaStartOptions,
  type SchemaStartOutcome,
} from './schema-at-start';

/** Exit code of a host that found its data folder used by another host (ADR 0306). */
export const DATA_FOLDER_IN_USE_EXIT_CODE = 4;

const SERVICE_NAME = 'IntegradorWinThorCiashop';

/** What holds the folder, as the lock's holder says it ("em uso pelo …", "em uso por outro …"). */
/**
 * A headless holder written by a version before the lock said `service` (undefined, not false): on Windows it
 * may be the service as well as a `serve` in a terminal.
 */
const maybeService = (holder: HostLockHolder, platform: NodeJS.Platform): boolean =>
  platform === 'win32' && holder.host === 'headless' && !holder.demo && holder.service === undefined;

const describeHolder = (holder: HostLockHolder | null, platform: NodeJS.Platform): string => {
  if (!holder)
    return platform === 'win32'
      ? 'por outro integrador (de outra conta do Windows, ou o serviço)'
      : 'por outro integrador (de outro usuário)';
  const who =
    holder.host === 'desktop'
      ? 'pelo aplicativo de área de trabalho'
      : holder.service
        ? `pelo serviço do Windows ${SERVICE_NAME}`
        : maybeService(holder, platform)
          ? `pelo serviço do Windows ou serve (${SERVICE_NAME} ou um serve num terminal)`
          : holder.demo
            ? 'pela demonstração sem janela (serve --demo)'
            : 'pelo integrador sem janela (serve)';
  const where = holder.url ? `, interface em ${holder.url}` : '';
  return `${who} ${holder.version} (processo ${holder.pid}, desde ${holder.startedAt}${where})`;
};

/** How to free the folder, by what holds it and where this runs. */
const describeFix = (holder: HostLockHolder | null, platform: NodeJS.Platform): string => {
  if (holder?.host === 'desktop')
    return 'Feche o aplicativo (menu da bandeja → Sair) antes de iniciar o serviço, ou use só o aplicativo.';
  const ui = `Use a interface do integrador que já está rodando${holder?.url ? ` (${holder.url})` : ''}`;
  if (holder?.service || (!holder && platform === 'win32'))
    return `${ui}, ou pare o serviço antes (nssm stop ${SERVICE_NAME}).`;
  if (!holder) return `${ui}, ou encerre-o antes.`;
  // Never "o processo N" when it may be the service: NSSM would start it again.
  if (maybeService(holder, platform))
    return `${ui}, ou encerre-o antes: se for o serviço, nssm stop ${SERVICE_NAME}; se for um serve num terminal, Ctrl+C nele.`;
  return `${ui}, ou encerre-o antes (Ctrl+C no terminal dele, ou o processo ${holder.pid}).`;
};

/** Another host (the service, the desktop app, the demo) already runs on this data folder. */
export class DataFolderInUseError extends AppError {
  readonly exitCode = DATA_FOLDER_IN_USE_EXIT_CODE;

  constructor(
    dataDir: string,
    readonly holder: HostLockHolder | null,
    platform: NodeJS.Platform = process.platform,
  ) {
    super(
      'data_folder_in_use',
      `A pasta de dados ${dataDir} já está em uso ${describeHolder(holder, platform)}. Um só integrador por pasta de dados: dois enviariam cada alteração duas vezes.`,
      { fix: describeFix(holder, platform) },
    );
  }
}

/**
 * The first thing a host does with its data folder: take it (one host per folder) and refuse to run an app
 * older than the last one that used it. Nothing in the folder has been read when either refusal is thrown.
 */
export const claimDataFolder = async (
  dataDir: string,
  who: { host: HostLockHolder['host']; version: string; demo?: boolean; service?: boolean; now?: Date },
): Promise<HostLock> => {
  const now = who.now ?? new Date();
  const result = await acquireHostLock(dataDir, {
    pid: process.pid,
    host: who.host,
    ...(who.demo ? { demo: true } : {}),
    ...(who.service ? { service: true } : {}),
    version: who.version,
    startedAt: now.toISOString(),
  });
  if (!result.ok) throw new DataFolderInUseError(dataDir, result.holder);
  try {
    checkDataFolderVersion(dataDir, who.version, now);
  } catch (error) {
    await result.lock.release();
    throw error;
  }
  return result.lock;
};

/** How often a held engine looks at the schema again. */
const RECHECK_MS = 60_000;

/**
 * Brings the integration schema up to date (schema-at-start.ts), then starts the engine — paused when the
 * schema is still behind or could not be read. A paused engine looks again every minute, without asking
 * anyone: it resumes once the database answers with the schema current (brought up to date here when the
 * host may do it without asking — the service —, by "Criar Tabelas…" or by the DBA's script meanwhile).
 * Throws, engine not started, when the schema belongs to a newer version.
 */
export const startEngineAfterSchemaCheck = async (
  runtime: Pick<Runtime, 'api' | 'engine'> &
    Partial<Pick<Runtime, 'lease'>> & { alerts?: Pick<AlertMonitor, 'engineHeld'> | null },
  options: SchemaStartOptions & { recheckMs?: number; updateWithoutAsking?: boolean },
): Promise<SchemaStartOutcome> => {
  // The operator hears of a held engine (alert, tray, Painel) and of its release (ADR 0034).
  const tell = (hold: EngineHold | null) => {
    runtime.engine.setSchemaHold(hold?.reason ?? null);
    void runtime.alerts?.engineHeld(hold).catch(() => {});
  };
  const onHold = (hold: EngineHold) => {
    options.onHold?.(hold);
    tell(hold);
  };
  const outcome = await bringSchemaUpToDate(runtime.api, { ...options, onHold });
  // Tables just brought to version 8 have the lease: claim it now, not at the next renewal (ADR 0310).
  if (runtime.lease?.isStarted()) void runtime.lease.look();
  runtime.engine.start();
  if (outcome === 'run') {
    tell(null); // held before a restart (the alerts' state file): released now
    return outcome;
  }
  runtime.engine.pause();
  const timer = setInterval(() => {
    void (async () => {
      const again = await bringSchemaUpToDate(runtime.api, {
        log: options.log,
        onHold,
        // The person was asked at start; a later look never opens a dialog.
        confirm: async () => options.updateWithoutAsking === true,
      }).catch((error: unknown) => {
        options.log('error', (error as Error)?.message ?? String(error));
        if (error instanceof SchemaFromNewerVersionError)
          onHold({ reason: 'newer', installed: error.installed, target: error.target });
        return 'hold' as const;
      });
      if (again !== 'run') return;
      clearInterval(timer);
      if (runtime.lease?.isStarted()) void runtime.lease.look();
      options.log('info', 'Tabelas da integração em dia: a sincronização continua.');
      tell(null); // first: the engine resumed by the check is not a person's resume
      runtime.engine.resume();
    })();
  }, options.recheckMs ?? RECHECK_MS);
  timer.unref();
  return outcome;
};
