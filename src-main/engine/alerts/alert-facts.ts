import type { AlertEvent, ScheduleJob } from '../../contract';
import type { PendingRecord } from '../../winthor';

export type AlertKind = AlertEvent['kind'];

/** A store order cancelled after WinThor imported it: the orders job records this pendência kind (issue #10). */
export const ORDER_CANCELLED_KIND = 'cancelar_no_winthor';

/**
 * Why the engine runs nothing after the schema check (ADR 0309, 0034): the integration objects are behind and
 * the update was declined (`declined`), belongs to the DBA (`owner`) or failed (`failed`); or they are of a
 * newer version of the integrator (`newer`). `detail`: the failure's own words (pt-BR).
 */
export interface EngineHold {
  reason: 'declined' | 'owner' | 'failed' | 'newer';
  installed: number;
  target: number;
  detail?: string;
}

/** What a daily summary says about a branch. */
export interface DailySummaryFacts {
  runs: { ok: number; partial: number; failed: number };
  storeCalls: number;
  openPendings: Array<{ entity: string; kind: string; count: number }>;
  failingJobs: ScheduleJob[];
}

/** Everything an alert says (ADR 0027); each kind uses its part. */
export interface AlertFacts {
  kind: AlertKind;
  branch: { code: string; name: string } | null;
  at: Date;
  /** The job failing, still failing, recovered. */
  job?: ScheduleJob;
  /** Since when it fails (first failure), or since when the database is unreachable. */
  since?: Date;
  /** What failed, pt-BR (the run's message, the database's error…). */
  message?: string;
  /** The fix in words. */
  fix?: string;
  /** How many items wait because of it (queue backlog plus open pendências of the entity). */
  items?: number;
  runId?: number;
  /** Pendências: the new kind, its entity, how many are open. */
  pendingKind?: string;
  entity?: string;
  count?: number;
  /** Store budget. */
  limit?: number | null;
  /** Store budget: the store answered 429 and asked to wait until then (Retry-After). */
  until?: Date;
  /** Order cancelled in the store after WinThor imported it. */
  storeOrderId?: string;
  numped?: string | null;
  summary?: DailySummaryFacts;
  /** The engine held by the schema check, and why. */
  hold?: EngineHold;
  /** Alerts of this branch not mailed in the last hour (rate limit), told in this one. */
  suppressed?: number;
}

/** What the alert of an order cancelled after import says, from its `cancelar_no_winthor` pendência. */
export const orderCancelledFacts = (
  pending: PendingRecord,
): Pick<AlertFacts, 'kind' | 'pendingKind' | 'storeOrderId' | 'numped' | 'message' | 'fix'> => {
  const numped = pending.params.numped;
  return {
    kind: 'order_cancelled_after_import',
    pendingKind: pending.kind,
    storeOrderId: String(pending.params.storeOrderId ?? pending.erpKey),
    numped: numped === undefined || numped === null ? null : String(numped),
    message: pending.message,
    ...(pending.fix ? { fix: pending.fix } : {}),
  };
};
