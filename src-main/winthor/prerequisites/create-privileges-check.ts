import type { Db } from '../db/db';
import { readSessionIdentity } from '../catalog/session-identity';
import { locateTables, type TableLocation } from '../catalog/table-locations';
import { QUEUE_TRIGGERS } from '../schema/integration-objects';
import { TARGET_VERSION } from '../schema/migrations';
import type { PrerequisiteCheck } from './prerequisite-check';

const TRIGGER_TABLES = QUEUE_TRIGGERS.map((t) => t.table);

export interface CreatePrivilegesOptions {
  /** The integration schema version installed (0 = none). */
  installedVersion?: number;
  /** Where the trigger tables resolve (located by the caller, or here). */
  locations?: Map<string, TableLocation>;
}

/**
 * Who can create the WTC_ objects (ADR 0101):
 * - another owner configured (CURRENT_SCHEMA ≠ SESSION_USER): the DBA, connected as that owner, runs the
 *   install script, which grants the objects to the integration's user. The app does not install there: it
 *   would have to grant the owner's new objects to itself, which Oracle may refuse (ORA-01749, "you may not
 *   GRANT/REVOKE privileges to/from yourself"; by reading, not observed);
 * - the user's own schema: CREATE TABLE, SEQUENCE and TRIGGER — or CREATE ANY TRIGGER when a trigger table
 *   belongs to another owner (reached through a synonym): the trigger is then created in the user's schema
 *   on that owner's table (Oracle's CREATE TRIGGER rules, by reading).
 */
export const checkCreatePrivileges = async (
  db: Db,
  options: CreatePrivilegesOptions = {},
): Promise<PrerequisiteCheck> => {
  const id = 'grants.create';
  const label = 'Criação dos objetos da integração';
  const labelRef = { key: 'prereq.create.label' };
  const identity = await readSessionIdentity(db);
  if (!identity)
    return {
      id,
      label,
      labelRef,
      status: 'ok',
      detail: 'Banco embutido: permitido.',
      detailRef: { key: 'prereq.create.embedded' },
      installBy: 'app',
    };
  const { user, schema } = identity;
  if (schema !== user) {
    const installed = options.installedVersion === TARGET_VERSION;
    return {
      id,
      label,
      labelRef,
      status: installed ? 'ok' : 'warning',
      detailRef: {
        key: installed ? 'prereq.create.ownerInstalled' : 'prereq.create.owner',
        params: { schema, user, version: TARGET_VERSION },
      },
      detail: `Os objetos WTC_ ficam no esquema ${schema} (dono das tabelas PC*), não no do usuário ${user}: a instalação é feita pelo DBA conectado como ${schema}, com o script de "Criar Tabelas / Sequences / Triggers", que já concede a ${user} SELECT, INSERT, UPDATE e DELETE nas tabelas e SELECT nas sequences. O integrador não instala nesse caso: teria de conceder a si mesmo os objetos de ${schema}, o que o Oracle pode recusar (ORA-01749).${installed ? ` Versão ${TARGET_VERSION} já instalada.` : ''}`,
      ...(installed
        ? {}
        : {
            fixRef: { key: 'prereq.create.fixOwner', params: { schema } },
            fix: `Entregue ao DBA o script (visualizar script, ou: integrador db install --dry-run) para ele executar conectado como ${schema}, numa janela sem movimento no WinThor.`,
          }),
      installBy: 'owner',
    };
  }
  const privileges = new Set(
    (await db.query(`SELECT PRIVILEGE FROM SESSION_PRIVS`)).map((r) => String(r.PRIVILEGE)),
  );
  const locations = options.locations ?? (await locateTables(db, TRIGGER_TABLES));
  const foreign = TRIGGER_TABLES.map((t) => locations.get(t)).filter(
    (l): l is TableLocation => l !== undefined && l.owner !== null && l.owner !== schema,
  );
  const owners = [...new Set(foreign.map((l) => l.owner))].join(', ');
  const required = [
    'CREATE TABLE',
    'CREATE SEQUENCE',
    foreign.length ? 'CREATE ANY TRIGGER' : 'CREATE TRIGGER',
  ];
  const missing = required.filter(
    (p) => !privileges.has(p) && !privileges.has(p.replace('CREATE ', 'CREATE ANY ')),
  );
  const foreignNote = foreign.length
    ? ` As tabelas ${foreign.map((l) => l.table).join(', ')} são de ${owners} (acessadas por sinônimo): as triggers ficam no esquema ${schema} sobre as tabelas de ${owners}, o que exige CREATE ANY TRIGGER.`
    : '';
  if (missing.length === 0)
    return {
      id,
      label,
      labelRef,
      status: 'ok',
      detail: `${required.join(', ')} concedidos.${foreignNote}`,
      installBy: 'app',
    };
  return {
    id,
    label,
    labelRef,
    status: 'warning',
    detail: `Faltam: ${missing.join(', ')}.${foreignNote}`,
    detailRef: foreign.length
      ? {
          key: 'prereq.create.missingForeign',
          params: {
            privileges: missing.join(', '),
            tables: foreign.map((l) => l.table).join(', '),
            owners,
            schema,
          },
        }
      : { key: 'prereq.create.missing', params: { privileges: missing.join(', ') } },
    fixRef: {
      key: foreign.length ? 'prereq.create.fixForeign' : 'prereq.create.fixGrant',
      // No user known: null, and the English text has its own variant (no pt-BR filler).
      params: {
        privileges: missing.join(', '),
        user: user || null,
        owners,
        ...(user ? {} : { context: 'noUser' }),
      },
    },
    fix: foreign.length
      ? `Peça ao DBA: GRANT ${missing.join(', ')} TO ${user}; ou configure o esquema dono das tabelas (${owners}) em Banco de Dados › Conexão e entregue ao DBA o script de "Criar Tabelas / Sequences / Triggers" para ele executar conectado como ${owners}.`
      : `Peça ao DBA: GRANT ${missing.join(', ')} TO ${user || '<usuário>'}; ou entregue ao DBA o script de "Criar Tabelas / Sequences / Triggers" (visualizar script) para ele executar.`,
    installBy: 'app',
  };
};
