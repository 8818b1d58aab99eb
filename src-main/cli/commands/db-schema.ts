import type { Command } from 'commander';
import { DB_DIALECTS, type MethodOutput } from '../../contract';
import { withCommandRuntime } from '../../runtime/command-runtime';
import { commandDataDir } from '../command-data-dir';
import { CliFailure, printResult, type GlobalOptions } from '../output';
import { withDbRuntime, type DbOptions } from './db-target';

type Dialect = (typeof DB_DIALECTS)[number];

interface SchemaCommand {
  name: 'install' | 'uninstall';
  description: string;
  preview: 'db.installPreview' | 'db.uninstallPreview';
  run: 'db.install' | 'db.uninstall';
  done: (change: MethodOutput<'db.install'>, where: string) => string;
}

/**
 * `--dry-run --dialect oracle|sqlite [--grant-to USER]`: the script from version 0, written without
 * connecting (for the DBA to review first). Undefined when the command acts on a database.
 */
const offlineInput = (options: DbOptions): { dialect: Dialect; grantTo?: string } | undefined => {
  if (options.grantTo !== undefined && options.dialect !== 'oracle')
    throw new CliFailure(
      '--grant-to só vale com --dry-run --dialect oracle (conectado, o integrador sabe a quem conceder).',
      2,
    );
  if (!options.dialect) return undefined;
  const dialect = DB_DIALECTS.find((name) => name === options.dialect);
  if (!dialect) throw new CliFailure(`--dialect: use oracle ou sqlite (recebido "${options.dialect}").`, 2);
  if (!options.dryRun)
    throw new CliFailure('--dialect só vale com --dry-run (o script é gerado sem conectar ao banco).', 2);
  const grantTo = options.grantTo?.trim();
  if (options.grantTo !== undefined && !grantTo)
    throw new CliFailure('--grant-to: informe o usuário Oracle do integrador.', 2);
  return { dialect, ...(grantTo ? { grantTo } : {}) };
};

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
    const offline = offlineInput(options);
    if (offline) {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const preview = await withCommandRuntime(
        { dataDir: commandDataDir(globals, false), settings: 'none' },
        (runtime) => runtime.api.invoke(spec.preview, offline, { origin: 'cli' }),
      );
      printResult(globals, preview.script, { ok: true, dryRun: true, ...preview });
      return;
    }
    await withDbRuntime(command, options, async (runtime, where, globals) => {
      if (options.dryRun) {
        const preview = await runtime.api.invoke(spec.preview, {}, { origin: 'cli' });
        printResult(globals, preview.script, { ok: true, dryRun: true, ...preview });
        return;
      }
      const change = await runtime.api.invoke(spec.run, {}, { origin: 'cli' });
      printResult(globals, spec.done(change, where), { ok: true, ...change });
    });
  });
};

export const registerSchemaCommands = (db: Command): void => {
  registerSchemaCommand(db, {
    name: 'install',
    description:
      'cria ou atualiza as tabelas, sequences e triggers da integração (Criar Tabelas / Sequences / Triggers)',
    preview: 'db.installPreview',
    run: 'db.install',
    done: (change, where) =>
      change.statements === 0
        ? `Nada a fazer: a versão ${change.previousVersion} já está instalada (${where}).`
        : `Objetos da integração instalados em ${where}: versão ${change.previousVersion} → ${change.installedVersion} (${change.statements} comandos).`,
  });
  registerSchemaCommand(db, {
    name: 'uninstall',
    description:
      'remove todas as tabelas, sequences e triggers da integração (os dados do WinThor não são tocados)',
    preview: 'db.uninstallPreview',
    run: 'db.uninstall',
    done: (change, where) =>
      `Objetos da integração removidos de ${where} (versão ${change.previousVersion} → ${change.installedVersion}).`,
  });
};
