import type { Branch } from '../../contract';
import { isLoopbackAddress } from '../../shared/loopback';
import type { Runtime } from '../../runtime/create-runtime';
import { startStoreSandbox, type StoreSandboxOptions } from './store-sandbox';

/** The token the demo gives the sandbox; a loopback URL with this token is "ours" and may be re-pointed. */
export const DEMO_STORE_TOKEN = 'demo-sandbox-token';
export const DEMO_BRANCHES = ['1', '2'];

const isOurs = (branch: Branch): boolean => {
  if (!branch.store.url.trim()) return true;
  if (branch.store.token !== DEMO_STORE_TOKEN) return false;
  try {
    return isLoopbackAddress(new URL(branch.store.url).hostname);
  } catch {
    return false;
  }
};

/**
 * Points demo branches 1 and 2 at the sandbox: only those without a store URL, or still pointing at an
 * earlier run of the demo sandbox (loopback + demo token). A user's own URL is never overwritten.
 * Returns whether anything changed.
 */
export const pointBranchesAtSandbox = (
  runtime: Pick<Runtime, 'settings'>,
  url: string,
  token: string,
): boolean => {
  const branches = runtime.settings.get().branches;
  let changed = false;
  const next = branches.map((branch) => {
    if (!DEMO_BRANCHES.includes(branch.code) || !isOurs(branch)) return branch;
    if (branch.store.url === url && branch.store.token === token) return branch;
    changed = true;
    return { ...branch, store: { url, token } };
  });
  if (changed) runtime.settings.update({ branches: next });
  return changed;
};

/**
 * Demo part: starts the store sandbox on a random local port and points the demo branches at it (now, and
 * whenever branches 1/2 appear later, e.g. created by the database demo part). Returns its stop function.
 */
export const storeSandboxDemoPart = async (
  runtime: Runtime,
  options: StoreSandboxOptions = {},
): Promise<() => Promise<void>> => {
  const sandbox = await startStoreSandbox({ port: 0, token: DEMO_STORE_TOKEN, orders: 40, ...options });
  pointBranchesAtSandbox(runtime, sandbox.url, sandbox.token);
  const unsubscribe = runtime.settings.onChange(() => {
    pointBranchesAtSandbox(runtime, sandbox.url, sandbox.token);
  });
  return async () => {
    unsubscribe();
    await sandbox.stop();
  };
};
