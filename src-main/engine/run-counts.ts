/** What a run did, item by item (recorded on WTC_RUN and shown on the Painel). */
export interface RunCounts {
  /** Items read from WinThor (queue keys, or catalogue rows for a full pass). */
  read: number;
  /** Items whose payload differs from what the store has. */
  changed: number;
  /** Items sent to the store. */
  sent: number;
  /** Items the store already has as they are: no call. */
  unchanged: number;
  /** Items that wait for something else (e.g. their category) and will be sent later. */
  deferred: number;
  /** Items that failed (each one an open pendência). */
  failed: number;
  /** Items hidden in the store (left the e-commerce; reconcile only). */
  hidden: number;
  /** Items left for a later run because the store's budget is kept for higher priorities. */
  starved: number;
  /** Calls made to the store. */
  storeCalls: number;
}

export const emptyCounts = (): RunCounts => ({
  read: 0,
  changed: 0,
  sent: 0,
  unchanged: 0,
  deferred: 0,
  failed: 0,
  hidden: 0,
  starved: 0,
  storeCalls: 0,
});
