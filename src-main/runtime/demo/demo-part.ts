import type { Runtime } from '../create-runtime';

/**
 * One piece of the embedded demo (`serve --demo`, the desktop's demo flag): prepares what it needs on the
 * runtime and returns how to stop what it started, if anything.
 */
export type DemoPart = (runtime: Runtime) => Promise<(() => Promise<void>) | void>;
