import type { DbSession } from '../db/db';
import type { PossibleDuplicate } from './duplicate-order-guard';
import { recordPendingEvents } from './pending-events';
import { fit, toNumber, toOptionalDate, toOptionalText, toText } from './sql-helpers';

/** The history action that holds the decision (WTC_PENDING_EVENT.ACTION, ADR 0219). */
export const IMPORT_ANYWAY_ACTION = 'import_anyway';

/** Only an order's possible duplicate takes the decision (ADR 0214's pendência). */
const DECIDABLE = `WTC_PENDING.ENTITY = 'order' AND WTC_PENDING.ERROR_KIND = 'possivel_duplicado'
  AND WTC_PENDING.STATUS IN ('open', 'ignored')`;

/** The earlier copy the operator was shown and confirmed is another order (the pendência's params). */
export interface ConfirmedDuplicate {
  numped: number | null;
  numpedrca: number | null;
}

/** What the decision is about: the WTC_STORE_ORDER record held (ADR 0114) and the copy it resembled. */
export interface ImportAnywayTarget {
  recordId: number;
  resembles: ConfirmedDuplicate;
}

/** A decision as the staging transaction reads it (ADR 0219). */
export interface ImportAnywayDecision extends ImportAnywayTarget {
  at: Date;
  actor: string | null;
}

// The decision's target, kept at the end of the history line's text (no schema change, ADR 0219).
const tagOf = (target: ImportAnywayTarget): string =>
  ` [registro ${target.recordId}; NUMPED ${target.resembles.numped ?? '-'}; NUMPEDRCA ${target.resembles.numpedrca ?? '-'}]`;
const TAG = /\[registro (\d+); NUMPED (\d+|-); NUMPEDRCA (\d+|-)\]$/;
const numberOrNull = (text: string): number | null => (text === '-' ? null : Number(text));

/** The target a history line's text names, or undefined (a line written before ADR 0219's amendment). */
export const parseImportAnywayTarget = (message: string | null): ImportAnywayTarget | undefined => {
  const match = message ? TAG.exec(message) : null;
  if (!match) return undefined;
  return {
    recordId: Number(match[1]),
    resembles: { numped: numberOrNull(match[2]!), numpedrca: numberOrNull(match[3]!) },
  };
};

/**
 * Whether the copy the guard finds now is the one the operator confirmed: the same staging (NUMPEDRCA, kept
 * when WinThor imports it and gives it a NUMPED) or, for an order typed in WinThor, the same NUMPED.
 */
export const isConfirmedDuplicate = (found: PossibleDuplicate, confirmed: ConfirmedDuplicate): boolean =>
  confirmed.numpedrca !== null
    ? found.numpedrca === confirmed.numpedrca
    : found.numpedrca === null && found.numped !== null && found.numped === confirmed.numped;

/** The single record of this store order waiting in this branch (the one a decision is about), if one. */
export const findWaitingStoreOrders = async (
  db: DbSession,
  branch: string,
  storeOrderId: string,
): Promise<number[]> => {
  const rows = await db.query(
    `SELECT WTC_STORE_ORDER.ID FROM WTC_STORE_ORDER
      WHERE WTC_STORE_ORDER.BRANCH = :branch AND WTC_STORE_ORDER.STORE_ORDER_ID = :store_order_id
        AND WTC_STORE_ORDER.STATE = 'waiting'
      ORDER BY WTC_STORE_ORDER.ID`,
    { branch, store_order_id: storeOrderId },
  );
  return rows.map((row) => toNumber(row.ID));
};

/**
 * "Importar mesmo assim" (ADR 0219): the pendência is due now (reopened when it was ignored) and its history
 * gets the decision — who (`actor`), when, what was confirmed (`message`) and its target (the record held and
 * the copy shown, kept at the end of the text). False when it is no longer an open or ignored
 * `possivel_duplicado` of an order (resolved meanwhile, another problem now): nothing written.
 */
export const recordImportAnyway = async (
  db: DbSession,
  pendingId: number,
  decision: ImportAnywayTarget & { message: string },
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
  const tag = tagOf(decision);
  await recordPendingEvents(db, [pendingId], {
    action: IMPORT_ANYWAY_ACTION,
    at,
    kind: 'possivel_duplicado',
    message: `${fit(decision.message, 4000 - tag.length)}${tag}`,
    actor,
  });
  return true;
};

/** How far back the staging transaction reads the operator's lines of one pendência. */
const LINES = 50;

/**
 * The operator's standing "Importar mesmo assim" decisions for this record, newest first: read by the staging
 * transaction only when the second guard found a possible duplicate. Only the latest operator lines count —
 * an `import_anyway` line followed by an `ignored` (the operator changed their mind) or a `resolved` line (the
 * order went through once) no longer does — and only those naming this WTC_STORE_ORDER record: the same
 * order id under another store key (ADR 0114) or in another branch is held as before.
 */
export const findImportAnywayDecisions = async (
  db: DbSession,
  branch: string,
  storeOrderId: string,
  recordId: number,
): Promise<ImportAnywayDecision[]> => {
  const rows = await db.query(
    db.dialect.limit(
      `SELECT WTC_PENDING_EVENT.EVENT_AT, WTC_PENDING_EVENT.ACTOR, WTC_PENDING_EVENT.ACTION,
              WTC_PENDING_EVENT.MESSAGE
         FROM WTC_PENDING_EVENT, WTC_PENDING
        WHERE WTC_PENDING_EVENT.PENDING_ID = WTC_PENDING.ID
          AND WTC_PENDING_EVENT.ACTION IN (:decided, 'ignored', 'resolved')
          AND WTC_PENDING.STATUS IN ('open', 'ignored') AND WTC_PENDING.BRANCH = :branch
          AND WTC_PENDING.ENTITY = 'order' AND WTC_PENDING.ERP_KEY = :erp_key
        ORDER BY WTC_PENDING_EVENT.ID DESC`,
    ),
    { decided: IMPORT_ANYWAY_ACTION, branch, erp_key: storeOrderId, row_limit: LINES },
  );
  const decisions: ImportAnywayDecision[] = [];
  for (const row of rows) {
    if (toText(row.ACTION) !== IMPORT_ANYWAY_ACTION) break;
    const target = parseImportAnywayTarget(toOptionalText(row.MESSAGE));
    if (target?.recordId !== recordId) continue;
    decisions.push({
      ...target,
      at: toOptionalDate(row.EVENT_AT) ?? new Date(0),
      actor: toOptionalText(row.ACTOR),
    });
  }
  return decisions;
};

/**
 * The first copy found that no standing decision confirmed (ADR 0219), or undefined when the operator
 * confirmed each of them: an order typed in WinThor after the decision is held again, and named.
 */
export const unconfirmedCopy = (
  decisions: readonly ImportAnywayDecision[],
  found: readonly PossibleDuplicate[],
): PossibleDuplicate | undefined =>
  found.find((copy) => !decisions.some((decision) => isConfirmedDuplicate(copy, decision.resembles)));
