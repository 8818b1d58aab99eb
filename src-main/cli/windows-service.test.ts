import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../config/data-dir';
import { HEADLESS_LOG_FILE } from '../server/headless-host';
import { NEWER_VERSION_EXIT_CODE } from '../config/settings-file';
import { DATA_FOLDER_IN_USE_EXIT_CODE } from '../runtime/host-start';
import { buildProgram } from './program';
import {
  CLI_IN_INSTALL_DIR,
  DEFAULT_DATA_DIR,
  DEFAULT_INSTALL_DIR,
  EXECUTABLE_NAME,
  installDirOf,
  SERVICE_NAME,
  serviceCommands,
} from './windows-service';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const docs = read('docs/windows-service.md');
const builderConfig = read('electron-builder.yml');
const cliWrapper = read('scripts/windows/integrador-cli.cmd');

/** The lines of the ```bat block right after `<!-- service:<name> -->` in the docs. */
const docBlock = (name: string): string[] => {
  const match = new RegExp(`<!-- service:${name} -->\\s*\`\`\`bat\\n([\\s\\S]*?)\\n\`\`\``).exec(docs);
  if (!match) throw new Error(`bloco service:${name} ausente em docs/windows-service.md`);
  return match[1]!.split('\n');
};

const defaults = serviceCommands({ installDir: DEFAULT_INSTALL_DIR, dataDir: DEFAULT_DATA_DIR });

describe('docs/windows-service.md says what the code expects', () => {
  it('gives the exact install, start, stop and remove commands the code generates', () => {
    expect(docBlock('install')).toEqual(defaults.install);
    expect(docBlock('start')).toEqual(defaults.start);
    expect(docBlock('stop')).toEqual(defaults.stop);
    expect(docBlock('remove')).toEqual(defaults.remove);
    // Upgrading a service of an earlier version sets the same environment the install does (#12).
    expect(docBlock('upgrade')).toEqual(defaults.upgrade);
    expect(defaults.upgrade).toEqual([defaults.install[1]]);
    const withAccount = serviceCommands({
      installDir: DEFAULT_INSTALL_DIR,
      dataDir: DEFAULT_DATA_DIR,
      account: '.\\integrador',
    });
    expect(docBlock('account')).toEqual(withAccount.install.slice(defaults.install.length));
  });

  it('runs the executable the installer makes, with the CLI bundle it ships, as Node, on the data folder', () => {
    const executableName = /^\s+executableName: (\S+)/m.exec(builderConfig)?.[1];
    expect(`${executableName}.exe`).toBe(EXECUTABLE_NAME);
    expect(CLI_IN_INSTALL_DIR).toBe('resources\\app.asar\\dist\\main\\cli.cjs');
    expect(builderConfig).toMatch(/^\s+- dist\/main\/cli\.cjs$/m); // packed into app.asar (packaging test)
    expect(cliWrapper).toContain(`"%~dp0..\\${EXECUTABLE_NAME}" "%~dp0app.asar\\dist\\main\\cli.cjs" %*`);
    expect(cliWrapper).toContain('set ELECTRON_RUN_AS_NODE=1');
    expect(defaults.install[1]).toContain('ELECTRON_RUN_AS_NODE=1');
    // The variable the service sets is the one the data folder is read from, and the default is %ProgramData%.
    expect(resolveDataDir(undefined, { WTC_DATA_DIR: 'D:\\Dados\\Integrador' }, 'win32')).toMatch(
      /Dados[\\/]Integrador$/,
    );
    expect(DEFAULT_DATA_DIR).toBe('C:\\ProgramData\\IntegradorWinThorCiashop');
    expect(docs).toContain(`\`${DEFAULT_DATA_DIR}\``);
  });

  it('names a command the CLI has: serve (the service), service commands and diagnostics', () => {
    const program = buildProgram();
    const names = program.commands.map((command) => command.name());
    expect(names).toEqual(expect.arrayContaining(['serve', 'service', 'diagnostics']));
    const service = program.commands.find((command) => command.name() === 'service')!;
    expect(service.commands.map((command) => command.name())).toContain('commands');
    expect(defaults.install[0]).toMatch(/cli\.cjs\\" serve"$/);
    expect(SERVICE_NAME).toBe('IntegradorWinThorCiashop');
  });

  it('names the log files and exit codes the hosts use', () => {
    expect(docs).toContain(`logs\\${HEADLESS_LOG_FILE}`);
    expect(defaults.install.join('\n')).toContain('\\logs\\service.log');
    expect(docs).toMatch(new RegExp(`${DATA_FOLDER_IN_USE_EXIT_CODE} when the data folder is in use`));
    expect(docs).toMatch(
      new RegExp(
        `${NEWER_VERSION_EXIT_CODE} when the data folder, the settings or the\\s+integration objects are from a newer version`,
      ),
    );
  });

  it('quotes paths with spaces and finds the install folder of the running executable', () => {
    const custom = serviceCommands({
      installDir: 'D:\\Programas\\Integrador',
      dataDir: 'D:\\Dados do Integrador',
      nssm: 'C:\\Ferramentas\\nssm.exe',
    });
    expect(custom.install[0]).toBe(
      'C:\\Ferramentas\\nssm.exe install IntegradorWinThorCiashop D:\\Programas\\Integrador\\IntegradorWinThorCiashop.exe "\\"D:\\Programas\\Integrador\\resources\\app.asar\\dist\\main\\cli.cjs\\" serve"',
    );
    expect(custom.install[1]).toBe(
      'C:\\Ferramentas\\nssm.exe set IntegradorWinThorCiashop AppEnvironmentExtra ELECTRON_RUN_AS_NODE=1 WTC_SERVICE=1 "WTC_DATA_DIR=D:\\Dados do Integrador"',
    );
    expect(installDirOf('D:\\Programas\\Integrador\\IntegradorWinThorCiashop.exe')).toBe(
      'D:\\Programas\\Integrador',
    );
    expect(installDirOf('/usr/bin/node')).toBeUndefined();
  });
});
