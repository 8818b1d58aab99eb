import { StoreClientRegistry } from '../../ciashop/store-registry';
import {
  Branch,
  defaultSettings,
  type BranchMappings,
  type ScheduleJob,
  type Settings,
} from '../../contract';
import { createEnginePorts } from '../../runtime/engine-ports';
import { makeCpf } from '../../sandbox/store/documents';
import type { OrderInjection } from '../../sandbox/store/injected-orders';
import type { SandboxOrder } from '../../sandbox/store/order-book';
import { seededRandom } from '../../sandbox/store/seeded-random';
import {
  startStoreSandbox,
  type StoreSandbox,
  type StoreSandboxOptions,
} from '../../sandbox/store/store-sandbox';
import { SkippingClock } from '../../shared/test-clocks.test-support';
import { getRun, OrderImporterSimulator, type Db, type RunRecord } from '../../winthor';
import { DatabaseService } from '../../winthor/database-service';
import { install } from '../../winthor/schema/installer';
import { createTestWinthor } from '../../winthor/test-winthor.test-support';
import { EngineController } from '../engine-controller';
import { CATALOGUE_JOBS } from '../jobs/catalogue-jobs';
import { ORDER_JOBS } from './order-jobs';

/** The mappings every order test starts with (the demo WinThor's PCCOB, PCPLPAG and carriers). */
export const TEST_MAPPINGS: BranchMappings = {
  billing: [
    { storeCode: 'CreditCard', winthorCode: 'CART', description: 'Cartão' },
    { storeCode: 'Pix', winthorCode: 'PIX', description: 'Pix' },
  ],
  plans: [
    { storeCode: '1', winthorCode: '1', description: 'À vista' },
    { storeCode: 'CreditCard:3', winthorCode: '3', description: '3x' },
  ],
  carriers: [{ storeCode: '1', winthorCode: '9', description: 'Correios PAC' }],
};

/** A product the demo WinThor sells in branch 1 and its price there (PVENDA1, region 1). */
export interface SellableProduct {
  codprod: number;
  price: number;
}

export const sellableProducts = async (db: Db): Promise<SellableProduct[]> =>
  (
    await db.query(
      `SELECT PCPRODUT.CODPROD, PCTABPR.PVENDA1 FROM PCPRODUT JOIN PCTABPR ON PCTABPR.CODPROD = PCPRODUT.CODPROD AND PCTABPR.NUMREGIAO = 1
        WHERE PCPRODUT.ENVIAECOMMERCE = 'S' AND PCPRODUT.DTEXCLUSAO IS NULL AND PCTABPR.PVENDA1 > 0
        ORDER BY PCPRODUT.CODPROD`,
    )
  ).map((row) => ({ codprod: Number(row.CODPROD), price: Number(row.PVENDA1) }));

const random = seededRandom(20261205);

/** A CPF with valid check digits, new on every call. */
export const newCpf = (): string => makeCpf(random);

/** A good order for branch 1: a person with a valid CPF in Porto Alegre, items at WinThor's price. */
export const goodOrder = (
  products: readonly SellableProduct[],
  overrides: OrderInjection = {},
): OrderInjection => {
  const items = products.map((p, i) => ({
    variantId: 900_000 + p.codprod,
    erpId: String(p.codprod),
    sku: String(p.codprod),
    price: p.price,
    adjustedPrice: p.price,
    quantity: i + 1,
  }));
  const subTotal = Math.round(items.reduce((s, i) => s + i.price * i.quantity, 0) * 100) / 100;
  const cost = 15.5;
  const total = Math.round((subTotal + cost) * 100) / 100;
  const address = {
    street: 'Rua das Flores',
    streetNumber: '100',
    streetComplement: 'Apto 12',
    district: 'Centro',
    city: 'Porto Alegre',
    state: 'RS',
    country: 'BR',
    zipCode: '90010-100',
    reference: 'Perto da praça',
    ibgeCode: '4314902',
  };
  return {
    status: 'PaymentApproved',
    orderItems: items,
    subTotal,
    total,
    shippingMethod: { id: 1, name: 'Correios PAC', cost, deliveryDeadline: 5 },
    shippingAddress: { ...address, recipientName: 'Ana Souza', main: true },
    billing: {
      name: 'Ana Souza',
      email: 'ana.souza@exemplo.com.br',
      customerType: 'person',
      documentType: 'CPF',
      documentId: newCpf(),
      regionalDocumentType: 'RG',
      regionalDocumentId: '1234567',
      ...address,
      phoneAreaCode: '51',
      phoneNumber: '999887766',
    },
    payments: [{ method: 'CreditCard', installments: 3, value: total }],
    ...overrides,
  } as OrderInjection;
};

export interface OrderHarness {
  db: Db;
  sandbox: StoreSandbox;
  settings: Settings;
  engine: EngineController;
  simulator: OrderImporterSimulator;
  products: SellableProduct[];
  /** Places an order in the store (`POST orders` over HTTP, as the demo and tests do). */
  place(order: OrderInjection): Promise<SandboxOrder>;
  run(job: ScheduleJob, branch?: string): Promise<RunRecord>;
  /** WinThor's importer: PCPEDCFV → PCPEDC, then positions move with time. */
  importInWinthor(at?: Date): Promise<void>;
  count(sql: string, binds?: Record<string, string | number>): Promise<number>;
  close(): Promise<void>;
}

export const startOrderHarness = async (
  options: {
    sandbox?: StoreSandboxOptions;
    branches?: Array<Partial<Branch> & { code: string }>;
    db?: Db;
  } = {},
): Promise<OrderHarness> => {
  const db = options.db ?? (await createTestWinthor({ products: 60, customers: 5 }));
  await install(db);
  const sandbox = await startStoreSandbox({ budgetPerHour: 0, orders: 0, ...options.sandbox });
  const settings: Settings = {
    ...defaultSettings(),
    database: { ...defaultSettings().database, kind: 'embedded', embedded: { file: ':memory:' } },
    branches: (options.branches ?? [{ code: '1' }]).map((branch) =>
      Branch.parse({
        name: `Filial ${branch.code}`,
        store: { url: sandbox.url, token: sandbox.token },
        stock: { formula: 'gerencial', warehouseErpId: branch.code },
        price: { tableErpId: branch.code },
        schedules: [],
        mappings: TEST_MAPPINGS,
        ...branch,
      }),
    ),
  };
  const database = new DatabaseService(() => settings, { open: async () => db });
  const stores = new StoreClientRegistry(() => settings, { clock: new SkippingClock() });
  const ports = createEnginePorts({ settings: () => settings, database, stores });
  const engine = new EngineController({ ports, jobs: { ...CATALOGUE_JOBS, ...ORDER_JOBS } });
  engine.start();
  const simulator = new OrderImporterSimulator(db, { stepMs: 1000 });
  const products = await sellableProducts(db);
  const run = async (job: ScheduleJob, branch = '1'): Promise<RunRecord> => {
    const result = await engine.run({ branch, job }, 'manual');
    const ticket = result.started[0] ?? result.alreadyRunning[0];
    if (!ticket) throw new Error(`não iniciou: ${JSON.stringify(result.refused)}`);
    await engine.runner?.activeRun(branch, job)?.finished;
    const record = await getRun(db, ticket.runId);
    if (!record) throw new Error(`execução ${ticket.runId} não gravada`);
    return record;
  };
  return {
    db,
    sandbox,
    settings,
    engine,
    simulator,
    products,
    place: async (order) => {
      const response = await fetch(`${sandbox.apiRoot}orders`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sandbox.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(order),
      });
      if (response.status !== 201)
        throw new Error(`POST orders: ${response.status} ${await response.text()}`);
      return (await response.json()) as SandboxOrder;
    },
    run,
    importInWinthor: async (at = new Date()) => void (await simulator.advance(at)),
    count: async (sql, binds) => Number((await db.queryOne(sql, binds))?.N ?? 0),
    close: async () => {
      await engine.stop();
      stores.close();
      await sandbox.stop();
      await db.close();
    },
  };
};
