// Electron main process (desktop host): bundled by scripts/build-main.mjs to dist/main/app.cjs.
import { app, dialog, ipcMain, session, shell, type BrowserWindow } from 'electron';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppError } from '../shared/app-error';
import type { AppStatus } from '../contract';
import type { SettingsService } from '../config/settings-service';
import { moveLegacyProfile } from '../config/legacy-profile';
import { readPackageInfo } from '../runtime/app-info';
import { createRuntime, type Runtime } from '../runtime/create-runtime';
import { startDemo } from '../runtime/demo';
import { claimDataFolder, startEngineAfterSchemaCheck } from '../runtime/host-start';
import type { HostLock } from '../runtime/host-lock';
import { packageRoot, resolveUiDir } from '../runtime/paths';
import { APP_ID, DEMO_FLAG, HIDDEN_FLAG, PRODUCT_NAME } from './app-identity';
import { desktopDataDir } from './desktop-data-dir';
import { startDesktopHttp } from './desktop-http';
import { createDesktopLog, type DesktopLog } from './desktop-log';
import { openDesktopSettings } from './desktop-settings';
import { askSchemaUpdate, explainStartRefusal } from './desktop-start-dialogs';
import { applyStartAtLoginDefault, startAtLoginPort } from './login-item';
import { registerIpc } from './ipc-main';
import { createMainWindow, showWindow } from './main-window';
import { TrayController } from './tray-controller';
import type { TrayAction } from './tray-menu-model';
import { isAppUiUrl } from './ui-url';
import { hardenSession, hardenWebContents } from './web-security';

const describeError = (error: unknown): string =>
  error instanceof AppError
    ? `${error.message}${error.fix ? `\n\n${error.fix}` : ''}`
    : ((error as Error)?.message ?? String(error));

/** Start-up refusals (folder in use, downgrade, unreadable settings): told to the person, then exit. */
const refuseStart = async (log: DesktopLog, error: unknown, startedHidden: boolean): Promise<void> => {
  log('error', describeError(error));
  if (error instanceof AppError) await explainStartRefusal({ dialog, shell }, error, startedHidden);
  else dialog.showErrorBox(PRODUCT_NAME, describeError(error));
  app.exit((error as { exitCode?: number }).exitCode ?? 1);
};

const startDesktop = async (
  log: DesktopLog,
  isAppUrl: (url: string | undefined) => boolean,
  machineDataDir: string,
): Promise<void> => {
  const userData = app.getPath('userData');
  const assetsDir = join(packageRoot(), 'assets');
  const uiDir = resolveUiDir();
  const startedHidden = process.argv.includes(HIDDEN_FLAG);
  let quitting = false;

  hardenSession(session.defaultSession);

  // One data folder per machine, the service's too (ADR 0308); the first start after that change brings
  // the settings, key and demo over from the profile. The demo rewrites its settings (embedded database,
  // branches on the sandbox): it gets a folder of its own, so the installation's configuration is never
  // touched by it.
  const moved = moveLegacyProfile(userData, machineDataDir);
  if (moved.length)
    log('info', `Dados do perfil ${userData} copiados para ${machineDataDir}: ${moved.join(', ')}.`);
  const demo = process.argv.includes(DEMO_FLAG);
  const dataDir = demo ? join(machineDataDir, 'demo') : machineDataDir;
  let settings: SettingsService;
  let lock: HostLock;
  try {
    lock = await claimDataFolder(dataDir, { host: 'desktop', version: readPackageInfo().version });
  } catch (error) {
    await refuseStart(log, error, startedHidden);
    return;
  }
  try {
    settings = openDesktopSettings(dataDir, (message) => log('warn', message));
  } catch (error) {
    await lock.release();
    await refuseStart(log, error, startedHidden);
    return;
  }

  const runtime: Runtime = createRuntime({
    host: 'desktop',
    demo,
    settings,
    dataDir,
    log,
    startEngine: false,
    ...(process.platform === 'win32' ? { startAtLogin: startAtLoginPort(app) } : {}),
  });
  const cleanups: Array<() => Promise<void> | void> = [() => runtime.close(), () => lock.release()];
  if (demo) cleanups.unshift(await startDemo(runtime));

  // Registered early so that quitting during start-up still runs whatever cleanups exist by then.
  app.on('before-quit', () => {
    quitting = true;
  });
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void (async () => {
      for (const cleanup of cleanups) {
        try {
          await cleanup();
        } catch (error) {
          log('error', `Ao encerrar: ${describeError(error)}`);
        }
      }
      closed = true;
      app.quit();
    })();
  });

  // Filled once the window exists; the tray and IPC look it up when they need it.
  const ui: { window?: BrowserWindow } = {};
  const onAction = (action: TrayAction): void => {
    switch (action) {
      case 'open':
        showWindow(ui.window);
        return;
      case 'runNow':
      case 'pause':
      case 'resume': {
        const method =
          action === 'runNow' ? 'engine.runNow' : action === 'pause' ? 'engine.pause' : 'engine.resume';
        runtime.api.invoke(method, {}, { origin: 'internal' }).catch((error: unknown) => {
          log('error', `${method}: ${describeError(error)}`);
          tray.notify(PRODUCT_NAME, describeError(error));
        });
        return;
      }
      case 'quit':
        quitting = true;
        app.quit();
        return;
    }
  };

  let lastStatus: AppStatus = runtime.status();
  let lastHealth = runtime.alerts?.health();
  const tray = new TrayController(assetsDir, onAction, lastStatus);
  tray.update(lastStatus, lastHealth);
  cleanups.push(() => tray.destroy());
  cleanups.unshift(
    runtime.events.on('app.status', (status) => {
      lastStatus = status;
      tray.update(status, lastHealth);
    }),
    // Icon and tooltip OK / warning / error; a notification for each alert (first failure, still failing,
    // recovered, new pendência kind, budget out, database down and back, order cancelled), ADR 0027.
    runtime.events.on('monitor.health', (health) => {
      lastHealth = health;
      tray.update(lastStatus, health);
    }),
    runtime.events.on('alert.raised', (alert) => tray.notify(alert.title, alert.body)),
  );

  cleanups.unshift(registerIpc({ ipcMain, runtime, isAppUrl, getWindow: () => ui.window, log }));

  ui.window = createMainWindow({
    uiIndexFile: join(uiDir, 'index.html'),
    preloadFile: fileURLToPath(new URL('./preload.cjs', import.meta.url)),
    iconFile: join(assetsDir, process.platform === 'win32' ? 'icon.ico' : 'icon.png'),
    show: !startedHidden,
    devTools: !app.isPackaged,
    isQuitting: () => quitting,
  });
  // Windows logoff/shutdown: let the window close instead of hiding (hiding would block the session end).
  ui.window.on('session-end', () => {
    quitting = true;
  });
  app.on('second-instance', () => showWindow(ui.window));
  app.on('activate', () => showWindow(ui.window));

  const http = await startDesktopHttp(runtime, uiDir, dataDir);
  cleanups.unshift(() => http.close());
  if (http.ok) {
    log('info', `Interface web em ${http.url}`);
    lock.setUrl(http.url);
  } else {
    log('warn', http.message);
    tray.notify('Interface web indisponível', `${http.message} A janela do integrador continua funcionando.`);
  }

  // "Iniciar com o Windows" is on after setup, once per Windows user (ADR 0306); the demo never registers it.
  if (
    process.platform === 'win32' &&
    !demo &&
    applyStartAtLoginDefault(app, join(userData, 'iniciar-com-o-windows.json'))
  )
    log('info', 'Iniciar com o Windows: ligado (padrão da primeira execução; desligue em Configuração).');

  // After an upgrade the schema may be behind: asked here, then the engine starts (paused if declined).
  try {
    await startEngineAfterSchemaCheck(runtime, {
      confirm: (state) => askSchemaUpdate(dialog, state),
      log,
    });
  } catch (error) {
    log('error', describeError(error));
    dialog.showErrorBox(PRODUCT_NAME, describeError(error));
    quitting = true;
    app.quit();
  }
};

const main = (): void => {
  // Tests and side-by-side installs may use another profile folder; must happen before the lock.
  if (process.env.WTC_USER_DATA_DIR) app.setPath('userData', resolve(process.env.WTC_USER_DATA_DIR));
  app.setAppUserModelId(APP_ID);
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    // Another instance runs: it receives 'second-instance' and shows its window.
    app.quit();
    return;
  }
  const dataDir = desktopDataDir();
  const log = createDesktopLog(dataDir);
  const uiIndexUrl = pathToFileURL(join(resolveUiDir(), 'index.html')).href;
  const isAppUrl = (url: string | undefined) =>
    isAppUiUrl(url, uiIndexUrl, { caseInsensitive: process.platform === 'win32' });

  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, isAppUrl, (url) => {
      void shell.openExternal(url);
    }),
  );
  // Closing the window only hides it; the app lives in the tray until "Sair".
  app.on('window-all-closed', () => {});

  app
    .whenReady()
    .then(() => startDesktop(log, isAppUrl, dataDir))
    .catch((error: unknown) => {
      log('error', `Falha ao iniciar: ${(error as Error)?.stack ?? String(error)}`);
      dialog.showErrorBox(PRODUCT_NAME, `Não foi possível iniciar o integrador.\n\n${describeError(error)}`);
      app.exit(1);
    });
};

main();
