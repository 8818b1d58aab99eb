import type { AppStatus } from '../../contract';
import type { HandlerGroup } from '../handlers';
import type { EngineController } from '../../engine/engine-controller';
import { engineRefusals } from '../../engine/engine-refusals';

export interface AppInfo {
  name: string;
  version: string;
  host: AppStatus['host'];
  demo: boolean;
  /** The demo store's read-only page while the demo's sandbox runs (null otherwise); set by the runtime. */
  demoStoreUrl: string | null;
  /** Run as the Windows service (WTC_SERVICE=1). */
  service?: boolean;
  /** The web UI's port and what chose it; set by the HTTP server once it listens. */
  web?: AppStatus['web'];
  startedAt: Date;
  now: () => Date;
}

export const buildStatus = (info: AppInfo, engine: EngineController): AppStatus => ({
  name: info.name,
  version: info.version,
  startedAt: info.startedAt.toISOString(),
  uptimeSeconds: Math.max(0, Math.round((info.now().getTime() - info.startedAt.getTime()) / 1000)),
  host: info.host,
  demo: info.demo,
  demoStoreUrl: info.demoStoreUrl,
  service: info.service ?? false,
  web: info.web ?? null,
  engine: engine.snapshot(),
});

export const appHandlers = (
  info: AppInfo,
  engine: EngineController,
  /** "Assumir" (ADR 0310): takes the database's lease by force; absent where no lease is kept. */
  takeOver?: () => Promise<void>,
): HandlerGroup<'app.status' | 'engine.runNow' | 'engine.pause' | 'engine.resume' | 'engine.takeOver'> => ({
  'app.status': async () => buildStatus(info, engine),
  // Starts the runs and answers at once: their progress arrives as "sync.run" events.
  'engine.runNow': async () => {
    await engine.runNow();
    return buildStatus(info, engine);
  },
  'engine.pause': async () => {
    engine.pause();
    return buildStatus(info, engine);
  },
  'engine.resume': async () => {
    engine.resume();
    return buildStatus(info, engine);
  },
  'engine.takeOver': async () => {
    if (!takeOver) throw engineRefusals.unavailable();
    await takeOver();
    return buildStatus(info, engine);
  },
});
