import { join } from 'node:path';
import { startStoreSandbox, type StoreSandboxOptions } from '../../sandbox/store/store-sandbox';
import type { Runtime } from '../create-runtime';
import { branchesOnSandbox, DEMO_STORE_TOKEN } from './demo-settings';

/** The demo store's orders placed through `POST orders` (in the demo folder). */
export const DEMO_INJECTED_ORDERS_FILE = 'loja-sandbox-pedidos.json';

/**
 * Demo part: starts the store sandbox on a random local port and points the demo branches at it (now, and
 * whenever they appear later, e.g. created by the WinThor demo part). Returns its stop function.
 */
export const storeSandboxDemoPart = async (
  runtime: Runtime,
  options: StoreSandboxOptions = {},
): Promise<() => Promise<void>> => {
  const sandbox = await startStoreSandbox({
    port: 0,
    token: DEMO_STORE_TOKEN,
    orders: 40,
    // Orders placed with POST orders stay in the demo folder, next to the demo WinThor.
    injectedOrdersFile: join(runtime.dataDir, DEMO_INJECTED_ORDERS_FILE),
    ...options,
  });
  const point = () => {
    const branches = branchesOnSandbox(runtime.settings.get().branches, sandbox);
    if (branches) runtime.settings.update({ branches });
  };
  point();
  const unsubscribe = runtime.settings.onChange(point);
  return async () => {
    unsubscribe();
    await sandbox.stop();
  };
};
