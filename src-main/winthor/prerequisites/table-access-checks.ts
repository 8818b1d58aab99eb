import { mapDbError } from '../db/db-errors';
import type { Db } from '../db/db';
import type { PrerequisiteCheck } from './prerequisite-check';

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
  'PCCIDADE',
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

/** SELECT on every table the integration reads; `unreadable` names the tables that failed. */
export const checkReadAccess = async (
  db: Db,
): Promise<{ check: PrerequisiteCheck; unreadable: string[] }> => {
  const problems: string[] = [];
  const unreadable: string[] = [];
  for (const table of READ_TABLES) {
    try {
      await db.query(`SELECT COUNT(*) AS N FROM ${table} WHERE 1 = 0`);
    } catch (error) {
      unreadable.push(table);
      problems.push(`${table}: ${mapDbError(error).message}`);
    }
  }
  const label = 'Leitura das tabelas do WinThor';
  const labelRef = { key: 'prereq.read.label' };
  return {
    unreadable,
    check:
      problems.length === 0
        ? {
            id: 'grants.read',
            label,
            labelRef,
            status: 'ok',
            detail: `${READ_TABLES.length} tabelas acessíveis.`,
            detailRef: { key: 'prereq.read.ok', params: { count: READ_TABLES.length } },
          }
        : {
            id: 'grants.read',
            label,
            labelRef,
            status: 'error',
            detail: problems.join('\n'),
            fix: `Peça ao DBA: GRANT SELECT ON <tabela> TO <usuário da integração>, para cada tabela listada (ou configure o esquema dono das tabelas).`,
            fixRef: { key: 'prereq.read.fix' },
          },
  };
};

/** INSERT/UPDATE on the tables the integration writes, probed without changing anything. */
export const checkWriteAccess = async (db: Db): Promise<PrerequisiteCheck> => {
  const unwritable: string[] = [];
  for (const p of WRITE_PROBES) {
    const problem = await probe(db, p.sql);
    if (problem) unwritable.push(`${p.privilege} em ${p.table}: ${problem}`);
  }
  const label = 'Gravação de pedidos e clientes';
  const labelRef = { key: 'prereq.write.label' };
  return unwritable.length === 0
    ? {
        id: 'grants.write',
        label,
        labelRef,
        status: 'ok',
        detail: 'INSERT em PCPEDCFV, PCPEDIFV e PCCLIENT; UPDATE em PCCONSUM.',
        detailRef: { key: 'prereq.write.ok' },
      }
    : {
        id: 'grants.write',
        label,
        labelRef,
        status: 'error',
        detail: unwritable.join('\n'),
        fix: 'Peça ao DBA os GRANTs listados para o usuário da integração.',
        fixRef: { key: 'prereq.write.fix' },
      };
};
