import { StoreError } from './store-error';

/** For tests: awaits a promise that must reject with a StoreError and returns it (fails otherwise). */
export const storeFailure = async (promise: Promise<unknown>): Promise<StoreError> => {
  const outcome = await promise.then(
    () => new Error('expected a StoreError, got success'),
    (error: unknown) => error,
  );
  if (outcome instanceof StoreError) return outcome;
  throw outcome;
};
