import type { Command } from 'commander';
import { existsSync, rmSync } from 'node:fs';
import { commandDataDir } from '../command-data-dir';
import { openHeadlessSettings } from '../../config/headless-settings';
import type { Db } from '../../winthor/db/db';
import { openDb } from '../../winthor/db/open-db';
import { SqliteDb } from '../../winthor/db/sqlite-db';
import { demoDatabasePath, prepareDemoDatabase } from '../../winthor/demo/demo-database';
import { checkPrerequisites, type PrerequisiteCheck } from '../../winthor/prerequisites';
import {
  buildInstallPlan,
  buildUninstallPlan,
  install,
  planInstall,
  planUninstall,
  uninstall,
  type SchemaPlan,
} from '../../winthor/schema/installer';
import type { Settings } from '../../contract';
import { openDemoSettings } from '../../runtime/demo/demo-target';
import { CliFailure, printResult, type GlobalOptions } from '../output';

interface DbOptions {
  demo?: boolean;
  dialect?: string;
  grantTo?: string;
  dryRun?: boolean;
  products?: string;
  reset?: boolean;
}

/** The database a command acts on: the configured one, or the embedded demo (created and seeded if missing). */
const openTarget = async (
  globals: GlobalOptions,
  options: DbOptions,
): Promise<{ db: Db; settings: Settings; where: string }> => {
  const dataDir = commandDataDir(globals, options.demo ?? false);
  if (options.demo) {
    const settings = (await openDemoSettings(dataDir)).get();
    const file = settings.database.embedded.file;
    return { db: new SqliteDb({ file }), settings, where: `banco de demonstração ${file}` };
  }
  const settings = openHeadlessSettings(dataDir).get();
  const db = await openDb(settings.database);
  const where =
    settings.database.kind === 'oracle'
      ? `Oracle ${settings.database.oracle.connectString}`
      : `banco embutido ${settings.database.embedded.file}`;
  return { db, settings, where };
};

const withTarget = async <T>(
  command: Command,
  options: DbOptions,
  work: (target: { db: Db; settings: Settings; where: string }, globals: GlobalOptions) => Promise<T>,
): Promise<T> => {
  const globals = command.optsWithGlobals<GlobalOptions>();
  const target = await openTarget(globals, options);
  try {
    return await work(target, globals);
  } finally {
    await target.db.close();
  }
};

/** `--dry-run --dialect oracle`: the script from version 0, without connecting (for the DBA to review first). */
const offlinePlan = (options: DbOptions, build: SchemaCommand['buildOffline']): SchemaPlan | undefined => {
  if (options.grantTo !== undefined && options.dialect !== 'oracle')
    throw new CliFailure(
      '--grant-to só vale com --dry-run --dialect oracle (conectado, o integrador sabe a quem conceder).',
      2,
    );
  if (!options.dialect) return undefined;
  if (options.dialect !== 'oracle' && options.dialect !== 'sqlite')
    throw new CliFailure(`--dialect: use oracle ou sqlite (recebido "${options.dialect}").`, 2);
  if (!options.dryRun)
    throw new CliFailure('--dialect só vale com --dry-run (o script é gerado sem conectar ao banco).', 2);
  const grantTo = options.grantTo?.trim();
  if (options.grantTo !== undefined && !grantTo)
    throw new CliFailure('--grant-to: informe o usuário Oracle do integrador.', 2);
  return build(options.dialect, 0, grantTo ? { grantTo } : {});
};

interface SchemaCommand {
  name: 'install' | 'uninstall';
  description: string;
  buildOffline: (dialect: 'oracle' | 'sqlite', current: number, options: { grantTo?: string }) => SchemaPlan;
  plan: (db: Db) => Promise<SchemaPlan>;
  run: (db: Db) => Promise<SchemaPlan>;
  done: (plan: SchemaPlan, where: string) => string;
}

/** `db install` and `db uninstall`: the same shape — show the exact script (--dry-run) or run it. */
const registerSchemaCommand = (db: Command, spec: SchemaCommand): void => {
  const schema = db
    .command(spec.name)
    .description(spec.description)
    .option('--dry-run', 'só mostra o script exato, sem alterar nada', false)
    .option('--demo', 'usa o banco embutido de demonstração', false)
    .option('--dialect <oracle|sqlite>', 'com --dry-run: gera o script completo sem conectar ao banco');
  if (spec.name === 'install')
    schema.option(
      '--grant-to <usuario>',
      'com --dry-run --dialect oracle: o script também concede acesso aos objetos a este usuário (o do integrador, quando o esquema é de outro dono)',
    );
  schema.action(async (options: DbOptions, command: Command) => {
    const offline = offlinePlan(options, spec.buildOffline);
    if (offline) {
      const globals = command.optsWithGlobals<GlobalOptions>();
      printResult(globals, offline.script, { ok: true, dryRun: true, ...offline });
      return;
    }
    await withTarget(command, options, async ({ db: target, where }, globals) => {
      if (options.dryRun) {
        const plan = await spec.plan(target);
        printResult(globals, plan.script, {
          ok: true,
          dryRun: true,
          dialect: plan.dialect,
          currentVersion: plan.currentVersion,
          targetVersion: plan.targetVersion,
          script: plan.script,
        });
        return;
      }
      const plan = await spec.run(target);
      printResult(globals, spec.done(plan, where), {
        ok: true,
        previousVersion: plan.currentVersion,
        installedVersion: plan.targetVersion,
        statements: plan.statements.length,
      });
    });
  });
};

const ICON: Record<PrerequisiteCheck['status'], string> = {
  ok: '[ok]  ',
  warning: '[aviso]',
  error: '[ERRO]',
};

const formatChecks = (checks: PrerequisiteCheck[], where: string): string =>
  [
    `Pré-requisitos do WinThor — ${where}`,
    ...checks.map(
      (c) =>
        `${ICON[c.status]} ${c.label}: ${c.detail.replace(/\n/g, '\n         ')}${c.fix ? `\n         Como resolver: ${c.fix}` : ''}`,
    ),
  ].join('\n');

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
      await withTarget(command, options, async ({ db: target, settings, where }, globals) => {
        const checks = await checkPrerequisites(target, settings);
        const ok = checks.every((c) => c.status !== 'error');
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

  registerSchemaCommand(db, {
    name: 'install',
    description:
      'cria ou atualiza as tabelas, sequences e triggers da integração (Criar Tabelas / Sequences / Triggers)',
    buildOffline: buildInstallPlan,
    plan: planInstall,
    run: install,
    done: (plan, where) =>
      plan.statements.length === 0
        ? `Nada a fazer: a versão ${plan.currentVersion} já está instalada (${where}).`
        : `Objetos da integração instalados em ${where}: versão ${plan.currentVersion} → ${plan.targetVersion} (${plan.statements.length} comandos).`,
  });

  registerSchemaCommand(db, {
    name: 'uninstall',
    description:
      'remove todas as tabelas, sequences e triggers da integração (os dados do WinThor não são tocados)',
    buildOffline: buildUninstallPlan,
    plan: planUninstall,
    run: uninstall,
    done: (plan, where) => `Objetos da integração removidos de ${where} (versão ${plan.currentVersion} → 0).`,
  });

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
