import type { DbSession } from '../db/db';
import { recordPendingEvents } from './pending-events';
import { fit, toOptionalDate, toOptionalText } from './sql-helpers';

/** The history action that holds the decision (WTC_PENDING_EVENT.ACTION, ADR 0219). */
export const IMPORT_ANYWAY_ACTION = 'import_anyway';

/** Only an order's possible duplicate takes the decision (ADR 0214's pendência). */
const DECIDABLE = `WTC_PENDING.ENTITY = 'order' AND WTC_PENDING.ERROR_KIND = 'possivel_duplicado'
  AND WTC_PENDING.STATUS IN ('open', 'ignored')`;

/**
 * "Importar mesmo assim" (ADR 0219): the pendência is due now (reopened when it was ignored) and its history
 * gets the decision — who (`actor`), when, and the order it resembles (`message`). False when it is no longer
 * an open or ignored `possivel_duplicado` of an order (resolved meanwhile, another problem now): nothing written.
 */
export const recordImportAnyway = async (
  db: DbSession,
  pendingId: number,
  message: string,
  at: Date,
  actor: string,
): Promise<boolean> => {
  const updated = await db.execute(
    `UPDATE WTC_PENDING SET STATUS = 'open', NEXT_ATTEMPT_AT = :at, IGNORE_REASON = NULL, IGNORED_BY = NULL,
            IGNORED_AT = NULL
      WHERE WTC_PENDING.ID = :id AND ${DECIDABLE}`,
    { id: pendingId, at },
  );
  if (updated.rowsAffected !== 1) return false;
  await recordPendingEvents(db, [pendingId], {
    action: IMPORT_ANYWAY_ACTION,
    at,
    kind: 'possivel_duplicado',
    message: fit(message, 4000),
    actor,
  });
  return true;
};

/**
 * The operator's latest "Importar mesmo assim" for this store order of this branch, or undefined: read by the
 * staging transaction only when the second guard found a possible duplicate. Any pendência of the order
 * counts (the one decided on may have been reopened as another kind and back); another order id never does.
 */
export const findImportAnywayDecision = async (
  db: DbSession,
  branch: string,
  storeOrderId: string,
): Promise<{ at: Date; actor: string | null } | undefined> => {
  const row = await db.queryOne(
    db.dialect.limit(
      `SELECT WTC_PENDING_EVENT.EVENT_AT, WTC_PENDING_EVENT.ACTOR
         FROM WTC_PENDING_EVENT, WTC_PENDING
        WHERE WTC_PENDING_EVENT.PENDING_ID = WTC_PENDING.ID AND WTC_PENDING_EVENT.ACTION = :action
          AND WTC_PENDING.ENTITY = 'order' AND WTC_PENDING.BRANCH = :branch AND WTC_PENDING.ERP_KEY = :erp_key
        ORDER BY WTC_PENDING_EVENT.ID DESC`,
    ),
    { action: IMPORT_ANYWAY_ACTION, branch, erp_key: storeOrderId, row_limit: 1 },
  );
  if (!row) return undefined;
  return { at: toOptionalDate(row.EVENT_AT) ?? new Date(0), actor: toOptionalText(row.ACTOR) };
};
