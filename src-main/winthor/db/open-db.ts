import type { Settings } from '../../contract';
import { AppError } from '../../shared/app-error';
import type { Db } from './db';
import { OracleDb } from './oracle-db';
import { SqliteDb } from './sqlite-db';

export type DatabaseSettings = Settings['database'];

/** How a database is opened beside the jobs' pool (the lease's renewals: their own connections, short waits). */
export interface OpenDbOptions {
  /** Connections of its own, waits cut short: a hung or busy database fails fast instead of queueing. */
  dedicated?: { timeoutSeconds: number };
}

/**
 * The lease's own Oracle pool (ADR 0312): two connections, so the release at stop never queues behind a claim
 * hung on the other (NJS-040 would leave the row held until the expiry); waits cut to `timeoutSeconds`.
 * `connectTimeout` is honoured by Thin mode; in Thick mode use Oracle Net's own (ADR 0312).
 */
export const dedicatedOraclePool = (timeoutSeconds: number) => ({
  poolMin: 0,
  poolMax: 2,
  queueTimeoutMs: timeoutSeconds * 1000,
  connectTimeoutSeconds: timeoutSeconds,
  callTimeoutSeconds: timeoutSeconds,
});

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
      ? dedicatedOraclePool(options.dedicated.timeoutSeconds)
      : { poolMin: oracle.poolMin, poolMax: Math.max(oracle.poolMax, oracle.poolMin, 1) }),
  });
};
