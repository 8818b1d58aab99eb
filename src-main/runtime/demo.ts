import { winthorDemoPart } from '../winthor/demo/demo-part';
import { storeSandboxDemoPart } from '../sandbox/store/demo-part';
import type { Runtime } from './create-runtime';

/**
 * Prepares the embedded demo: points the engine at the embedded WinThor database and the local store
 * sandbox. Each part returns what it started so the host can stop it.
 */
export type DemoPart = (runtime: Runtime) => Promise<(() => Promise<void>) | void>;

// Order matters: the WinThor part sets up the branches, the sandbox part then points them at the store.
const parts: DemoPart[] = [winthorDemoPart(), (runtime) => storeSandboxDemoPart(runtime)];

export const startDemo = async (runtime: Runtime): Promise<() => Promise<void>> => {
  const stops: Array<() => Promise<void>> = [];
  for (const part of parts) {
    const stop = await part(runtime);
    if (stop) stops.push(stop);
  }
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
};
