import type { JobContext } from '../job-context';

/** Queue rows read per run: at most this many rows (many of one key coalesce into one change). */
export const QUEUE_BATCH = 2000;
/** Open pendências retried per run (their cause may be fixed in WinThor by now). */
export const RETRY_BATCH = 1000;

/** The CODPROD of a binding key: '123' (product) or '1:123' (stock in warehouse 1, price in table 1). */
export const codprodOfKey = (key: string): number | null => {
  const code = Number(key.slice(key.lastIndexOf(':') + 1));
  return Number.isInteger(code) && code > 0 ? code : null;
};

/**
 * The common shape of the incremental jobs: the keys changed in WinThor (the trigger queue, coalesced)
 * plus the keys with an open pendência (retried), handled by `work`; then exactly the queue rows of the
 * keys `work` handled are deleted — a key left for later (paused, out of budget) stays queued.
 */
export const runQueueDriven = async (
  context: JobContext,
  entity: string,
  work: (codprods: number[]) => Promise<Set<number>>,
): Promise<void> => {
  const batch = await context.data.changes.read(entity, QUEUE_BATCH);
  const retry = [...(await context.data.pendings.dueKeys(entity))].slice(0, RETRY_BATCH);
  const codprods = new Set<number>();
  for (const change of batch.changes) {
    const code = codprodOfKey(change.key);
    if (code !== null) codprods.add(code);
  }
  for (const key of retry) {
    const code = codprodOfKey(key);
    if (code !== null) codprods.add(code);
  }
  const handled = codprods.size ? await work([...codprods]) : new Set<number>();
  const done = batch.changes
    .filter((change) => {
      const code = codprodOfKey(change.key);
      return code === null || handled.has(code);
    })
    .flatMap((change) => change.ids);
  await context.data.changes.done(done);
};
