import type { DbSession } from '../db/db';
import { fit, toOptionalText } from './sql-helpers';

/** Named positions a job keeps between runs (WTC_CURSOR), per branch. BRANCH is never '' (NULL on Oracle). */
export const getCursor = async (db: DbSession, name: string, branch: string): Promise<string | null> => {
  const row = await db.queryOne(
    `SELECT WTC_CURSOR.CURSOR_VALUE FROM WTC_CURSOR WHERE WTC_CURSOR.NAME = :name AND WTC_CURSOR.BRANCH = :branch`,
    { name, branch },
  );
  return toOptionalText(row?.CURSOR_VALUE);
};

export const setCursor = async (
  db: DbSession,
  name: string,
  branch: string,
  value: string | null,
  at: Date,
): Promise<void> => {
  await db.execute(db.dialect.upsert('WTC_CURSOR', ['NAME', 'BRANCH'], ['CURSOR_VALUE', 'UPDATED_AT']), {
    name,
    branch,
    cursor_value: fit(value, 4000),
    updated_at: at,
  });
};
