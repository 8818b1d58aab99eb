import { Branch, type Settings, type SettingsPatch } from '../../contract';
import { isLoopbackAddress } from '../../shared/loopback';
import { DEMO_BRANCH_CODES, DEMO_BRANCHES } from '../../winthor/demo/demo-branches';
import { DEMO_MAPPINGS } from './demo-mappings';

/*
 * The one place that decides what the demo writes into the settings: the embedded WinThor file, the demo
 * branches (the list the demo WinThor is seeded with) and their stores on the local sandbox. The demo
 * parts of `serve --demo` and the command line's `--demo` both build their settings here.
 */

/** The token the demo gives the sandbox; a loopback URL with this token is "ours" and may be re-pointed. */
export const DEMO_STORE_TOKEN = 'demo-sandbox-token';

/**
 * Both demo branches sell in the one demo store, each with its own warehouse and price table, named by its
 * code: with the defaults ('1' for both), branch 2 would overwrite branch 1's stock and prices and every
 * reconcile of either branch would send them all again.
 */
const demoStoreIds = (code: string) => ({
  stock: { formula: 'gerencial' as const, warehouseErpId: code },
  price: { tableErpId: code },
});

/** The demo WinThor's branches as settings branches (code, name, warehouse and price table; no store yet). */
export const demoBranchSettings = (): Branch[] =>
  DEMO_BRANCHES.map((branch) =>
    Branch.parse({
      code: branch.code,
      name: branch.name,
      ...demoStoreIds(branch.code),
      mappings: DEMO_MAPPINGS,
    }),
  );

/** A demo branch left with the default warehouse and table (settings written before they had their own). */
const withOwnStoreIds = (branch: Branch): Branch =>
  branch.stock.warehouseErpId === '1' && branch.price.tableErpId === '1' && branch.code !== '1'
    ? {
        ...branch,
        stock: { ...branch.stock, warehouseErpId: branch.code },
        price: { tableErpId: branch.code },
      }
    : branch;

/** Points the settings at the demo WinThor file, and adds the demo branches when none is configured. */
export const demoDatabasePatch = (current: Settings, file: string): SettingsPatch => ({
  database: { ...current.database, kind: 'embedded', embedded: { file } },
  ...(current.branches.length === 0 ? { branches: demoBranchSettings() } : {}),
});

/** True while the settings still point at this demo WinThor file. */
export const isOnDemoDatabase = (settings: Settings, file: string): boolean =>
  settings.database.kind === 'embedded' && settings.database.embedded.file === file;

/** A store the demo may (re-)point: none yet, or an earlier demo sandbox (loopback URL + demo token). */
const isDemoStore = (branch: Branch): boolean => {
  if (!branch.store.url.trim()) return true;
  if (branch.store.token !== DEMO_STORE_TOKEN) return false;
  try {
    return isLoopbackAddress(new URL(branch.store.url).hostname);
  } catch {
    return false;
  }
};

/**
 * The branches with the demo branches' stores pointed at the sandbox — only those without a store URL or
 * still on an earlier run's sandbox; a user's own URL is never overwritten. A demo branch pointed there
 * also gets its own warehouse and price table if it still has the defaults. Undefined when nothing changes.
 */
export const branchesOnSandbox = (
  branches: Branch[],
  sandbox: { url: string; token: string },
): Branch[] | undefined => {
  let changed = false;
  const next = branches.map((branch) => {
    if (!DEMO_BRANCH_CODES.includes(branch.code) || !isDemoStore(branch)) return branch;
    const own = withOwnStoreIds(branch);
    if (own === branch && branch.store.url === sandbox.url && branch.store.token === sandbox.token)
      return branch;
    changed = true;
    return { ...own, store: { url: sandbox.url, token: sandbox.token } };
  });
  return changed ? next : undefined;
};
