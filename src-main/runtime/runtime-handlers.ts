import { join } from 'node:path';
import type { Dispatcher } from '../api/dispatcher';
import type { Handlers } from '../api/handlers';
import { appHandlers, buildStatus, type AppInfo } from '../api/handlers/app-handlers';
import { databaseHandlers } from '../api/handlers/database-handlers';
import { emailHandlers } from '../api/handlers/email-handlers';
import { logsHandlers } from '../api/handlers/logs-handlers';
import { mappingHandlers } from '../api/handlers/mapping-handlers';
import { monitorHandlers } from '../api/handlers/monitor-handlers';
import { orderHandlers } from '../api/handlers/order-handlers';
import { pendingsHandlers } from '../api/handlers/pendings-handlers';
import { settingsHandlers } from '../api/handlers/settings-handlers';
import { storeHandlers } from '../api/handlers/store-handlers';
import { syncHandlers } from '../api/handlers/sync-handlers';
import { systemHandlers, type StartAtLoginPort } from '../api/handlers/system-handlers';
import { painelBudgetOf } from './painel-budget';
import type { StoreClientRegistry } from '../ciashop/store-registry';
import type { SettingsService } from '../config/settings-service';
import type { AlertMonitor } from '../engine/alerts/alert-monitor';
import type { EngineController } from '../engine/engine-controller';
import type { LeaseKeeper } from '../engine/lease/lease-keeper';
import type { StoreCodeSampler } from '../engine/mappings/store-code-sampler';
import type { sendMail } from '../mail/smtp-mailer';
import type { DatabaseService } from '../winthor/database-service';
import { buildDiagnosticPackage } from './diagnostics/diagnostic-package';
import type { storeCodeRecordSource } from './seen-codes-source';
import type { SetupMonitor } from './setup-monitor';

/** What the API's handlers are built over (create-runtime.ts). */
export interface RuntimeHandlerDeps {
  info: AppInfo;
  engine: EngineController;
  lease: LeaseKeeper | null;
  leaseInstanceId: string | null;
  /** False in a command's runtime without an engine (`diagnostics`): the package reads the database itself. */
  engineInProcess: boolean;
  settings: SettingsService;
  database: DatabaseService;
  stores: StoreClientRegistry;
  sampler: StoreCodeSampler;
  seen: ReturnType<typeof storeCodeRecordSource>;
  now: () => Date;
  send: (
    server: Parameters<typeof sendMail>[0],
    mail: Parameters<typeof sendMail>[1],
  ) => ReturnType<typeof sendMail>;
  alerts: AlertMonitor | null;
  setup: SetupMonitor;
  dataDir: string;
  startAtLogin?: StartAtLoginPort;
  /** The dispatcher built over these handlers (the diagnostic package calls it). */
  api: () => Dispatcher;
}

/** Every API method of the runtime. */
export const runtimeHandlers = (deps: RuntimeHandlerDeps): Handlers => {
  const lease = deps.lease;
  return {
    'setup.status': () => deps.setup.measure(),
    ...appHandlers(
      deps.info,
      deps.engine,
      lease
        ? async () => {
            await lease.takeOver();
          }
        : undefined,
    ),
    ...settingsHandlers(deps.settings),
    ...databaseHandlers(deps.settings, deps.database),
    ...storeHandlers(deps.stores),
    ...syncHandlers(deps.engine, deps.settings),
    ...mappingHandlers(deps.settings, deps.database, {
      sampler: deps.sampler,
      seen: deps.seen,
      now: deps.now,
    }),
    ...orderHandlers(deps.settings, deps.database),
    ...logsHandlers(deps.database, deps.now),
    ...pendingsHandlers(deps.database, deps.engine, deps.now),
    ...emailHandlers(deps.settings, deps.send, deps.now),
    ...monitorHandlers(
      deps.settings,
      deps.database,
      (branch) => painelBudgetOf(deps.stores, branch),
      () =>
        deps.alerts?.health() ?? {
          level: 'ok',
          summary: 'Alertas desligados neste modo',
          summaryRef: { key: 'health.off' },
        },
      deps.now,
    ),
    ...systemHandlers({
      version: deps.info.version,
      host: deps.info.host,
      dataDir: deps.dataDir,
      logsDir: join(deps.dataDir, 'logs'),
      ...(deps.startAtLogin ? { startAtLogin: deps.startAtLogin } : {}),
      diagnostics: () =>
        buildDiagnosticPackage({
          version: deps.info.version,
          host: deps.info.host,
          demo: deps.info.demo,
          dataDir: deps.dataDir,
          logsDir: join(deps.dataDir, 'logs'),
          settings: deps.settings,
          api: deps.api(),
          database: deps.database,
          status: () => buildStatus(deps.info, deps.engine),
          now: deps.now,
          leaseInstanceId: deps.leaseInstanceId,
          engineInProcess: deps.engineInProcess,
        }),
    }),
  };
};
