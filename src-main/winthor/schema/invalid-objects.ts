import { AppError } from '../../shared/app-error';
import type { DbSession } from '../db/db';
import { oracleDropTrigger } from './schema-ddl';

export interface InvalidObject {
  type: string;
  name: string;
}

const isIntegrationName = (name: string): boolean => /^WTC_[A-Z0-9_$#]+$/.test(name);

/**
 * INVALID integration objects in the schema the installer writes to (CURRENT_SCHEMA: the configured owner of
 * the PC* tables, or the user), plus the one the driver just reported, if the dictionary missed it.
 */
const findInvalidObjects = async (db: DbSession, reported?: InvalidObject): Promise<InvalidObject[]> => {
  const rows = await db.query(
    `SELECT OBJECT_TYPE, OBJECT_NAME FROM ALL_OBJECTS WHERE OWNER = SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA') AND STATUS = 'INVALID' AND OBJECT_NAME LIKE 'WTC\\_%' ESCAPE '\\' ORDER BY OBJECT_NAME`,
  );
  const found = rows.map((r) => ({ type: String(r.OBJECT_TYPE), name: String(r.OBJECT_NAME) }));
  if (reported && !found.some((o) => o.type === reported.type && o.name === reported.name))
    found.push(reported);
  return found.filter((o) => isIntegrationName(o.name));
};

const compileErrors = async (db: DbSession, object: InvalidObject): Promise<string[]> => {
  const rows = await db
    .query(
      `SELECT LINE, POSITION, TEXT FROM ALL_ERRORS WHERE OWNER = SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA') AND NAME = :name AND TYPE = :type ORDER BY SEQUENCE`,
      { name: object.name, type: object.type },
    )
    .catch(() => []);
  return rows.map((r) => `linha ${String(r.LINE)}, coluna ${String(r.POSITION)}: ${String(r.TEXT).trim()}`);
};

/**
 * After a step's statements and before its version is recorded: an INVALID trigger on PCPRODUT, PCEST,
 * PCTABPR or PCPEDC makes every write to that WinThor table fail (ORA-04098), so invalid triggers are dropped
 * at once, the version is not recorded, and the install fails naming each object and its compile errors.
 */
export const assertNoInvalidObjects = async (
  db: DbSession,
  version: number,
  compileError?: AppError & { object?: InvalidObject },
): Promise<void> => {
  const invalid = await findInvalidObjects(db, compileError?.object);
  if (invalid.length === 0) {
    if (compileError) throw compileError;
    return;
  }
  const lines: string[] = [];
  for (const object of invalid) {
    const errors = await compileErrors(db, object);
    let action = '';
    if (object.type === 'TRIGGER') {
      const dropped = await db.execute(oracleDropTrigger(object.name)).then(
        () => true,
        () => false,
      );
      action = dropped
        ? ' — removida para não bloquear as gravações do WinThor'
        : ' — NÃO foi possível removê-la: peça ao DBA para executar DROP TRIGGER ' +
          `${object.name} já, pois ela bloqueia as gravações do WinThor na tabela (ORA-04098)`;
    }
    lines.push(`${object.type} ${object.name}${action}`);
    lines.push(...(errors.length ? errors : ['(sem detalhes em ALL_ERRORS)']).map((e) => `  ${e}`));
  }
  throw new AppError(
    'db_schema_invalid_objects',
    `Instalação interrompida: objetos da integração ficaram INVÁLIDOS no Oracle e a versão ${version} não foi registrada.\n${lines.join('\n')}`,
    {
      fix: 'Peça ao DBA para ver os erros acima (USER_ERRORS/ALL_ERRORS do esquema configurado), corrigir a causa — em geral um privilégio, uma tabela ou coluna que falta — e execute a instalação de novo.',
    },
  );
};
