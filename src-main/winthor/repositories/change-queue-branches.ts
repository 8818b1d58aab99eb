import type { Db, DbSession } from '../db/db';
import { coalesceChanges, type ChangeBatch } from './change-queue-repository';
import { chunk, inList, toNumber } from './sql-helpers';

/**
 * The trigger queue as each branch consumes it (ADR 0107). Product, price and category changes are not
 * per branch (their triggers write BRANCH NULL), yet every branch that syncs them must see them:
 * `fanOutChanges` turns each such row into one row per consuming branch, in one transaction, and deletes
 * the original. `consumers` says, per entity, which branches have a job that reads it (an enabled branch,
 * with a store, with that job scheduled); rows nobody will read — a PCEST change of a branch that does not
 * sell online, order-status changes while no order-status job runs — are deleted, so the queue never grows
 * with work nobody will do. A reconcile catches up whatever a branch missed while it did not consume.
 */
export const fanOutChanges = async (
  db: Db,
  consumers: Readonly<Record<string, readonly string[]>>,
  limit = 5000,
): Promise<{ copied: number; purged: number }> =>
  db.transaction(async (tx) => {
    const rows = await tx.query(
      tx.dialect.limit(
        `SELECT WTC_CHANGE_QUEUE.ID, WTC_CHANGE_QUEUE.ENTITY FROM WTC_CHANGE_QUEUE WHERE WTC_CHANGE_QUEUE.BRANCH IS NULL ORDER BY WTC_CHANGE_QUEUE.ID`,
      ),
      { row_limit: limit },
    );
    let copied = 0;
    const byEntity = new Map<string, number[]>();
    for (const row of rows) {
      const entity = String(row.ENTITY);
      byEntity.set(entity, [...(byEntity.get(entity) ?? []), toNumber(row.ID)]);
    }
    for (const [entity, ids] of byEntity) {
      for (const part of chunk(ids)) {
        const list = inList('id', part);
        for (const branch of consumers[entity] ?? []) {
          copied += (
            await tx.execute(
              `INSERT INTO WTC_CHANGE_QUEUE (ID, ENTITY, BRANCH, ERP_KEY, OPERATION, CREATED_AT)
               SELECT ${tx.dialect.nextId('WTC_CHANGE_QUEUE')}, Q.ENTITY, :branch, Q.ERP_KEY, Q.OPERATION, Q.CREATED_AT
                 FROM WTC_CHANGE_QUEUE Q WHERE Q.ID IN (${list.sql})`,
              { branch, ...list.binds },
            )
          ).rowsAffected;
        }
        await tx.execute(
          `DELETE FROM WTC_CHANGE_QUEUE WHERE WTC_CHANGE_QUEUE.ID IN (${list.sql})`,
          list.binds,
        );
      }
    }
    let purged = 0;
    for (const [entity, branches] of Object.entries(consumers)) {
      const served = branches.length ? inList('b', [...branches]) : null;
      purged += (
        await tx.execute(
          `DELETE FROM WTC_CHANGE_QUEUE WHERE WTC_CHANGE_QUEUE.ENTITY = :entity AND WTC_CHANGE_QUEUE.BRANCH IS NOT NULL${
            served ? ` AND WTC_CHANGE_QUEUE.BRANCH NOT IN (${served.sql})` : ''
          }`,
          { entity, ...(served?.binds ?? {}) },
        )
      ).rowsAffected;
    }
    return { copied, purged };
  });

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
