import { Branch, defaultSettings, type Settings } from '../contract';
import { ManualClock } from '../shared/test-clocks.test-support';
import type { LogRecord, RunRecord } from '../winthor';
import type { BranchData, EnginePorts, StoreGateway } from './ports';

/** In-memory ports for engine unit tests: runs and logs kept in arrays, a store that only counts. */
export const fakePorts = (settingsPatch: Partial<Settings> = {}) => {
  const settings: Settings = {
    ...defaultSettings(),
    branches: [Branch.parse({ code: '1', name: 'Matriz', store: { url: 'https://loja.test', token: 't' } })],
    ...settingsPatch,
  };
  const runs: RunRecord[] = [];
  const logs: LogRecord[] = [];
  const clock = new ManualClock(Date.UTC(2026, 11, 5, 12));
  let calls = 0;
  const store: StoreGateway = {
    storeKey: 'fake',
    createDepartment: async (input) => ({ id: ++calls, name: input.name }),
    updateDepartment: async (id, input) => ({ id, name: input.name }),
    findDepartmentByErpId: async () => null,
    findProductByErpId: async () => null,
    createProduct: async (input) => ({ id: ++calls, name: input.name, erpId: input.erpId }),
    updateProduct: async (id, input) => ({ id, name: input.name, erpId: input.erpId }),
    setStock: async () => void ++calls,
    setPrice: async () => void ++calls,
    calls: () => calls,
    budget: () => ({ remaining: null, limit: null }),
  };
  const data = {} as BranchData;
  const ports: EnginePorts = {
    settings: () => settings,
    clock,
    store: () => store,
    withBranchData: (_branch, _store, work) => work(data),
    runs: {
      start: async (run) => {
        const id = runs.length + 1;
        runs.push({ ...run, id, finishedAt: null, status: 'running', counts: {}, message: null });
        return id;
      },
      finish: async (id, result) => {
        Object.assign(runs[id - 1]!, result);
      },
      latest: async (branch) => runs.filter((run) => run.branch === branch).reverse(),
      list: async () => [...runs].reverse(),
      markInterrupted: async () => 0,
    },
    logs: { write: async (lines) => void logs.push(...lines) },
    branchCounts: async () => ({ backlog: {}, openPendings: {} }),
  };
  return { ports, settings, runs, logs, clock };
};
