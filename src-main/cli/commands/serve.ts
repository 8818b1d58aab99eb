import type { Command } from 'commander';
import { AppError } from '../../shared/app-error';
import { commandDataDir } from '../command-data-dir';
import { startHeadless } from '../../server/headless-host';
import { runsAsWindowsService } from '../../runtime/service-mode';
import { CliFailure, printResult, type GlobalOptions } from '../output';
import { parsePort } from '../parse-port';

interface ServeOptions {
  port?: string;
  host?: string;
  demo?: boolean;
}

export const registerServe = (program: Command): void => {
  program
    .command('serve')
    .description('Inicia o integrador sem janela e serve a interface em http://localhost:7585')
    .option(
      '--port <n>',
      'porta da interface web (sem ela: WTC_PORT, senão a configuração Servidor web → Porta, senão 7585)',
    )
    .option('--host <endereco>', 'endereço de escuta (padrão 127.0.0.1; outro exige senha de acesso)')
    .option('--demo', 'usa o banco embutido de demonstração e a loja sandbox', false)
    .action(async (options: ServeOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const dataDir = commandDataDir(globals, options.demo ?? false);
      const portText = options.port ?? process.env.WTC_PORT;
      const port = portText === undefined ? undefined : parsePort(portText);
      // As the Windows service the console is NSSM's service.log: only this command's own start, stop and
      // refusal lines go there; everything else is in the rotated headless.log (ADR 0316).
      const service = runsAsWindowsService();
      const host = await startHeadless({
        dataDir,
        demo: options.demo ?? false,
        service,
        ...(options.port === undefined && portText !== undefined ? { portSource: 'env' as const } : {}),
        ...(port !== undefined ? { port } : {}),
        ...(options.host ? { host: options.host } : {}),
        log: (level, message) => process.stderr.write(`[${level}] ${message}\n`),
      }).catch((error: unknown) => {
        // An AppError (e.g. an invalid settings file) keeps its code and fix for the report.
        throw error instanceof CliFailure || error instanceof AppError
          ? error
          : new CliFailure((error as Error).message, (error as { exitCode?: number }).exitCode ?? 1);
      });
      printResult(
        globals,
        `Integrador WinThor Ciashop ${host.runtime.info.version}${options.demo ? ' (demonstração)' : ''} no ar em ${host.url}\nDados em ${dataDir}. Ctrl+C para encerrar.`,
        { ok: true, url: host.url, dataDir, demo: options.demo ?? false },
      );
      await new Promise<void>((done) => {
        const stop = () => {
          void host.close().then(() => {
            if (service) process.stdout.write(`${new Date().toISOString()} Integrador encerrado.\n`);
            done();
          });
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
};
