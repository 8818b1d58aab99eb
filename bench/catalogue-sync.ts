/**
 * Benchmark of the catalogue sync (npm run bench:sync): the real engine, ports and store client on the
 * embedded demo WinThor (seeded like `db seed-demo --products N`, 2 branches) and two store sandboxes — one
 * per branch, in their own process so that their memory is not counted as the engine's — with no hourly
 * limit and no latency. Prints, with the target of each and whether it is met:
 *  - store calls per new product on the first sync, and per distinct changed key afterwards (1.0);
 *  - an idle incremental round (categories, products, prices, stock of both branches): calls (0) and time;
 *  - the reconcile of N products × 2 branches over a catalogue in sync: engine time without the store's
 *    time (< 10 s), peak RSS (< 300 MB), RSS at half-way vs the end (flat), event-loop delay p99 (< 50 ms).
 * Options: --products 100000   --keep (keep bench/out/catalogue-N.sqlite)   --cpu-prof (CPU profile of the
 * reconcile in bench/out/reconcile-N.cpuprofile, for Chrome DevTools or speedscope)
 * The machine is shared: figures vary from run to run; run it twice before drawing conclusions.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { StoreClientRegistry } from '../src-main/ciashop/store-registry';
import {
  Branch,
  defaultSettings,
  type ScheduleJob,
  type Settings,
  type SyncRunEvent,
} from '../src-main/contract';
import { EngineController } from '../src-main/engine/engine-controller';
import { CATALOGUE_JOBS } from '../src-main/engine/jobs/catalogue-jobs';
import type { StoreGateway } from '../src-main/engine/ports';
import { createEnginePorts } from '../src-main/runtime/engine-ports';
import { startStoreSandbox } from '../src-main/sandbox/store/store-sandbox';
import { DatabaseService } from '../src-main/winthor/database-service';
import { SqliteDb } from '../src-main/winthor/db/sqlite-db';
import { prepareDemoDatabase } from '../src-main/winthor/demo/demo-database';

const OUT = resolve('bench/out');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const MB = 1024 * 1024;
const BRANCHES = ['1', '2'] as const;
/** Distinct products whose stock (3 updates each) and price (2 updates each) change in WinThor. */
const CHANGED_STOCK = 1000;
const CHANGED_PRICE = 500;

interface Figures {
  products: number;
  published: number;
  firstSync: {
    ms: number;
    storeMs: number;
    created: number;
    productCalls: number;
    categoryCalls: number;
    peakRss: number;
  };
  changed: { distinctKeys: number; calls: number; ms: number; rounds: number };
  baseRss: number;
  idle: { calls: number; ms: number };
  reconcile: {
    ms: number;
    /** CPU time of the engine's process (user + system): what the machine's other load does not inflate. */
    cpuMs: number;
    /** Load average (1 min) of the machine at the end. */
    load: number;
    storeMs: number;
    calls: number;
    peakRss: number;
    rssAt: Array<{ read: number; rss: number }>;
    loopP99Ms: number;
    loopMaxMs: number;
    loopSamples: number;
    /** Items with a pendência in the reconcile of both branches (the demo's barcode typos). */
    withPendencia: number;
  };
}

// ---------------------------------------------------------------------------------------------------
// Child: the store sandboxes (one per branch), in their own process.

const serveSandboxes = async (): Promise<void> => {
  const sandboxes = await Promise.all(
    BRANCHES.map(() => startStoreSandbox({ budgetPerHour: 0, orders: 0, keepRequests: 10 })),
  );
  process.stdout.write(`${JSON.stringify(sandboxes.map((s) => ({ url: s.url, token: s.token })))}\n`);
  // Stops when the parent closes stdin (or dies).
  process.stdin.resume();
  process.stdin.on('end', () => void Promise.all(sandboxes.map((s) => s.stop())).then(() => process.exit(0)));
};

// ---------------------------------------------------------------------------------------------------
// Child: the engine on the seeded file, against the sandboxes.

/** The store as the engine sees it, with the time spent waiting for it (calls are made one at a time). */
const timed = (store: StoreGateway, clock: { storeMs: number; calls: number }): StoreGateway => {
  const wrap =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const started = performance.now();
      clock.calls += 1;
      try {
        return await call(...args);
      } finally {
        clock.storeMs += performance.now() - started;
      }
    };
  return {
    storeKey: store.storeKey,
    createDepartment: wrap(store.createDepartment.bind(store)),
    updateDepartment: wrap(store.updateDepartment.bind(store)),
    findDepartmentByErpId: wrap(store.findDepartmentByErpId.bind(store)),
    createProduct: wrap(store.createProduct.bind(store)),
    findProductByErpId: wrap(store.findProductByErpId.bind(store)),
    updateProduct: wrap(store.updateProduct.bind(store)),
    setStock: wrap(store.setStock.bind(store)),
    setPrice: wrap(store.setPrice.bind(store)),
    calls: () => store.calls(),
    budget: () => store.budget(),
  };
};

const runEngine = async (file: string, stores: Array<{ url: string; token: string }>): Promise<void> => {
  const db = new SqliteDb({ file });
  const settings: Settings = {
    ...defaultSettings(),
    database: { ...defaultSettings().database, kind: 'embedded', embedded: { file } },
    branches: BRANCHES.map((code, i) =>
      // Default schedules: they say which branch reads which queue rows (the bench runs the jobs itself).
      Branch.parse({ code, name: `Filial ${code}`, store: stores[i] }),
    ),
  };
  const database = new DatabaseService(() => settings, { open: async () => db });
  const registry = new StoreClientRegistry(() => settings);
  const base = createEnginePorts({
    settings: () => settings,
    database,
    stores: registry,
    jobs: Object.keys(CATALOGUE_JOBS) as ScheduleJob[],
  });
  const clock = { storeMs: 0, calls: 0 };
  const ports = { ...base, store: (branch: Branch) => timed(base.store(branch), clock) };
  let read = 0;
  /** The counts of the run that ended last. */
  let finished: SyncRunEvent['counts'] | null = null;
  const engine = new EngineController({
    ports,
    jobs: CATALOGUE_JOBS,
    scheduler: false,
    onEvent: (event) => {
      read = event.counts.read;
      onProgress?.(read);
      if (event.phase === 'finished') finished = event.counts;
    },
  });
  let onProgress: ((read: number) => void) | undefined;

  global.gc?.();
  const baseRss = process.memoryUsage().rss;
  let peakRss = 0;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const sampler = setInterval(sample, 25);

  const run = async (branch: string, job: ScheduleJob) => {
    const result = await engine.run({ branch, job }, 'manual');
    const ticket = result.started[0];
    if (!ticket) throw new Error(`não iniciou: ${JSON.stringify(result.refused)}`);
    finished = null;
    const status = await engine.runner!.activeRun(branch, job)!.finished;
    // The demo catalogue has a few barcode typos (every 97th product): their pendências make a run 'partial',
    // which is what it should be; anything else left for later is not.
    const counts = finished as SyncRunEvent['counts'] | null;
    if (status === 'partial' && counts && counts.starved === 0) return counts.failed;
    if (status !== 'ok') throw new Error(`${job} filial ${branch}: ${status}`);
    return 0;
  };
  /** Runs the jobs of both branches; returns the wall time, the store's time and the calls. */
  const round = async (jobs: ScheduleJob[]) => {
    const before = { ...clock };
    const started = performance.now();
    for (const branch of BRANCHES) for (const job of jobs) await run(branch, job);
    return {
      ms: performance.now() - started,
      storeMs: clock.storeMs - before.storeMs,
      calls: clock.calls - before.calls,
    };
  };
  const count = async (sql: string) => Number((await db.queryOne(sql))!.N);
  const products = await count('SELECT COUNT(*) AS N FROM PCPRODUT');
  const bindings = async (entity: string) =>
    count(`SELECT COUNT(*) AS N FROM WTC_STORE_BINDING WHERE WTC_STORE_BINDING.ENTITY = '${entity}'`);

  // 1. First sync: categories, then the reconcile creates every product (price and stock in the create).
  const categoriesFirst = await round(['categories']);
  peakRss = 0;
  const firstReconcile = await round(['reconcile']);
  const firstSyncPeak = peakRss;
  const created = await bindings('product');
  const published = created / BRANCHES.length;

  // 2. Changes in WinThor: stock of CHANGED_STOCK products (3 updates each) and price of CHANGED_PRICE
  //    products (2 updates each) — each must cost exactly one call per distinct key.
  const unique = (
    await db.query<{ CODPROD: string }>(
      `SELECT DISTINCT WTC_STORE_BINDING.ERP_KEY AS CODPROD FROM WTC_STORE_BINDING
        WHERE WTC_STORE_BINDING.ENTITY = 'product'`,
    )
  )
    .map((row) => Number(row.CODPROD))
    .sort((a, b) => a - b);
  await db.transaction(async (tx) => {
    for (const codprod of unique.slice(0, CHANGED_STOCK))
      for (let i = 0; i < 3; i++)
        await tx.execute(`UPDATE PCEST SET QTESTGER = PCEST.QTESTGER + 50 WHERE PCEST.CODPROD = :codprod`, {
          codprod,
        });
    for (const codprod of unique.slice(0, CHANGED_PRICE))
      for (let i = 0; i < 2; i++)
        await tx.execute(
          // Branch 1 sells at PVENDA1, branch 2 at PVENDA2 (parameter 4010 of the demo).
          `UPDATE PCTABPR SET PVENDA1 = PCTABPR.PVENDA1 + 1, PVENDA2 = PCTABPR.PVENDA2 + 1 WHERE PCTABPR.CODPROD = :codprod`,
          { codprod },
        );
  });
  // One run reads at most QUEUE_BATCH queue rows: run again until the queue is empty.
  const backlog = () =>
    count(`SELECT COUNT(*) AS N FROM WTC_CHANGE_QUEUE WHERE WTC_CHANGE_QUEUE.ENTITY IN ('stock', 'price')`);
  const changed = { ms: 0, calls: 0, rounds: 0 };
  do {
    const r = await round(['stock', 'prices']);
    changed.ms += r.ms;
    changed.calls += r.calls;
    changed.rounds += 1;
  } while ((await backlog()) > 0 && changed.rounds < 20);

  // 3. Idle incremental round: nothing changed, nothing may be sent.
  const idle = await round(['categories', 'products', 'prices', 'stock']);

  // 4. The reconcile over a catalogue in sync: RSS sampled, RSS at each quarter of the products read,
  //    event-loop delay while it runs.
  global.gc?.();
  peakRss = process.memoryUsage().rss;
  // RSS at each quarter of the first branch's pass (read counts a product, its price and its stock).
  const rssAt: Array<{ read: number; rss: number }> = [];
  const marks = [0.25, 0.5, 0.75, 1].map((f) => Math.floor(f * published));
  onProgress = (value) => {
    while (marks.length && value / 3 >= marks[0]!)
      rssAt.push({ read: marks.shift()!, rss: process.memoryUsage().rss });
  };
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  // Its timer measures from its previous turn: let it turn a few times before the reconcile starts.
  await new Promise((resolveTurn) => setTimeout(resolveTurn, 50));
  const profiler = process.argv.includes('--cpu-prof') ? new Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const before = { ...clock };
  const started = performance.now();
  const cpu = process.cpuUsage();
  let withPendencia = 0;
  for (const branch of BRANCHES) {
    withPendencia += await run(branch, 'reconcile');
    onProgress = undefined;
  }
  const reconcileMs = performance.now() - started;
  const cpuUsed = process.cpuUsage(cpu);
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    const target = join(OUT, `reconcile-${products}.cpuprofile`);
    writeFileSync(target, JSON.stringify(profile));
    process.stderr.write(`  perfil de CPU da reconciliação: ${target}\n`);
    profiler.disconnect();
  }
  // A loop held until the very end has not recorded that delay yet: give its timer one turn.
  await new Promise((resolveTurn) => setTimeout(resolveTurn, 25));
  loop.disable();
  sample();
  clearInterval(sampler);

  const figures: Figures = {
    products,
    published,
    firstSync: {
      ms: categoriesFirst.ms + firstReconcile.ms,
      storeMs: categoriesFirst.storeMs + firstReconcile.storeMs,
      created,
      productCalls: firstReconcile.calls,
      categoryCalls: categoriesFirst.calls,
      peakRss: firstSyncPeak,
    },
    changed: {
      distinctKeys:
        BRANCHES.length * (Math.min(CHANGED_STOCK, unique.length) + Math.min(CHANGED_PRICE, unique.length)),
      calls: changed.calls,
      ms: changed.ms,
      rounds: changed.rounds,
    },
    baseRss,
    idle: { calls: idle.calls, ms: idle.ms },
    reconcile: {
      ms: reconcileMs,
      cpuMs: (cpuUsed.user + cpuUsed.system) / 1000,
      load: loadavg()[0]!,
      storeMs: clock.storeMs - before.storeMs,
      calls: clock.calls - before.calls,
      peakRss,
      rssAt,
      loopP99Ms: loop.percentile(99) / 1e6,
      loopMaxMs: loop.max / 1e6,
      loopSamples: loop.count,
      withPendencia,
    },
  };
  await engine.stop();
  registry.close();
  await db.close();
  process.stdout.write(`${JSON.stringify(figures)}\n`);
};

// ---------------------------------------------------------------------------------------------------
// Parent: seed, start the sandboxes' process, run the engine's process, print the table.

const tsxArgs = (...args: string[]) => ['--expose-gc', '--import', 'tsx', 'bench/catalogue-sync.ts', ...args];

const firstLine = (child: ChildProcess): Promise<string> =>
  new Promise((resolveLine, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      lines.close();
      resolveLine(line);
    });
    child.once('exit', (code) => reject(new Error(`processo filho terminou (${code}) sem responder`)));
  });

const main = async (): Promise<void> => {
  if (process.argv.includes('--serve-sandboxes')) return serveSandboxes();
  if (process.argv.includes('--engine')) {
    return runEngine(arg('--engine')!, JSON.parse(arg('--stores')!) as Array<{ url: string; token: string }>);
  }
  const products = Number(arg('--products') ?? 100_000);
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `catalogue-${products}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  console.log(
    `Benchmark da sincronização do catálogo — ${products} produtos × ${BRANCHES.length} filiais (Node ${process.version}; máquina compartilhada: números variam entre execuções)`,
  );
  let started = performance.now();
  await prepareDemoDatabase(file, { products });
  console.log(`  banco de demonstração semeado em ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const sandboxes = spawn(process.execPath, tsxArgs('--serve-sandboxes'), {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  try {
    const stores = await firstLine(sandboxes);
    started = performance.now();
    const engineArgs = tsxArgs('--engine', file, '--stores', stores);
    if (process.argv.includes('--cpu-prof')) engineArgs.push('--cpu-prof');
    const engine = spawn(process.execPath, engineArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
    const figures = JSON.parse(await firstLine(engine)) as Figures;
    console.log(`  medições em ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    report(figures);
  } finally {
    sandboxes.stdin?.end();
    if (!process.argv.includes('--keep'))
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
};

const report = (f: Figures): void => {
  const cpus = availableParallelism();
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
  const perProduct = f.firstSync.productCalls / f.firstSync.created;
  const perKey = f.changed.calls / f.changed.distinctKeys;
  const engineMs = f.reconcile.ms - f.reconcile.storeMs;
  const half = f.reconcile.rssAt.find((m) => m.read >= f.published / 2)?.rss ?? 0;
  const end = f.reconcile.rssAt.at(-1)?.rss ?? 0;
  const rows: Array<[string, string, string, boolean | null]> = [
    [
      'Chamadas por produto novo (1ª sincronização)',
      `${perProduct.toFixed(3)} (${f.firstSync.productCalls} chamadas / ${f.firstSync.created} produtos)`,
      '1,0',
      Math.abs(perProduct - 1) < 1e-9,
    ],
    [
      'Chamadas por chave alterada (estoque e preço)',
      `${perKey.toFixed(3)} (${f.changed.calls} / ${f.changed.distinctKeys} chaves, ${f.changed.rounds} rodadas até esvaziar a fila)`,
      '1,0',
      Math.abs(perKey - 1) < 1e-9,
    ],
    ['Rodada incremental ociosa: chamadas', String(f.idle.calls), '0', f.idle.calls === 0],
    ['Rodada incremental ociosa: tempo (4 tarefas × 2 filiais)', `${f.idle.ms.toFixed(0)} ms`, '-', null],
    [
      `Reconciliação ${f.products} × 2: tempo do motor (sem a loja)`,
      `${s(engineMs)} (total ${s(f.reconcile.ms)}, ${f.reconcile.calls} chamadas)`,
      '< 10 s',
      engineMs < 10_000,
    ],
    [
      'Reconciliação: tempo de CPU do motor',
      `${s(f.reconcile.cpuMs)} (carga da máquina: ${f.reconcile.load.toFixed(1)} em ${cpus} núcleos)`,
      '-',
      null,
    ],
    [
      'Reconciliação: pico de RSS',
      `${mb(f.reconcile.peakRss)} (processo carregado, antes de sincronizar: ${mb(f.baseRss)})`,
      '< 300 MB',
      f.reconcile.peakRss < 300 * MB,
    ],
    [
      'Reconciliação: RSS na metade → no fim',
      `${mb(half)} → ${mb(end)} (${f.reconcile.rssAt.map((m) => `${m.read}: ${mb(m.rss)}`).join(', ')})`,
      'estável',
      end - half < 0.1 * half,
    ],
    [
      'Reconciliação: atraso do event loop p99',
      `${f.reconcile.loopP99Ms.toFixed(1)} ms (máx. ${f.reconcile.loopMaxMs.toFixed(0)} ms, ${f.reconcile.loopSamples} amostras)`,
      '< 50 ms',
      f.reconcile.loopP99Ms < 50,
    ],
    [
      '1ª sincronização (categorias + reconciliação)',
      `${s(f.firstSync.ms)} (loja ${s(f.firstSync.storeMs)}, ${f.firstSync.categoryCalls} categorias; pico RSS ${mb(f.firstSync.peakRss)})`,
      '-',
      null,
    ],
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.toString().length), 8));
  console.log(
    `${'Medida'.padEnd(widths[0]!)}  ${'Resultado'.padEnd(widths[1]!)}  ${'Meta'.padEnd(widths[2]!)}  Atingida`,
  );
  for (const [name, value, target, met] of rows)
    console.log(
      `${name.padEnd(widths[0]!)}  ${value.padEnd(widths[1]!)}  ${target.padEnd(widths[2]!)}  ${met === null ? '-' : met ? 'sim' : 'NÃO'}`,
    );
  console.log(
    `\nProdutos publicados com preço: ${f.published} de ${f.products} por filial; ${f.reconcile.withPendencia} item(ns) com pendência na reconciliação das ${BRANCHES.length} filiais (códigos de barras com dígito errado do demo). Tempo "sem a loja" = tempo total menos a espera pelas chamadas à loja (sandbox local sem latência, em outro processo).`,
  );
};

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
