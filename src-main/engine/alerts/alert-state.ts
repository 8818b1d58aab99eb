import type { EngineHold } from './alert-facts';

/** What the alerts remember between runs and restarts (a file in the data folder, ADR 0027). */
export interface AlertState {
  version: 1;
  /** Jobs failing now, by "branch|job": since when, the last message, reminders sent, the next one. */
  jobs: Record<
    string,
    {
      since: string;
      message: string | null;
      reminders: number;
      nextReminderAt: string;
      runId: number | null;
      /**
       * Whether its failure went out by mail. Not when the database was down (that alert says it) nor when it
       * joined another job of the branch failing with the same message (one outage, one mail); its recovery
       * is then not mailed either. Absent in state files written before this field: mailed.
       */
      mailed?: boolean;
    }
  >;
  /** The WinThor database not answering, since when. */
  database: { since: string; message: string } | null;
  /** The engine held by the schema check (runs nothing), since when and why; absent in older files: not held. */
  engineHeld?: {
    since: string;
    reason: EngineHold['reason'];
    installed: number;
    target: number;
    detail?: string;
    /** A person resumed the engine while held: it runs with the tables behind. */
    resumedByHand?: boolean;
  } | null;
  /** Branches whose store budget ran out (told once per episode). */
  budgetOut: Record<string, boolean>;
  /**
   * Since when a branch's budget is back (ISO): the episode ends after two hours without running out, so a
   * long first catalogue load that uses each hour's budget is one alert, not one per hour.
   */
  budgetBackSince?: Record<string, string>;
  /** When each "branch|entity|kind" was last seen open (ISO): a kind back within 7 days is not news. */
  kindsLastSeen?: Record<string, string>;
  /** Open pendências by "branch|entity|kind" as last seen; null until first read (no alert storm on upgrade). */
  kinds: Record<string, number> | null;
  /**
   * Of those, how many wait for a person (not the ones the engine still retries on its own, ADR 0035);
   * absent until the first look of a release that counts them: every open one then.
   */
  waitingForPerson?: number;
  /** The last order-cancelled pendência told (per-item alerts go on from there). */
  orderCancelledAfterId: number | null;
  /** Day (YYYY-MM-DD, local) of each branch's last daily summary. */
  summaries: Record<string, string>;
  /** Times of the mails sent per branch in the last hour (the rate limit). */
  sent: Record<string, number[]>;
  /** Alerts not mailed because of the rate limit, told in the branch's next mail. */
  suppressed: Record<string, number>;
}

export const emptyAlertState = (): AlertState => ({
  version: 1,
  jobs: {},
  database: null,
  budgetOut: {},
  kinds: null,
  orderCancelledAfterId: null,
  summaries: {},
  sent: {},
  suppressed: {},
});

/** Where the state is kept (the runtime: a JSON file; tests: memory). */
export interface AlertStateStore {
  load(): AlertState | null;
  save(state: AlertState): void;
}

export const memoryAlertStateStore = (): AlertStateStore & { current: AlertState | null } => {
  const store = {
    current: null as AlertState | null,
    load: () => (store.current ? (JSON.parse(JSON.stringify(store.current)) as AlertState) : null),
    save: (state: AlertState) => {
      store.current = JSON.parse(JSON.stringify(state)) as AlertState;
    },
  };
  return store;
};
