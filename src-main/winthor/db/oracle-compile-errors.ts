import { AppError } from '../../shared/app-error';
import { driverErrorCode } from './db-errors';

/** The object a CREATE [OR REPLACE] statement creates ("TRIGGER WTC_PRODUCT_TRG"), when it can be read. */
export const createdObject = (sql: string): { type: string; name: string } | undefined => {
  const m =
    /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:(?:NON)?EDITIONABLE\s+)?(TRIGGER|PROCEDURE|FUNCTION|PACKAGE\s+BODY|PACKAGE|TYPE\s+BODY|TYPE|VIEW)\s+(?:"?(\w+)"?\.)?"?([\w$#]+)"?/i.exec(
      sql,
    );
  return m ? { type: m[1]!.toUpperCase().replace(/\s+/g, ' '), name: m[3]!.toUpperCase() } : undefined;
};

/**
 * node-oracledb 6 resolves a CREATE of PL/SQL that compiled with errors (ORA-24344) and only sets
 * `result.warning` (NJS-700): the object was created INVALID. This is the error to throw instead.
 */
export const compiledWithErrors = (
  sql: string,
  warning: unknown,
): AppError & { object?: { type: string; name: string } } => {
  const object = createdObject(sql);
  const code = driverErrorCode(warning) ?? 'NJS-700';
  const what = object ? `o objeto ${object.type} ${object.name}` : 'o objeto';
  const where = object ? ` WHERE NAME = '${object.name}'` : '';
  const error = new AppError(
    'db_compiled_with_errors',
    `Banco Oracle: ${what} foi criado com erros de compilação e ficou INVÁLIDO (${code}).`,
    {
      fix: `Peça ao DBA para consultar USER_ERRORS (ou ALL_ERRORS)${where}, corrigir a causa (em geral um privilégio ou uma tabela que falta) e executar a instalação de novo.`,
      cause: warning,
    },
  );
  return object ? Object.assign(error, { object }) : error;
};
