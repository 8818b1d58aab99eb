import type { Runtime } from './create-runtime';
import type { DemoPart } from './demo/demo-part';
import { storeSandboxDemoPart } from './demo/store-sandbox-demo-part';
import { winthorDemoPart } from './demo/winthor-demo-part';

/**
 * The embedded demo: points the engine at the embedded WinThor database and the local store sandbox.
 * Order matters: the WinThor part sets up the branches, the sandbox part then points them at the store.
 */
const parts = (options: DemoOptions): DemoPart[] => [
  winthorDemoPart(),
  (runtime) => storeSandboxDemoPart(runtime, { shareRunningStore: options.shareRunningStore ?? false }),
];

export interface DemoOptions {
  /** A one-shot command may use the demo store another process of the same folder serves (ADR 0207). */
  shareRunningStore?: boolean;
}

/** Starts every demo part; returns the function that stops them, last started first. */
export const startDemo = async (
  runtime: Runtime,
  options: DemoOptions = {},
): Promise<() => Promise<void>> => {
  const stops: Array<() => Promise<void>> = [];
  for (const part of parts(options)) {
    const stop = await part(runtime);
    if (stop) stops.push(stop);
  }
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
};
