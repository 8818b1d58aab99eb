import type { Command } from 'commander';
import { existsSync, rmSync } from 'node:fs';
import { demoDatabasePath, prepareDemoDatabase } from '../../winthor/demo/demo-database';
import { commandDataDir } from '../command-data-dir';
import { CliFailure, printResult, type GlobalOptions } from '../output';
import type { DbOptions } from './db-target';

/** `db seed-demo`: a developer tool that builds the demo database directly (not an API method). */
export const registerSeedDemo = (db: Command): void => {
  db.command('seed-demo')
    .description(
      'cria o banco embutido de demonstração (tabelas PC*, catálogo, clientes, parâmetros) e instala as tabelas da integração',
    )
    .option('--products <n>', 'quantidade de produtos (padrão 600; até 200000)')
    .option('--reset', 'apaga o banco de demonstração existente antes', false)
    .action(async (options: DbOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const products = options.products === undefined ? undefined : Number(options.products);
      if (products !== undefined && (!Number.isInteger(products) || products < 1 || products > 200_000)) {
        throw new CliFailure(
          `--products: informe um número inteiro de 1 a 200000 (recebido "${options.products}").`,
          2,
        );
      }
      const file = demoDatabasePath(commandDataDir(globals, true));
      if (options.reset)
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      else if (existsSync(file)) {
        throw new CliFailure(`O banco de demonstração já existe em ${file}. Use --reset para recriá-lo.`, 1);
      }
      const started = Date.now();
      const report = await prepareDemoDatabase(file, products !== undefined ? { products } : {});
      printResult(
        globals,
        `Banco de demonstração criado em ${file}: ${report.seeded?.products} produtos, ${report.seeded?.customers} clientes, filiais ${report.seeded?.branches.join(' e ')}; tabelas da integração na versão ${report.schemaVersion} (${((Date.now() - started) / 1000).toFixed(1)} s).`,
        { ok: true, file, ...report.seeded, schemaVersion: report.schemaVersion },
      );
    });
};
