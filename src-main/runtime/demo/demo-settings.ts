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

/** The demo WinThor's branches as settings branches (code and name, no store yet). */
export const demoBranchSettings = (): Branch[] =>
  DEMO_BRANCHES.map((branch) =>
    // Both demo branches sell in one sandbox store: each keeps its stock in its own warehouse and its
    // prices in its own table (ADR 0107), as two branches sharing a real store must.
    Branch.parse({
      code: branch.code,
      name: branch.name,
      stock: { formula: 'gerencial', warehouseErpId: branch.code },
      price: { tableErpId: branch.code },
      mappings: DEMO_MAPPINGS,
    }),
  );

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
 * still on an earlier run's sandbox; a user's own URL is never overwritten. Undefined when nothing changes.
 */
export const branchesOnSandbox = (
  branches: Branch[],
  sandbox: { url: string; token: string },
): Branch[] | undefined => {
  let changed = false;
  const next = branches.map((branch) => {
    if (!DEMO_BRANCH_CODES.includes(branch.code) || !isDemoStore(branch)) return branch;
    if (branch.store.url === sandbox.url && branch.store.token === sandbox.token) return branch;
    changed = true;
    return { ...branch, store: { url: sandbox.url, token: sandbox.token } };
  });
  return changed ? next : undefined;
};
