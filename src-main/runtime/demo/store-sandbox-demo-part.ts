import { join } from 'node:path';
import { STORE_PAGE_PATH } from '../../sandbox/store/sandbox-admin';
import { readSandboxState, type SandboxState } from '../../sandbox/store/sandbox-state';
import {
  startStoreSandbox,
  type StoreSandbox,
  type StoreSandboxOptions,
} from '../../sandbox/store/store-sandbox';
import { demoOrderPrices, moveStoreBindings } from '../../winthor';
import type { Runtime } from '../create-runtime';
import { storeKeyOf } from '../engine-ports';
import { branchesOnSandbox, DEMO_STORE_TOKEN } from './demo-settings';

/** The demo store's saved state (catalogue, orders, identity, address) in the demo's data folder. */
export const DEMO_STORE_STATE_FILE = 'loja-sandbox.json';
/** Orders placed whole with `POST orders` (kept apart from the generated book's state). */
export const DEMO_INJECTED_ORDERS_FILE = 'loja-sandbox-pedidos.json';

export interface StoreSandboxDemoOptions extends StoreSandboxOptions {
  /**
   * A one-shot command (`sync --demo`) may use the demo store that another process of the same demo
   * folder (`serve --demo`) is serving on the saved port, instead of failing. A long-lived host never does:
   * that store goes away with the command that serves it.
   */
  shareRunningStore?: boolean;
}

const portOf = (url: string): number | null => {
  try {
    const port = Number(new URL(url).port);
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null;
  }
};

/** The identity of the sandbox answering at `url`, or null when nothing (or something else) answers. */
const storeIdAt = async (url: string): Promise<string | null> => {
  try {
    const response = await fetch(`${url}/__sandbox/identity`, { signal: AbortSignal.timeout(2000) });
    if (!response.ok) return null;
    const body = (await response.json()) as { storeId?: unknown };
    return typeof body.storeId === 'string' ? body.storeId : null;
  } catch {
    return null;
  }
};

const isPortTaken = (error: unknown): boolean => (error as { code?: string })?.code === 'EADDRINUSE';

type DemoStore = Pick<StoreSandbox, 'url' | 'token' | 'pageUrl' | 'save'> & { stop(): Promise<void> };

/**
 * Starts the demo store on the port it had (ADR 0207): same address, same store key, so the bindings the
 * engine recorded still describe it. Its port taken by another program: a free port, and the bindings
 * move to the new key (the store's content is the same, loaded from its file). Taken by this demo's own
 * store in another process: shared by a one-shot command, refused with a clear message otherwise.
 */
const startDemoStore = async (runtime: Runtime, options: StoreSandboxDemoOptions): Promise<DemoStore> => {
  const stateFile = join(runtime.dataDir, DEMO_STORE_STATE_FILE);
  const { state, warning } = readSandboxState(stateFile);
  if (warning) runtime.log('warn', warning);
  const { shareRunningStore, ...sandboxOptions } = options;
  // The demo store's orders sell at the demo WinThor's own prices from their first read (ADR 0221).
  const orderPrices = await runtime.database
    .use((db) => demoOrderPrices(db))
    .catch((error: unknown) => {
      runtime.log(
        'warn',
        `Os preços do WinThor de demonstração não foram lidos (${(error as Error).message}): os pedidos da loja de demonstração usam preços gerados.`,
      );
      return undefined;
    });
  const start = (port: number) =>
    startStoreSandbox({
      token: DEMO_STORE_TOKEN,
      orders: 40,
      ...(orderPrices ? { orderPrices } : {}),
      ...sandboxOptions,
      port,
      state,
      stateFile,
      // Orders placed with POST orders stay in the demo folder, next to the demo WinThor.
      injectedOrdersFile: join(runtime.dataDir, DEMO_INJECTED_ORDERS_FILE),
      onWarning: (message) => runtime.log('warn', message),
    });
  const savedPort = options.port ?? (state ? portOf(state.url) : null) ?? 0;
  let sandbox: StoreSandbox;
  try {
    sandbox = await start(savedPort);
  } catch (error) {
    if (!isPortTaken(error) || !state) throw error;
    if ((await storeIdAt(state.url)) === state.storeId) {
      if (shareRunningStore) return sharedStore(state);
      throw Object.assign(
        new Error(
          `A loja de demonstração desta pasta já está no ar em outro processo (${state.url}). Encerre o outro "serve --demo" (ou o aplicativo de demonstração) e tente de novo.`,
        ),
        { exitCode: 3 },
      );
    }
    sandbox = await start(0);
    runtime.log(
      'warn',
      `A porta ${savedPort} da loja de demonstração está em uso por outro programa: a loja passou para ${sandbox.url}, com o mesmo conteúdo.`,
    );
  }
  if (state && state.url !== sandbox.url) {
    // Same store, new address: what the engine recorded under the old address describes this store.
    try {
      const moved = await runtime.database.use((db) =>
        moveStoreBindings(db, storeKeyOf(state.url), storeKeyOf(sandbox.url)),
      );
      if (moved > 0)
        runtime.log('info', `${moved} vínculo(s) da loja de demonstração passaram para ${sandbox.url}.`);
    } catch (error) {
      runtime.log(
        'warn',
        `Os vínculos da loja de demonstração não passaram para ${sandbox.url} (${(error as Error).message}): o que ela já tem pode ser enviado de novo.`,
      );
    }
  }
  await sandbox.save(); // the address (and, for a new store, its identity) is on disk from now on
  return sandbox;
};

/** The demo store served by another process of the same demo folder: used as it is, never stopped here. */
const sharedStore = (state: SandboxState): DemoStore => ({
  url: state.url,
  token: DEMO_STORE_TOKEN,
  pageUrl: `${state.url}${STORE_PAGE_PATH}`,
  save: async () => {},
  stop: async () => {},
});

/**
 * In standby (another engine holds this WinThor database, ADR 0310) the demo tests no store: a call that
 * changes nothing, on the budget the holder spends (issue #12). Its lease's first answer is waited for.
 */
const mayCallStores = async (runtime: Runtime): Promise<boolean> => {
  if (!runtime.lease) return true;
  await runtime.lease.ready().catch(() => {});
  if (runtime.lease.standing().kind === 'held') return true;
  runtime.log(
    'info',
    'Demonstração em espera: a conexão com a loja não foi testada (outro integrador está ativo).',
  );
  return false;
};

/**
 * The demo takes step 4 of the first-run guide by itself (ADR 0403): "Testar conexão" of each branch on the
 * demo store, as a person would click it (one store call per branch). It also starts its own first sync
 * (ADR 0406): the demo's catalogue is not held for a preview nobody is there to look at; the preview stays
 * the step that needs a person.
 */
const testDemoStores = async (runtime: Runtime, url: string): Promise<void> => {
  const calls = await mayCallStores(runtime);
  for (const branch of runtime.settings.get().branches) {
    if (branch.store.url !== url) continue;
    if (!calls) {
      runtime.firstSync.startedByHand(branch.code);
      continue;
    }
    const result = await runtime.api
      .invoke('store.test', { branch: branch.code })
      .catch((error: unknown) => ({ ok: false, message: (error as Error).message }));
    if (!result.ok) runtime.log('warn', `Loja de demonstração (filial ${branch.code}): ${result.message}`);
    runtime.firstSync.startedByHand(branch.code);
  }
};

/**
 * Demo part: starts the store sandbox — keeping its catalogue and orders in the demo folder
 * (`loja-sandbox.json`) and its port — points the demo branches at it (now, and whenever they appear
 * later, e.g. created by the WinThor demo part) and publishes its read-only page as `app.status`
 * demoStoreUrl. Returns its stop function (which saves the store's state).
 */
export const storeSandboxDemoPart = async (
  runtime: Runtime,
  options: StoreSandboxDemoOptions = {},
): Promise<() => Promise<void>> => {
  const sandbox = await startDemoStore(runtime, options);
  const point = () => {
    const branches = branchesOnSandbox(runtime.settings.get().branches, sandbox);
    if (branches) runtime.settings.update({ branches });
  };
  point();
  const unsubscribe = runtime.settings.onChange(point);
  runtime.setDemoStoreUrl(sandbox.pageUrl);
  await testDemoStores(runtime, sandbox.url);
  return async () => {
    unsubscribe();
    runtime.setDemoStoreUrl(null);
    await sandbox.stop();
  };
};
