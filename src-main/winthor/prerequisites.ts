import type { Settings, WinthorParameter } from '../contract';
import { mapDbError } from './db/db-errors';
import type { Db } from './db/db';
import { codeExists, type CodeTable } from './repositories/lookups-repository';
import { readParameters } from './repositories/parameters-repository';
import { priceColumnFor } from './repositories/prices-repository';
import { getBranch } from './repositories/branches-repository';
import { readInstalledVersion } from './schema/installer';
import { TARGET_VERSION } from './schema/migrations';

export type CheckStatus = 'ok' | 'warning' | 'error';

export interface PrerequisiteCheck {
  id: string;
  label: string;
  status: CheckStatus;
  detail: string;
  fix?: string;
}

/** The WinThor tables the integration reads. */
export const READ_TABLES = [
  'PCFILIAL',
  'PCDEPTO',
  'PCSECAO',
  'PCCATEGORIA',
  'PCPRODUT',
  'PCEST',
  'PCTABPR',
  'PCREGIAO',
  'PCCOB',
  'PCPLPAG',
  'PCFORNEC',
  'PCPARAMFILIAL',
  'PCCONSUM',
  'PCCLIENT',
  'PCPRACA',
  'PCUSUARI',
  'PCATIVI',
  'PCPEDC',
  'PCPEDI',
  'PCPEDCFV',
  'PCPEDIFV',
] as const;

/**
 * Statements that need a write privilege but change nothing (WHERE 1 = 0), run in a transaction that is
 * rolled back: the database checks the privilege when it parses them.
 */
const WRITE_PROBES: Array<{ table: string; privilege: string; sql: string }> = [
  {
    table: 'PCPEDCFV',
    privilege: 'INSERT',
    sql: `INSERT INTO PCPEDCFV (NUMPEDRCA) SELECT PCPEDCFV.NUMPEDRCA FROM PCPEDCFV WHERE 1 = 0`,
  },
  {
    table: 'PCPEDIFV',
    privilege: 'INSERT',
    sql: `INSERT INTO PCPEDIFV (NUMPEDRCA) SELECT PCPEDIFV.NUMPEDRCA FROM PCPEDIFV WHERE 1 = 0`,
  },
  {
    table: 'PCCLIENT',
    privilege: 'INSERT',
    sql: `INSERT INTO PCCLIENT (CODCLI) SELECT PCCLIENT.CODCLI FROM PCCLIENT WHERE 1 = 0`,
  },
  {
    table: 'PCCONSUM',
    privilege: 'UPDATE',
    sql: `UPDATE PCCONSUM SET PROXNUMCLI = PCCONSUM.PROXNUMCLI WHERE 1 = 0`,
  },
];

const PARAMETER_RULES: Record<WinthorParameter, { label: string; table?: CodeTable; required: boolean }> = {
  '2829': { label: '% do estoque para o e-commerce', required: false },
  '4008': { label: 'cobrança padrão de clientes novos', table: 'PCCOB', required: true },
  '4009': { label: 'plano de pagamento padrão', table: 'PCPLPAG', required: true },
  '4010': { label: 'coluna de preço de venda (1 a 7 ou PVENDA1 a PVENDA7)', required: false },
  '4011': { label: 'praça padrão', table: 'PCPRACA', required: true },
  '4012': { label: 'RCA (vendedor) padrão', table: 'PCUSUARI', required: true },
  '4013': { label: 'ramo de atividade padrão', table: 'PCATIVI', required: true },
  '4014': { label: 'região de preço', table: 'PCREGIAO', required: false },
};

const ROLLBACK = Symbol('rollback');

const probe = async (db: Db, sql: string): Promise<string | null> => {
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql);
      throw ROLLBACK;
    });
    return null;
  } catch (error) {
    if (error === ROLLBACK) return null;
    return mapDbError(error).message;
  }
};

const checkParameter = async (
  db: Db,
  parameter: WinthorParameter,
  value: string | null,
  name: string,
  branch: string,
): Promise<PrerequisiteCheck> => {
  const rule = PARAMETER_RULES[parameter];
  const id = `parameter.${branch}.${parameter}`;
  const label = `Parâmetro ${parameter} — ${rule.label} (filial ${branch})`;
  const fix = `Na rotina 132 do WinThor, informe o parâmetro ${parameter} (PCPARAMFILIAL.NOME = ${name}) para a filial ${branch} ou para a empresa (99).`;
  if (value === null) {
    if (parameter === '2829')
      return {
        id,
        label,
        status: 'warning',
        detail: 'Não informado: será oferecido 100% do estoque disponível.',
        fix,
      };
    if (parameter === '4010')
      return { id, label, status: 'warning', detail: 'Não informado: será usada a coluna PVENDA1.', fix };
    if (parameter === '4014')
      return {
        id,
        label,
        status: 'ok',
        detail: 'Não informado: vale a região padrão da filial (PCFILIAL.NUMREGIAOPADRAO).',
      };
    return {
      id,
      label,
      status: rule.required ? 'error' : 'warning',
      detail: `Não informado (${name}).`,
      fix,
    };
  }
  if (parameter === '2829') {
    const n = Number(value.replace(',', '.'));
    return Number.isFinite(n) && n >= 0 && n <= 100
      ? { id, label, status: 'ok', detail: `${value}%` }
      : { id, label, status: 'error', detail: `Valor "${value}" não é um percentual de 0 a 100.`, fix };
  }
  if (parameter === '4010') {
    // The same function the price reads use, so the screen and the prices agree on what is valid.
    try {
      return { id, label, status: 'ok', detail: priceColumnFor(value) };
    } catch {
      return {
        id,
        label,
        status: 'error',
        detail: `Valor "${value}" não é uma coluna de preço: use 1 a 7 ou PVENDA1 a PVENDA7.`,
        fix,
      };
    }
  }
  const exists = await codeExists(db, rule.table!, value);
  return exists
    ? { id, label, status: 'ok', detail: `${value} (existe em ${rule.table})` }
    : {
        id,
        label,
        status: 'error',
        detail: `O código ${value} não existe em ${rule.table}.`,
        fix: `Cadastre o código ${value} em ${rule.table} ou corrija o parâmetro ${parameter} na rotina 132.`,
      };
};

const OBJECT_KINDS = ['TABLE', 'SEQUENCE', 'INDEX', 'TRIGGER'] as const;
/** What installing into another owner's schema needs: create the objects there, then grant them to the user. */
const OTHER_SCHEMA_PRIVILEGES = [...OBJECT_KINDS.map((o) => `CREATE ANY ${o}`), 'GRANT ANY OBJECT PRIVILEGE'];

/**
 * Can the installer create the WTC_ objects? In the user's own schema CREATE TABLE/SEQUENCE/TRIGGER is enough
 * (indexes on one's own tables need no privilege). When another owner is configured (CURRENT_SCHEMA set to
 * the owner of the PC* tables), creating objects there needs CREATE ANY TABLE/SEQUENCE/INDEX/TRIGGER, and
 * GRANT ANY OBJECT PRIVILEGE for the GRANTs the install script then gives the user on those objects (they
 * belong to the owner; by reading the Oracle GRANT rules, only the owner or that privilege can grant them) —
 * or the DBA runs the install script connected as that owner.
 */
export const checkCreatePrivileges = async (db: Db): Promise<PrerequisiteCheck> => {
  const id = 'grants.create';
  const label = 'Criação dos objetos da integração';
  if (db.dialect.name !== 'oracle') return { id, label, status: 'ok', detail: 'Banco embutido: permitido.' };
  const privileges = new Set(
    (await db.query(`SELECT PRIVILEGE FROM SESSION_PRIVS`)).map((r) => String(r.PRIVILEGE)),
  );
  const who = await db.queryOne(
    `SELECT SYS_CONTEXT('USERENV', 'SESSION_USER') AS SESSION_USER_NAME, SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA') AS SCHEMA_NAME FROM DUAL`,
  );
  const user = String(who?.SESSION_USER_NAME ?? '');
  const schema = String(who?.SCHEMA_NAME ?? user);
  if (schema && user && schema !== user) {
    const missing = OTHER_SCHEMA_PRIVILEGES.filter((p) => !privileges.has(p));
    return missing.length === 0
      ? {
          id,
          label,
          status: 'ok',
          detail: `Objetos criados no esquema ${schema} (dono das tabelas PC*) e concedidos ao usuário ${user} pelo script: CREATE ANY TABLE, SEQUENCE, INDEX, TRIGGER e GRANT ANY OBJECT PRIVILEGE concedidos a ele.`,
        }
      : {
          id,
          label,
          status: 'warning',
          detail: `O esquema configurado (${schema}) não é o do usuário ${user}: criar os objetos WTC_ nele e conceder a ${user} SELECT, INSERT, UPDATE e DELETE nas tabelas e SELECT nas sequences exige ${OTHER_SCHEMA_PRIVILEGES.join(', ')}. Faltam: ${missing.join(', ')}.`,
          fix: `Peça ao DBA: GRANT ${missing.join(', ')} TO ${user}; ou entregue ao DBA o script de "Criar Tabelas / Sequences / Triggers" (visualizar script, ou: integrador db install --dry-run) para ele executar conectado como ${schema} (o script já inclui os GRANTs para ${user}).`,
        };
  }
  const missing = ['TABLE', 'SEQUENCE', 'TRIGGER']
    .filter((o) => !privileges.has(`CREATE ${o}`) && !privileges.has(`CREATE ANY ${o}`))
    .map((o) => `CREATE ${o}`);
  return missing.length === 0
    ? { id, label, status: 'ok', detail: 'CREATE TABLE, SEQUENCE e TRIGGER concedidos.' }
    : {
        id,
        label,
        status: 'warning',
        detail: `Faltam: ${missing.join(', ')}.`,
        fix: `Peça ao DBA: GRANT ${missing.join(', ')} TO ${user || '<usuário>'}; ou entregue ao DBA o script de "Criar Tabelas / Sequences / Triggers" (visualizar script) para ele executar.`,
      };
};

/** The prerequisites report (winthor.md): connection, grants, parameters, installed schema. */
export const checkPrerequisites = async (db: Db, settings: Settings): Promise<PrerequisiteCheck[]> => {
  const checks: PrerequisiteCheck[] = [];
  const info = await db.info();
  checks.push({
    id: 'connection',
    label: 'Conexão com o banco de dados',
    status: 'ok',
    detail: `${info.serverVersion} — ${info.driverMode === 'embedded' ? 'banco embutido (demonstração)' : `driver em modo ${info.driverMode === 'thin' ? 'Thin' : 'Thick (Instant Client)'}`}`,
  });

  const unreadable: string[] = [];
  for (const table of READ_TABLES) {
    try {
      await db.query(`SELECT COUNT(*) AS N FROM ${table} WHERE 1 = 0`);
    } catch (error) {
      unreadable.push(`${table}: ${mapDbError(error).message}`);
    }
  }
  checks.push(
    unreadable.length === 0
      ? {
          id: 'grants.read',
          label: 'Leitura das tabelas do WinThor',
          status: 'ok',
          detail: `${READ_TABLES.length} tabelas acessíveis.`,
        }
      : {
          id: 'grants.read',
          label: 'Leitura das tabelas do WinThor',
          status: 'error',
          detail: unreadable.join('\n'),
          fix: `Peça ao DBA: GRANT SELECT ON <tabela> TO <usuário da integração>, para cada tabela listada (ou configure o esquema dono das tabelas).`,
        },
  );

  const unwritable: string[] = [];
  for (const p of WRITE_PROBES) {
    const problem = await probe(db, p.sql);
    if (problem) unwritable.push(`${p.privilege} em ${p.table}: ${problem}`);
  }
  checks.push(
    unwritable.length === 0
      ? {
          id: 'grants.write',
          label: 'Gravação de pedidos e clientes',
          status: 'ok',
          detail: 'INSERT em PCPEDCFV, PCPEDIFV e PCCLIENT; UPDATE em PCCONSUM.',
        }
      : {
          id: 'grants.write',
          label: 'Gravação de pedidos e clientes',
          status: 'error',
          detail: unwritable.join('\n'),
          fix: 'Peça ao DBA os GRANTs listados para o usuário da integração.',
        },
  );

  checks.push(await checkCreatePrivileges(db));

  const branches = settings.branches.filter((b) => b.enabled).map((b) => b.code);
  for (const code of branches) {
    const branch = await getBranch(db, code).catch(() => undefined);
    checks.push(
      branch
        ? {
            id: `branch.${code}`,
            label: `Filial ${code}`,
            status: branch.active ? 'ok' : 'warning',
            detail: `${branch.name}${branch.active ? '' : ' (excluída no WinThor)'}`,
          }
        : {
            id: `branch.${code}`,
            label: `Filial ${code}`,
            status: 'error',
            detail: 'Não existe no cadastro de filiais (PCFILIAL).',
            fix: 'Corrija o código da filial nas configurações.',
          },
    );
  }
  if (!unreadable.some((u) => u.startsWith('PCPARAMFILIAL'))) {
    for (const code of branches.length ? branches : ['99']) {
      const parameters = await readParameters(db, settings.winthor.parameterNames, code);
      for (const parameter of Object.keys(PARAMETER_RULES) as WinthorParameter[]) {
        checks.push(
          await checkParameter(
            db,
            parameter,
            parameters[parameter].value,
            parameters[parameter].name,
            code,
          ).catch((error: unknown) => ({
            id: `parameter.${code}.${parameter}`,
            label: `Parâmetro ${parameter} (filial ${code})`,
            status: 'error' as const,
            detail: mapDbError(error).message,
          })),
        );
      }
    }
  }

  const installed = await readInstalledVersion(db).catch(() => 0);
  checks.push(
    installed === TARGET_VERSION
      ? {
          id: 'schema',
          label: 'Tabelas, sequences e triggers da integração',
          status: 'ok',
          detail: `Versão ${installed} instalada.`,
        }
      : {
          id: 'schema',
          label: 'Tabelas, sequences e triggers da integração',
          status: 'warning',
          detail:
            installed === 0
              ? `Não instaladas (versão atual do instalador: ${TARGET_VERSION}).`
              : `Versão ${installed} instalada; a atual é ${TARGET_VERSION}.`,
          fix: 'Use "Criar Tabelas / Sequences / Triggers" (ou: integrador db install).',
        },
  );
  return checks;
};
