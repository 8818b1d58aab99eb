import type { Db, DbSession } from '../db/db';
import { coalesceChanges, type ChangeBatch } from './change-queue-repository';
import { chunk, inList, toNumber } from './sql-helpers';

/**
 * The trigger queue as each branch consumes it (ADR 0107). Product, price and category changes are not
 * per branch (their triggers write BRANCH NULL), yet every branch must see them: `fanOutChanges` turns each
 * such row into one row per configured branch, in one transaction, and deletes the original. Rows of
 * branches the integration does not serve (a PCEST change of branch 7 when only 1 and 2 sell online) are
 * deleted, so the queue never grows with work nobody will do.
 */
export const fanOutChanges = async (
  db: Db,
  branches: readonly string[],
  limit = 5000,
): Promise<{ copied: number; purged: number }> => {
  if (branches.length === 0) return { copied: 0, purged: 0 };
  return db.transaction(async (tx) => {
    const rows = await tx.query(
      tx.dialect.limit(
        `SELECT WTC_CHANGE_QUEUE.ID FROM WTC_CHANGE_QUEUE WHERE WTC_CHANGE_QUEUE.BRANCH IS NULL ORDER BY WTC_CHANGE_QUEUE.ID`,
      ),
      { row_limit: limit },
    );
    const ids = rows.map((row) => toNumber(row.ID));
    let copied = 0;
    for (const part of chunk(ids)) {
      const list = inList('id', part);
      for (const branch of branches) {
        copied += (
          await tx.execute(
            `INSERT INTO WTC_CHANGE_QUEUE (ID, ENTITY, BRANCH, ERP_KEY, OPERATION, CREATED_AT)
             SELECT ${tx.dialect.nextId('WTC_CHANGE_QUEUE')}, Q.ENTITY, :branch, Q.ERP_KEY, Q.OPERATION, Q.CREATED_AT
               FROM WTC_CHANGE_QUEUE Q WHERE Q.ID IN (${list.sql})`,
            { branch, ...list.binds },
          )
        ).rowsAffected;
      }
      await tx.execute(`DELETE FROM WTC_CHANGE_QUEUE WHERE WTC_CHANGE_QUEUE.ID IN (${list.sql})`, list.binds);
    }
    const served = inList('b', [...branches]);
    const purged = (
      await tx.execute(
        `DELETE FROM WTC_CHANGE_QUEUE WHERE WTC_CHANGE_QUEUE.BRANCH IS NOT NULL AND WTC_CHANGE_QUEUE.BRANCH NOT IN (${served.sql})`,
        served.binds,
      )
    ).rowsAffected;
    return { copied, purged };
  });
};

/** The oldest changes of one entity for one branch, coalesced by key. */
export const readBranchChanges = async (
  db: DbSession,
  entity: string,
  branch: string,
  limit: number,
): Promise<ChangeBatch> => {
  const rows = await db.query(
    db.dialect.limit(
      `SELECT WTC_CHANGE_QUEUE.ID, WTC_CHANGE_QUEUE.ENTITY, WTC_CHANGE_QUEUE.BRANCH, WTC_CHANGE_QUEUE.ERP_KEY,
              WTC_CHANGE_QUEUE.OPERATION
         FROM WTC_CHANGE_QUEUE
        WHERE WTC_CHANGE_QUEUE.ENTITY = :entity AND WTC_CHANGE_QUEUE.BRANCH = :branch
        ORDER BY WTC_CHANGE_QUEUE.ID`,
    ),
    { entity, branch, row_limit: limit },
  );
  return coalesceChanges(rows);
};

/** Rows waiting for a branch, per entity (Painel backlog; branch-less rows count for every branch). */
export const countBranchBacklog = async (db: DbSession, branch: string): Promise<Record<string, number>> => {
  const rows = await db.query(
    `SELECT WTC_CHANGE_QUEUE.ENTITY, COUNT(*) AS N FROM WTC_CHANGE_QUEUE
      WHERE WTC_CHANGE_QUEUE.BRANCH = :branch OR WTC_CHANGE_QUEUE.BRANCH IS NULL
      GROUP BY WTC_CHANGE_QUEUE.ENTITY`,
    { branch },
  );
  return Object.fromEntries(rows.map((row) => [String(row.ENTITY), toNumber(row.N)]));
};
