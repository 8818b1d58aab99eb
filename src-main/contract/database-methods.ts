import { z } from 'zod';
import { defineMethod, NoInput } from './define';
import { MessageRef } from './messages';
import { DatabaseSettings } from './settings-schema';

export const DbCheckStatus = z.enum(['ok', 'warning', 'error']);

export const DbCheck = z.object({
  id: z.string(),
  /** pt-BR */
  label: z.string(),
  status: DbCheckStatus,
  detail: z.string(),
  fix: z.string().optional(),
  /** Label, detail and fix as keys for a UI in another language (ADR 0025); the pt-BR texts are the fallback. */
  labelRef: MessageRef.optional(),
  detailRef: MessageRef.optional(),
  fixRef: MessageRef.optional(),
  /**
   * On the checks of the integration's objects: who installs them — the app ("Criar Tabelas / Sequences /
   * Triggers") or the DBA connected as the schema owner, with the script ("visualizar script"). With
   * 'owner' the app refuses to install (the objects would have to be granted by the user to itself).
   */
  installBy: z.enum(['app', 'owner']).optional(),
});
export type DbCheck = z.infer<typeof DbCheck>;

export const DbTestConnectionResult = z.object({
  ok: z.boolean(),
  kind: z.enum(['oracle', 'embedded']),
  serverVersion: z.string().nullable(),
  driverMode: z.enum(['thin', 'thick', 'embedded']).nullable(),
  /** pt-BR: what happened and, on failure, what to fix. */
  message: z.string(),
  messageRef: MessageRef.optional(),
  code: z.string().optional(),
  field: z.string().optional(),
});
export type DbTestConnectionResult = z.infer<typeof DbTestConnectionResult>;

export const DB_DIALECTS = ['oracle', 'sqlite'] as const;

export const DbScriptPreview = z.object({
  dialect: z.enum(DB_DIALECTS),
  currentVersion: z.number().int(),
  targetVersion: z.number().int(),
  /** The exact script that install/uninstall would run. */
  script: z.string(),
  /** Oracle, objects in another owner's schema: the user the script grants them to. */
  grantTo: z.string().optional(),
});
export type DbScriptPreview = z.infer<typeof DbScriptPreview>;

/**
 * Without input: the script for the configured database, from its installed version. With a dialect: the
 * whole script from version 0, written without connecting (for the DBA to review first); `grantTo` (Oracle
 * only) adds the grants for the integrator's user when the objects live in another owner's schema.
 */
export const DbInstallPreviewInput = z
  .object({
    dialect: z.enum(DB_DIALECTS).optional(),
    grantTo: z.string().trim().min(1, 'Informe o usuário Oracle do integrador.').optional(),
  })
  .strict()
  .refine((value) => value.grantTo === undefined || value.dialect === 'oracle', {
    message: 'Conceder acesso a um usuário só vale para o script Oracle gerado sem conexão (dialect oracle).',
    path: ['grantTo'],
  });

/** Without input: the removal script for the configured database. With a dialect: written without connecting. */
export const DbUninstallPreviewInput = z.object({ dialect: z.enum(DB_DIALECTS).optional() }).strict();

export const DbSchemaChange = z.object({
  previousVersion: z.number().int(),
  installedVersion: z.number().int(),
  statements: z.number().int(),
});

/** A branch of the WinThor database (PCFILIAL), as Configuração offers it. */
export const WinthorBranchOption = z.object({
  /** PCFILIAL.CODIGO */
  code: z.string(),
  /** PCFILIAL.RAZAOSOCIAL (or FANTASIA when empty). */
  name: z.string(),
});
export type WinthorBranchOption = z.infer<typeof WinthorBranchOption>;

export const databaseMethods = {
  'db.testConnection': defineMethod({
    summary: 'Testa a conexão com o banco (as configurações informadas, antes de salvar, ou as salvas).',
    input: z.object({ database: DatabaseSettings.optional() }).strict(),
    output: DbTestConnectionResult,
  }),
  'db.check': defineMethod({
    summary:
      'Verifica os pré-requisitos no WinThor: conexão, permissões, parâmetros 2829/4008–4014 e versão das tabelas da integração.',
    input: NoInput,
    output: z.object({ ok: z.boolean(), checks: z.array(DbCheck) }),
  }),
  'db.installPreview': defineMethod({
    summary: 'Mostra o script de "Criar Tabelas / Sequences / Triggers" sem executar nada.',
    input: DbInstallPreviewInput,
    output: DbScriptPreview,
  }),
  'db.uninstallPreview': defineMethod({
    summary: 'Mostra o script que remove todos os objetos da integração, sem executar nada.',
    input: DbUninstallPreviewInput,
    output: DbScriptPreview,
  }),
  'db.branches': defineMethod({
    summary:
      'Filiais ativas do WinThor (PCFILIAL), para escolher a filial em Configuração; erro em português quando o banco não responde.',
    input: NoInput,
    output: z.object({ branches: z.array(WinthorBranchOption) }),
  }),
  'db.install': defineMethod({
    summary: 'Cria ou atualiza as tabelas, sequences e triggers da integração (idempotente).',
    input: NoInput,
    output: DbSchemaChange,
  }),
  'db.uninstall': defineMethod({
    summary: 'Remove todas as tabelas, sequences e triggers da integração.',
    input: NoInput,
    output: DbSchemaChange,
  }),
};
