import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withCommandRuntime } from '../../runtime/command-runtime';
import { commandDataDir } from '../command-data-dir';
import { printResult, type GlobalOptions } from '../output';

interface DiagnosticsOptions {
  out?: string;
}

/** `diagnostics`: the same package as Configuração → "Gerar pacote de diagnóstico" (system.diagnostics). */
export const registerDiagnostics = (program: Command): void => {
  program
    .command('diagnostics')
    .description(
      'gera o pacote de diagnóstico para o suporte (zip): configurações sem segredos, logs recentes, versões, pré-requisitos e estado do motor',
    )
    .option('--out <arquivo>', 'onde gravar o zip (padrão: diagnostico-integrador-<data>.zip na pasta atual)')
    .action(async (options: DiagnosticsOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const dataDir = commandDataDir(globals, false);
      const result = await withCommandRuntime({ dataDir, settings: 'data-dir' }, (runtime) =>
        runtime.api.invoke('system.diagnostics', {}, { origin: 'cli' }),
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
