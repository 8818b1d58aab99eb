import type { Runtime } from './create-runtime';
import type { DemoPart } from './demo/demo-part';
import { storeSandboxDemoPart } from './demo/store-sandbox-demo-part';
import { winthorDemoPart } from './demo/winthor-demo-part';

/**
 * The embedded demo: points the engine at the embedded WinThor database and the local store sandbox.
 * Order matters: the WinThor part sets up the branches, the sandbox part then points them at the store.
 */
const parts: DemoPart[] = [winthorDemoPart(), (runtime) => storeSandboxDemoPart(runtime)];

/** Starts every demo part; returns the function that stops them, last started first. */
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
