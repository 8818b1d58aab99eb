import type { Command } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SETTINGS_FILE_NAME } from '../../config/headless-settings';
import { withCommandRuntime } from '../../runtime/command-runtime';
import { commandDataDir } from '../command-data-dir';
import { printResult, type GlobalOptions } from '../output';

interface DiagnosticsOptions {
  out?: string;
  demo?: boolean;
}

/**
 * `diagnostics`: the package of Configuração → "Gerar pacote de diagnóstico" (system.diagnostics), made
 * without an engine in this process: motor.json says where the engine runs and reads the recent runs from
 * the database itself (ADR 0317). A folder without settings is read as the defaults, in memory: the command
 * creates neither settings.json nor secret.key there.
 */
export const registerDiagnostics = (program: Command): void => {
  program
    .command('diagnostics')
    .description(
      'gera o pacote de diagnóstico para o suporte (zip): configurações sem segredos, logs recentes, versões, pré-requisitos e estado do motor',
    )
    .option('--out <arquivo>', 'onde gravar o zip (padrão: diagnostico-integrador-<data>.zip na pasta atual)')
    .option('--demo', 'o pacote da pasta da demonstração (.demo), a de `serve --demo`', false)
    .action(async (options: DiagnosticsOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const demo = options.demo ?? false;
      const dataDir = commandDataDir(globals, demo);
      const configured = existsSync(join(dataDir, `${SETTINGS_FILE_NAME}.json`));
      const result = await withCommandRuntime(
        { dataDir, settings: configured ? 'data-dir' : 'none', demo },
        (runtime) => runtime.api.invoke('system.diagnostics', {}, { origin: 'cli' }),
      );
      const file = resolve(options.out ?? result.fileName);
      writeFileSync(file, Buffer.from(result.contentBase64, 'base64'));
      printResult(
        globals,
        `Pacote de diagnóstico gravado em ${file} (${Math.ceil(result.bytes / 1024)} KiB, ${result.entries.length} arquivos). Envie-o ao suporte: não contém senhas nem tokens.`,
        { ok: true, file, bytes: result.bytes, entries: result.entries },
      );
    });
};
