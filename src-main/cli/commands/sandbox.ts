import type { Command } from 'commander';
import { startStoreSandbox } from '../../sandbox/store/store-sandbox';
import { CliFailure, printResult, type GlobalOptions } from '../output';
import { parsePort } from '../parse-port';

interface SandboxOptions {
  port?: string;
  token?: string;
  budget?: string;
  orders?: string;
  seed?: string;
}

const count = (text: string | undefined, name: string, fallback: number): number => {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new CliFailure(`${name} inválido: "${text}". Use um número inteiro ≥ 0.`, 2);
  return value;
};

export const registerSandbox = (program: Command): void => {
  program
    .command('sandbox')
    .description('Inicia a loja sandbox (API da loja simulada, em memória) neste computador, até Ctrl+C')
    .option('--port <n>', 'porta (padrão: uma porta livre)')
    .option('--token <token>', 'token aceito pela sandbox', 'sandbox-token')
    .option('--budget <n>', 'limite de chamadas por hora (0 = sem limite)', '1000')
    .option('--orders <n>', 'pedidos gerados', '40')
    .option('--seed <n>', 'semente dos dados gerados', '42')
    .action(async (options: SandboxOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const sandbox = await startStoreSandbox({
        port: options.port === undefined || options.port === '0' ? 0 : parsePort(options.port),
        token: options.token ?? 'sandbox-token',
        budgetPerHour: count(options.budget, 'Limite por hora', 1000),
        orders: count(options.orders, 'Número de pedidos', 40),
        seed: count(options.seed, 'Semente', 42),
      }).catch((error: unknown) => {
        throw new CliFailure(`Não foi possível iniciar a sandbox: ${(error as Error).message}`);
      });
      printResult(
        globals,
        `Loja sandbox no ar.\nURL da loja: ${sandbox.url}\nToken: ${sandbox.token}\nFalhas simuladas: POST ${sandbox.url}/__sandbox/faults; inspeção: GET ${sandbox.url}/__sandbox/inspect\nCtrl+C para encerrar.`,
        { ok: true, url: sandbox.url, apiRoot: sandbox.apiRoot, token: sandbox.token, port: sandbox.port },
      );
      await new Promise<void>((done) => {
        const stop = () => {
          void sandbox.stop().then(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
};
