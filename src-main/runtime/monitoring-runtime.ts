import type { MonitorHealth, Settings } from '../contract';
import { alertBudgetOf } from './painel-budget';
import { SELF_RETRYING } from '../engine/alerts/pending-attention';
import type { StoreClientRegistry } from '../ciashop/store-registry';
import { AlertMonitor } from '../engine/alerts/alert-monitor';
import type { AlertPorts } from '../engine/alerts/alert-ports';
import type { AlertStateStore } from '../engine/alerts/alert-state';
import { entityOfJob } from '../engine/monitoring/entity-jobs';
import { purgeOldRows, type PurgeTarget } from '../engine/monitoring/retention';
import type { OutgoingMail, SentMail, SmtpServer } from '../mail/smtp-mailer';
import {
  countBranchBacklog,
  countOpenPendings,
  getLog,
  groupPendings,
  listLogs,
  listPendings,
  listPendingsAfter,
  openPendingKinds,
  purgeLogs,
  purgePendingEvents,
  purgeResolvedPendings,
  purgeRuns,
  runsSince,
  writeLogs,
  type Db,
  type LogRecord,
} from '../winthor';
import type { DatabaseService } from '../winthor/database-service';
import type { EventBus } from './event-bus';

/** The fix a log line's details carry (JSON with `fix`), if any. */
const fixOf = (details: string | null | undefined): string | null => {
  try {
    const parsed = details ? (JSON.parse(details) as { fix?: unknown }) : {};
    return typeof parsed.fix === 'string' ? parsed.fix : null;
  } catch {
    return null;
  }
};

export interface MonitoringRuntimeOptions {
  settings: () => Settings;
  database: DatabaseService;
  stores: StoreClientRegistry;
  events: EventBus;
  send: (server: SmtpServer, mail: OutgoingMail) => Promise<SentMail>;
  state: AlertStateStore;
  now: () => Date;
  /** The host's local log (alerts must be told even when the database is down). */
  log: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** A log line for the live tail (and, when the database answers, for WTC_LOG). */
  logLine: (line: LogRecord) => void;
}

const PURGES: Record<PurgeTarget, (db: Db, cutoff: Date, batch: number) => Promise<number>> = {
  logs: purgeLogs,
  runs: purgeRuns,
  pendingEvents: purgePendingEvents,
  resolvedPendings: purgeResolvedPendings,
};

/** Alerts and retention on the WinThor database and SMTP: the ports of the AlertMonitor, the purge. */
export const createMonitoring = (options: MonitoringRuntimeOptions) => {
  const { database, now } = options;
  const ports: AlertPorts = {
    settings: options.settings,
    now,
    probeDatabase: async () => {
      try {
        await database.use((db) => db.queryOne(`SELECT 1 AS N${db.dialect.fromDual}`));
        return 'ok';
      } catch (error) {
        if ((error as { code?: string })?.code === 'db_not_configured') return 'unconfigured';
        throw error;
      }
    },
    openPendingKinds: () => database.use((db) => openPendingKinds(db, SELF_RETRYING)),
    pendingsOfKind: (kind, afterId, limit) =>
      database.use((db) =>
        afterId === null
          ? listPendings(db, { kind, limit }) // the starting point: the newest of the kind, whatever its status
          : listPendingsAfter(db, kind, afterId, limit),
      ),
    runFailure: (runId) =>
      database.use(async (db) => {
        // The run's first error line says what failed (its details carry the fix); the last is its summary.
        const errors = (await listLogs(db, { runId, level: 'error' }, { limit: 10 })).lines;
        const line = errors.at(-1);
        if (!line?.id) return { message: null, fix: null };
        const details = (await getLog(db, line.id))?.details;
        return { message: line.message, fix: fixOf(details) };
      }),
    itemsWaiting: async (branch, job) => {
      const entity = entityOfJob(job);
      if (!entity) return undefined;
      return database.use(async (db) => {
        const backlog = await countBranchBacklog(db, branch);
        const open = await countOpenPendings(db, branch);
        return (backlog[entity] ?? 0) + (open[entity] ?? 0);
      });
    },
    budget: (branch) => {
      try {
        return alertBudgetOf(options.stores, branch.code);
      } catch {
        return null;
      }
    },
    dailySummary: (branch, since) =>
      database.use(async (db) => {
        const runs = await runsSince(db, since, branch);
        const count = (status: string) => runs.filter((run) => run.status === status).length;
        return {
          runs: { ok: count('ok'), partial: count('partial'), failed: count('failed') },
          storeCalls: runs.reduce((sum, run) => sum + (run.counts.storeCalls ?? 0), 0),
          openPendings: (await groupPendings(db, { status: 'open', branch })).slice(0, 10),
        };
      }),
    send: options.send,
    state: options.state,
    log: (level, message, branch) =>
      options.logLine({ at: now(), level, branch, entity: 'alerts', runId: null, message, details: null }),
    emit: (event) => options.events.emit('alert.raised', event),
    healthChanged: (health: MonitorHealth) => options.events.emit('monitor.health', health),
  };
  const alerts = new AlertMonitor(ports);
  const purge = () =>
    purgeOldRows(
      {
        purge: (target, cutoff, batch) => database.use((db) => PURGES[target](db, cutoff, batch)),
        breathe: () => new Promise((resolve) => setTimeout(resolve, 50)),
        now,
      },
      options.settings().monitoring,
    );
  return { alerts, purge };
};

/** Writes alert lines to WTC_LOG when the database answers; the local log has them regardless. */
export const writeAlertLine = async (database: DatabaseService, line: LogRecord): Promise<void> => {
  await database.use((db) => writeLogs(db, [line])).catch(() => {});
};

/** Alerts look every minute; old rows are purged every six hours (the first time two minutes after start). */
const ALERT_TICK_MS = 60_000;
const PURGE_EVERY_MS = 6 * 3_600_000;
const FIRST_PURGE_MS = 120_000;
const FIRST_TICK_MS = 5_000;

/** The alerts' minute and the retention's purge, on timers that never keep the process up; returns a stop. */
export const startMonitoringTimers = (
  monitoring: ReturnType<typeof createMonitoring>,
  log: (level: 'info' | 'warn' | 'error', message: string) => void,
): (() => void) => {
  const tick = () => void monitoring.alerts.tick().catch(() => {});
  const purge = () =>
    void monitoring
      .purge()
      .then((deleted) => {
        const total = Object.values(deleted).reduce((sum, n) => sum + n, 0);
        if (total > 0)
          log(
            'info',
            `Retenção: apagados ${deleted.logs} logs, ${deleted.runs} execuções, ${deleted.resolvedPendings} pendências resolvidas e ${deleted.pendingEvents} linhas de histórico antigos.`,
          );
      })
      .catch((error: unknown) => log('warn', `Retenção: ${(error as Error)?.message ?? String(error)}`));
  // A first look soon after start: the health (tray, Painel) knows the open pendências at once.
  const timers = [
    setInterval(tick, ALERT_TICK_MS),
    setTimeout(tick, FIRST_TICK_MS),
    setTimeout(purge, FIRST_PURGE_MS),
    setInterval(purge, PURGE_EVERY_MS),
  ];
  for (const timer of timers) timer.unref?.();
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
};
