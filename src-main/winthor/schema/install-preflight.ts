import { AppError } from '../../shared/app-error';
import type { DbSession } from '../db/db';
import { triggerColumns } from '../catalog/columns-used';
import { readTableColumns } from '../catalog/table-columns';
import { locateTables, type TableLocation } from '../catalog/table-locations';
import type { SchemaPlan } from './install-plan';
import { QUEUE_TRIGGERS } from './integration-objects';

/**
 * Trigger tables that belong to another owner than CURRENT_SCHEMA (reached through a synonym): the trigger is
 * created in CURRENT_SCHEMA on `owner.table` (Oracle).
 */
export const foreignTriggerTableOwners = (
  locations: Map<string, TableLocation>,
  schema: string,
): Record<string, string> =>
  Object.fromEntries(
    QUEUE_TRIGGERS.map((t) => locations.get(t.table))
      .filter((l): l is TableLocation => l !== undefined && l.owner !== null && l.owner !== schema)
      .map((l) => [l.table, l.owner!]),
  );

/**
 * Before the app runs an Oracle install, nothing executed yet (ADR 0108): every table and column the
 * triggers name must exist (an `UPDATE OF` column an older WinThor lacks fails with ORA-00904 half way),
 * and triggers on another owner's tables need CREATE ANY TRIGGER.
 */
export const assertInstallable = async (db: DbSession, plan: SchemaPlan): Promise<void> => {
  if (plan.dialect !== 'oracle' || plan.statements.length === 0) return;
  const creates = QUEUE_TRIGGERS.filter((t) =>
    plan.statements.some((s) => s.startsWith(`CREATE OR REPLACE TRIGGER ${t.name}\n`)),
  );
  if (creates.length === 0) return;
  const locations = await locateTables(
    db,
    creates.map((t) => t.table),
  );
  const columns = await readTableColumns(db, [...locations.values()]);
  const problems: string[] = [];
  for (const trigger of creates) {
    if (!locations.has(trigger.table)) {
      problems.push(`${trigger.table}: tabela não encontrada no esquema configurado nem por sinônimo`);
      continue;
    }
    const present = new Set((columns.get(trigger.table) ?? []).map((c) => c.name));
    const missing = triggerColumns(trigger).filter((c) => !present.has(c));
    if (missing.length)
      problems.push(
        `${missing.map((c) => `${trigger.table}.${c}`).join(', ')} (vigiada pela trigger ${trigger.name})`,
      );
  }
  if (problems.length) {
    throw new AppError(
      'db_install_missing_columns',
      `Instalação não iniciada: esta versão do WinThor não tem o que as triggers da integração vigiam; nada foi criado.\n${problems.join('\n')}`,
      {
        fix: 'Atualize o WinThor para uma versão que tenha essas colunas, ou leve a lista ao suporte da integração. A verificação de pré-requisitos mostra todas as colunas que faltam.',
      },
    );
  }
  if (plan.triggerTableOwners && Object.keys(plan.triggerTableOwners).length) {
    const privileges = new Set(
      (await db.query(`SELECT PRIVILEGE FROM SESSION_PRIVS`)).map((r) => String(r.PRIVILEGE)),
    );
    if (!privileges.has('CREATE ANY TRIGGER')) {
      const owners = [...new Set(Object.values(plan.triggerTableOwners))].join(', ');
      throw new AppError(
        'db_install_privileges',
        `Instalação não iniciada: as tabelas ${Object.keys(plan.triggerTableOwners).join(', ')} são de ${owners} (acessadas por sinônimo) e criar triggers nelas a partir de outro esquema exige CREATE ANY TRIGGER; nada foi criado.`,
        {
          field: 'database.oracle.schema',
          fix: `Peça ao DBA: GRANT CREATE ANY TRIGGER TO <usuário da integração>; ou informe ${owners} como esquema em Banco de Dados › Conexão e entregue ao DBA o script de instalação para ele executar conectado como ${owners}.`,
        },
      );
    }
  }
};
