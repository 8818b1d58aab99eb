import type { Command } from 'commander';
import type { DbCheck } from '../../contract';
import { CliFailure, printResult } from '../output';
import { registerSchemaCommands } from './db-schema';
import { registerSeedDemo } from './db-seed-demo';
import { withDbRuntime, type DbOptions } from './db-target';

const ICON: Record<DbCheck['status'], string> = {
  ok: '[ok]  ',
  warning: '[aviso]',
  error: '[ERRO]',
};

const formatChecks = (checks: DbCheck[], where: string): string =>
  [
    `Pré-requisitos do WinThor — ${where}`,
    ...checks.map(
      (c) =>
        `${ICON[c.status]} ${c.label}: ${c.detail.replace(/\n/g, '\n         ')}${c.fix ? `\n         Como resolver: ${c.fix}` : ''}`,
    ),
  ].join('\n');

/** `db …`: check, install and uninstall call the same API methods as the Banco de Dados page. */
export const registerDb = (program: Command): void => {
  const db = program
    .command('db')
    .description(
      'Banco do WinThor: verificação de pré-requisitos, instalação das tabelas da integração, demonstração',
    );

  db.command('check')
    .description(
      'verifica conexão, permissões, parâmetros 2829/4008–4014 e a versão das tabelas da integração',
    )
    .option('--demo', 'usa o banco embutido de demonstração', false)
    .action(async (options: DbOptions, command: Command) => {
      await withDbRuntime(command, options, async (runtime, where, globals) => {
        const { ok, checks } = await runtime.api.invoke('db.check', {}, { origin: 'cli' });
        printResult(globals, formatChecks(checks, where), { ok, checks });
        if (!ok)
          throw new CliFailure(
            `${checks.filter((c) => c.status === 'error').length} pré-requisito(s) com erro.`,
            1,
            { checks },
            true,
          );
      });
    });

  registerSchemaCommands(db);
  registerSeedDemo(db);
};
