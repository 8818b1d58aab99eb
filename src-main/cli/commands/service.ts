import type { Command } from 'commander';
import { win32 } from 'node:path';
import { resolveDataDir } from '../../config/data-dir';
import { printResult, type GlobalOptions } from '../output';
import {
  DEFAULT_DATA_DIR,
  DEFAULT_INSTALL_DIR,
  installDirOf,
  SERVICE_NAME,
  serviceCommands,
} from '../windows-service';

interface ServiceOptions {
  installDir?: string;
  account?: string;
  nssm?: string;
}

/** `service commands`: the NSSM command lines for this install (docs/windows-service.md has the defaults). */
export const registerService = (program: Command): void => {
  const service = program
    .command('service')
    .description(
      `Serviço do Windows (${SERVICE_NAME}, com o NSSM): os comandos para instalar, iniciar, parar e remover`,
    );
  service
    .command('commands')
    .description('mostra os comandos exatos para um prompt de administrador, com as pastas desta instalação')
    .option(
      '--install-dir <pasta>',
      `pasta do integrador instalado (padrão: a deste executável ou ${DEFAULT_INSTALL_DIR})`,
    )
    .option('--account <conta>', 'conta do Windows dedicada ao serviço (padrão: LocalSystem)')
    .option('--nssm <caminho>', 'caminho do nssm.exe, se ele não estiver no PATH')
    .action((options: ServiceOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const installDir = options.installDir ?? installDirOf(process.execPath) ?? DEFAULT_INSTALL_DIR;
      // Outside Windows (a developer's machine) the service's folder is still the Windows one, and a
      // --data-dir is a Windows path: resolved as Windows resolves it, never against this machine's cwd.
      const dataDir = globals.dataDir
        ? win32.resolve(globals.dataDir)
        : process.platform === 'win32'
          ? resolveDataDir()
          : DEFAULT_DATA_DIR;
      const commands = serviceCommands({
        installDir,
        dataDir,
        ...(options.account ? { account: options.account } : {}),
        ...(options.nssm ? { nssm: options.nssm } : {}),
      });
      const human = [
        'rem Instalar (prompt de administrador; o NSSM não vem com o integrador):',
        ...commands.install,
        ...(options.account ? ['rem Troque SENHA_DA_CONTA pela senha da conta antes de executar.'] : []),
        'rem Iniciar:',
        ...commands.start,
        'rem Parar:',
        ...commands.stop,
        'rem Remover:',
        ...commands.remove,
        'rem Atualizar um serviço instalado por uma versão anterior (parado, antes de iniciar):',
        ...commands.upgrade,
      ].join('\n');
      printResult(globals, human, { installDir, dataDir, ...commands });
    });
};
