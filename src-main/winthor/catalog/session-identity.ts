import type { DbSession } from '../db/db';

/** Who is connected and where unqualified names resolve (Oracle); undefined on the embedded database. */
export interface SessionIdentity {
  /** SESSION_USER: the user the integration connects as. */
  user: string;
  /** CURRENT_SCHEMA: the configured owner of the PC* tables, or the user. */
  schema: string;
}

export const readSessionIdentity = async (db: DbSession): Promise<SessionIdentity | undefined> => {
  if (db.dialect.name !== 'oracle') return undefined;
  const row = await db.queryOne(
    `SELECT SYS_CONTEXT('USERENV', 'SESSION_USER') AS SESSION_USER_NAME, SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA') AS SCHEMA_NAME FROM DUAL`,
  );
  const user = String(row?.SESSION_USER_NAME ?? '');
  return { user, schema: String(row?.SCHEMA_NAME ?? '') || user };
};
