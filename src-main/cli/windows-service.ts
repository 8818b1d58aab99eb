import { win32 } from 'node:path';
import { resolveDataDir } from '../config/data-dir';
import { NEWER_VERSION_EXIT_CODE } from '../config/settings-file';
import { DATA_FOLDER_IN_USE_EXIT_CODE } from '../runtime/host-start';
import { SERVICE_ENV } from '../runtime/service-mode';

/**
 * The Windows service, one definition for the docs (docs/windows-service.md, checked by a test), the
 * `service commands` command and the installer layout (ADR 0307). The wrapper is NSSM: Node does not
 * speak the service protocol, NSSM runs any console program as a service.
 */
export const SERVICE_NAME = 'IntegradorWinThorCiashop';
export const SERVICE_DISPLAY_NAME = 'Integrador WinThor Ciashop';
export const SERVICE_DESCRIPTION =
  // ASCII only: a cmd.exe prompt's code page would garble accents.
  'Integrador WinThor - TOTVS e-commerce (Ciashop), sem janela: interface em http://localhost:7585';
/** electron-builder.yml win.executableName + .exe. */
export const EXECUTABLE_NAME = 'IntegradorWinThorCiashop.exe';
/** NSIS' default per-machine folder (the installer lets the person choose another). */
export const DEFAULT_INSTALL_DIR = 'C:\\Program Files\\Integrador WinThor Ciashop';
/** The self-contained command line inside the installed app (scripts/build-main.mjs, electron-builder files). */
export const CLI_IN_INSTALL_DIR = 'resources\\app.asar\\dist\\main\\cli.cjs';
/** What NSSM captures of the program's console, beside the integrator's own headless.log. */
export const SERVICE_LOG = 'logs\\service.log';
/** How long NSSM waits after Ctrl+C for the integrator to stop its runs and close the database. */
export const STOP_WAIT_MS = 30_000;

export const DEFAULT_DATA_DIR = resolveDataDir(undefined, { ProgramData: 'C:\\ProgramData' }, 'win32');

export interface ServiceCommandOptions {
  installDir: string;
  dataDir: string;
  /** A dedicated Windows account (`.\integrador`); default LocalSystem. */
  account?: string;
  /** How NSSM is called (its full path when it is not on PATH). */
  nssm?: string;
}

export interface ServiceCommands {
  install: string[];
  start: string[];
  stop: string[];
  remove: string[];
  /**
   * Upgrading a service installed by an earlier version, before `start`: its environment gets the variables
   * the install sets now (WTC_SERVICE=1 came later, ADR 0316). NSSM replaces the whole list: same as install.
   */
  upgrade: string[];
}

/** A cmd.exe argument: quoted when it has a space (or is empty). */
const arg = (text: string): string =>
  /[\s"]/.test(text) || text === '' ? `"${text.replace(/"/g, '\\"')}"` : text;

/** The exact command lines, for an administrator prompt. */
export const serviceCommands = (options: ServiceCommandOptions): ServiceCommands => {
  const nssm = arg(options.nssm ?? 'nssm');
  const exe = win32.join(options.installDir, EXECUTABLE_NAME);
  const cli = win32.join(options.installDir, CLI_IN_INSTALL_DIR);
  const log = win32.join(options.dataDir, SERVICE_LOG);
  const logs = win32.dirname(log);
  const set = (...values: string[]) => `${nssm} set ${SERVICE_NAME} ${values.join(' ')}`;
  const environment = set(
    'AppEnvironmentExtra',
    'ELECTRON_RUN_AS_NODE=1',
    `${SERVICE_ENV}=1`,
    arg(`WTC_DATA_DIR=${options.dataDir}`),
  );
  return {
    install: [
      `${nssm} install ${SERVICE_NAME} ${arg(exe)} "\\"${cli}\\" serve"`,
      environment,
      set('AppDirectory', arg(options.dataDir)),
      set('DisplayName', arg(SERVICE_DISPLAY_NAME)),
      set('Description', arg(SERVICE_DESCRIPTION)),
      set('Start', 'SERVICE_AUTO_START'),
      set('AppStopMethodConsole', String(STOP_WAIT_MS)),
      set('AppStdout', arg(log)),
      set('AppStderr', arg(log)),
      set('AppRotateFiles', '1'),
      // Rotate while it runs too (not only at start): a service runs for months.
      set('AppRotateOnline', '1'),
      set('AppRotateBytes', '10485760'),
      // Restart after a crash, 30 s apart; but not when it refused to start (folder in use, newer version):
      // restarting cannot fix those, and the log says what to do.
      set('AppExit', 'Default', 'Restart'),
      set('AppExit', String(DATA_FOLDER_IN_USE_EXIT_CODE), 'Exit'),
      set('AppExit', String(NEWER_VERSION_EXIT_CODE), 'Exit'),
      set('AppRestartDelay', '30000'),
      // The data folder and its logs folder must exist before NSSM starts the service in it and opens its log.
      `if not exist ${arg(logs)} mkdir ${arg(logs)}`,
      ...(options.account
        ? [
            set('ObjectName', arg(options.account), 'SENHA_DA_CONTA'),
            `icacls ${arg(options.dataDir)} /grant ${arg(`${options.account}:(OI)(CI)M`)} /T`,
          ]
        : []),
    ],
    start: [`${nssm} start ${SERVICE_NAME}`],
    stop: [`${nssm} stop ${SERVICE_NAME}`],
    remove: [`${nssm} stop ${SERVICE_NAME}`, `${nssm} remove ${SERVICE_NAME} confirm`],
    upgrade: [environment],
  };
};

/** The folder of the running install: this executable's, when the CLI runs inside the installed app. */
export const installDirOf = (execPath: string): string | undefined =>
  win32.basename(execPath).toLowerCase() === EXECUTABLE_NAME.toLowerCase()
    ? win32.dirname(execPath)
    : undefined;
