import { Command, CommanderError } from 'commander';
import { readPackageInfo } from '../runtime/app-info';
import { commandRegistrars } from './commands';
import { reportFailure, type GlobalOptions } from './output';
import { describeUsageError } from './usage-error';

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
    // Usage errors are reported by runCli, in pt-BR and as JSON with --json (commander's are English
    // and always go to stderr). Inherited by every command registered below.
    .configureOutput({ outputError: () => {} })
    .exitOverride();
  program.addHelpCommand('help [comando]', 'mostra a ajuda de um comando');
  for (const register of commandRegistrars) register(program);
  return program;
};

const wantsJson = (argv: string[]): boolean => {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
};

const reportUsageError = (options: GlobalOptions, error: CommanderError): number => {
  const exitCode = error.exitCode || 2;
  const { code, message, fix } = describeUsageError(error);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ok: false, error: { code, message, fix } }, null, 2)}\n`);
  } else if (error.code !== 'commander.help') {
    process.stderr.write(`Erro: ${message}\n${fix}\n`);
  }
  return exitCode;
};

/** Runs the command line and returns the exit code (0 = success). */
export const runCli = async (argv: string[]): Promise<number> => {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    // --json may sit after the command, or the parse may fail before options are read.
    const options = { ...program.opts<GlobalOptions>(), ...(wantsJson(argv) ? { json: true } : {}) };
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0; // --help, --version
      return reportUsageError(options, error);
    }
    return reportFailure(options, error);
  }
};
