import { Command, CommanderError } from 'commander';
import { readPackageInfo } from '../runtime/app-info';
import { commandRegistrars } from './commands';
import { reportFailure, type GlobalOptions } from './output';

export const buildProgram = (): Command => {
  const program = new Command()
    .name('integrador')
    .description(
      'Integrador WinThor ↔ TOTVS e-commerce (Ciashop): linha de comando para administradores e scripts',
    )
    .version(readPackageInfo().version, '-v, --version', 'mostra a versão')
    .helpOption('-h, --help', 'mostra esta ajuda')
    .option('--json', 'saída em JSON para scripts', false)
    .option(
      '--data-dir <pasta>',
      'pasta de configurações e dados (padrão: WTC_DATA_DIR ou a pasta do sistema)',
    )
    .showHelpAfterError('(use --help para ver os comandos)')
    .exitOverride();
  program.addHelpCommand('help [comando]', 'mostra a ajuda de um comando');
  for (const register of commandRegistrars) register(program);
  return program;
};

/** Runs the command line and returns the exit code (0 = success). */
export const runCli = async (argv: string[]): Promise<number> => {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    return reportFailure(program.opts<GlobalOptions>(), error);
  }
};
