import type { DbSession } from '../db/db';

/** Installed version: 0 when the version table does not exist. */
export const readInstalledVersion = async (db: DbSession): Promise<number> => {
  const exists =
    db.dialect.name === 'oracle'
      ? // The objects live in CURRENT_SCHEMA (the configured owner of the PC* tables, or the user).
        await db.queryOne(
          `SELECT COUNT(*) AS N FROM ALL_TABLES WHERE OWNER = SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA') AND TABLE_NAME = 'WTC_SCHEMA_VERSION'`,
        )
      : await db.queryOne(
          `SELECT COUNT(*) AS N FROM sqlite_master WHERE type = 'table' AND name = 'WTC_SCHEMA_VERSION'`,
        );
  if (Number(exists?.N ?? 0) === 0) return 0;
  const row = await db.queryOne(`SELECT MAX(VERSION) AS V FROM WTC_SCHEMA_VERSION`);
  return Number(row?.V ?? 0);
};

/** Names of the integration objects present (tables, sequences, triggers, indexes). */
export const listIntegrationObjects = async (db: DbSession): Promise<string[]> => {
  const rows =
    db.dialect.name === 'oracle'
      ? await db.query(
          `SELECT OBJECT_TYPE || ' ' || OBJECT_NAME AS NAME FROM ALL_OBJECTS WHERE OWNER = SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA') AND OBJECT_NAME LIKE 'WTC\\_%' ESCAPE '\\' ORDER BY 1`,
        )
      : await db.query(
          `SELECT type || ' ' || name AS NAME FROM sqlite_master WHERE name LIKE 'WTC\\_%' ESCAPE '\\' ORDER BY 1`,
        );
  return rows.map((r) => String(r.NAME));
};
