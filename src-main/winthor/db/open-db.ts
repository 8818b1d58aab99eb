import type { Settings } from '../../contract';
import { AppError } from '../../shared/app-error';
import type { Db } from './db';
import { OracleDb } from './oracle-db';
import { SqliteDb } from './sqlite-db';

export type DatabaseSettings = Settings['database'];

/** How a database is opened beside the jobs' pool (the lease's renewals: one connection, short waits). */
export interface OpenDbOptions {
  /** One connection of its own, waits cut short: a hung or busy database fails fast instead of queueing. */
  dedicated?: { timeoutSeconds: number };
}

/** Opens the database the settings name: the WinThor Oracle or the embedded file. */
export const openDb = async (database: DatabaseSettings, options: OpenDbOptions = {}): Promise<Db> => {
  if (database.kind === 'embedded') {
    if (!database.embedded.file) {
      throw new AppError('db_not_configured', 'Banco embutido: informe o arquivo.', {
        field: 'database.embedded.file',
        fix: 'Use o modo demonstração (--demo) ou informe o caminho do arquivo SQLite.',
      });
    }
    return new SqliteDb({
      file: database.embedded.file,
      ...(options.dedicated ? { busyTimeoutMs: options.dedicated.timeoutSeconds * 1000 } : {}),
    });
  }
  const oracle = database.oracle;
  const missing = !oracle.connectString
    ? 'connectString'
    : !oracle.user
      ? 'user'
      : !oracle.password
        ? 'password'
        : undefined;
  if (missing) {
    const label = { connectString: 'string de conexão', user: 'usuário', password: 'senha' }[missing];
    throw new AppError('db_not_configured', `Banco Oracle: informe a ${label}.`, {
      field: `database.oracle.${missing}`,
      fix: 'Preencha Banco de Dados › Conexão (string de conexão no formato servidor:1521/SERVICO, usuário e senha).',
    });
  }
  return OracleDb.open({
    connectString: oracle.connectString,
    user: oracle.user,
    password: oracle.password,
    instantClientDir: oracle.instantClientDir,
    schema: oracle.schema,
    ...(options.dedicated
      ? {
          poolMin: 0,
          poolMax: 1,
          queueTimeoutMs: options.dedicated.timeoutSeconds * 1000,
          connectTimeoutSeconds: options.dedicated.timeoutSeconds,
          callTimeoutSeconds: options.dedicated.timeoutSeconds,
        }
      : { poolMin: oracle.poolMin, poolMax: Math.max(oracle.poolMax, oracle.poolMin, 1) }),
  });
};
