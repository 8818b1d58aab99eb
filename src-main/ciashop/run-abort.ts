import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from '../shared/clock';

/**
 * The AbortSignal of the run a store call belongs to (the job runner sets it around each job): the store
 * pipeline's waits — Retry-After, backoff, the budget's spacing — end at once when the run is aborted
 * (pause, standby, a stale lease: ADR 0311), instead of waiting up to 60 s × 4 attempts before the job's next
 * item checks the signal. Ambient, so no endpoint method of StoreClient needs a signal parameter.
 */
const runSignal = new AsyncLocalStorage<AbortSignal>();

/** Runs `work` with `signal` as the run's signal for every store call made inside it. */
export const withRunSignal = <T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> =>
  runSignal.run(signal, work);

/** An error named AbortError: the jobs stop the run on it (item-errors.ts), never a pendência. */
export const runAbortedError = (): Error => {
  const error = new Error('Execução interrompida durante a espera pela loja; nada mais foi enviado.');
  error.name = 'AbortError';
  return error;
};

/** `clock.sleep(ms)`, cut short (AbortError) when the current run is aborted. */
export const sleepUnlessAborted = async (
  clock: Clock,
  ms: number,
  signal: AbortSignal | undefined = runSignal.getStore(),
): Promise<void> => {
  if (!signal) return clock.sleep(ms);
  if (signal.aborted) throw runAbortedError();
  let onAbort: () => void = () => {};
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(runAbortedError());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([clock.sleep(ms), aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
};
