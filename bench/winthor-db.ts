/**
 * Benchmarks of the WinThor database layer on the embedded database (npm run bench:db):
 *  1. reading the stock of every published product of a branch, streamed, for 10k and 100k products:
 *     time and peak memory (each read runs in a fresh process so the figures do not mix);
 *  2. the cost the queue trigger adds to updates of PCEST (with / without the integration schema).
 * Options: --sizes 10000,100000   --keep (keep the files in bench/out)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteDb } from '../src-main/winthor/db/sqlite-db';
import { createDemoSchema } from '../src-main/winthor/demo/demo-schema';
import { seedDemo } from '../src-main/winthor/demo/seed';
import { getStock, streamStock } from '../src-main/winthor/repositories/stock-repository';
import { stockItemOf } from '../src-main/engine/domain/stock-rule';
import { install, uninstall } from '../src-main/winthor/schema/installer';

const OUT = resolve('bench/out');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

interface ReadFigures {
  mode: string;
  rows: number;
  ms: number;
  peakRss: number;
  peakHeap: number;
  baseRss: number;
}

/** Child mode: read the stock of branch 1 of `file`, streamed or all at once, and print figures as JSON. */
const readChild = async (file: string, mode: 'stream' | 'all'): Promise<void> => {
  const db = new SqliteDb({ file, readonly: true });
  global.gc?.();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  };
  const timer = setInterval(sample, 5);
  const started = performance.now();
  let rows = 0;
  let offered = 0;
  const query = { branch: '1', formula: 'gerencial' as const };
  if (mode === 'stream') {
    for await (const item of streamStock(db, query)) {
      rows++;
      offered += stockItemOf(item, query.formula, 100).offered;
      if (rows % 1000 === 0) sample();
    }
  } else {
    const codes = (await db.query<{ CODPROD: number }>('SELECT PCPRODUT.CODPROD FROM PCPRODUT')).map(
      (r) => r.CODPROD,
    );
    const items = await getStock(db, query, codes);
    sample();
    rows = items.length;
    offered = items.reduce((s, i) => s + stockItemOf(i, query.formula, 100).offered, 0);
  }
  const ms = performance.now() - started;
  clearInterval(timer);
  sample();
  await db.close();
  const figures: ReadFigures & { offered: number } = { mode, rows, ms, peakRss, peakHeap, baseRss, offered };
  process.stdout.write(JSON.stringify(figures));
};

const seedFile = async (products: number): Promise<string> => {
  const file = join(OUT, `winthor-${products}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  const db = new SqliteDb({ file });
  const started = performance.now();
  await createDemoSchema(db);
  await seedDemo(db, { products, customers: 100 });
  await db.close();
  console.log(`  semeado: ${products} produtos em ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return file;
};

const runChild = (file: string, mode: 'stream' | 'all'): ReadFigures => {
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'bench/winthor-db.ts', '--child', file, mode],
    { encoding: 'utf8' },
  );
  return JSON.parse(output) as ReadFigures;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const triggerCost = async (file: string): Promise<void> => {
  const db = new SqliteDb({ file });
  const updatesPerRound = 5000;
  const round = async (): Promise<number> => {
    const started = performance.now();
    await db.transaction(async (tx) => {
      for (let p = 1; p <= updatesPerRound; p++) {
        await tx.execute(
          `UPDATE PCEST SET QTESTGER = PCEST.QTESTGER + 1 WHERE PCEST.CODPROD = :codprod AND PCEST.CODFILIAL = '1'`,
          { codprod: p },
        );
      }
    });
    return performance.now() - started;
  };
  const bulk = async (): Promise<number> => {
    const started = performance.now();
    await db.execute(`UPDATE PCEST SET QTRESERV = PCEST.QTRESERV + 1`);
    return performance.now() - started;
  };
  await uninstall(db);
  await round();
  const without = median([await round(), await round(), await round()]);
  const bulkWithout = median([await bulk(), await bulk(), await bulk()]);
  await install(db);
  await round();
  const withTrigger = median([await round(), await round(), await round()]);
  const bulkWith = median([await bulk(), await bulk(), await bulk()]);
  const queued = Number((await db.queryOne('SELECT COUNT(*) AS N FROM WTC_CHANGE_QUEUE'))!.N);
  const rows = Number((await db.queryOne('SELECT COUNT(*) AS N FROM PCEST'))!.N);
  await db.close();
  console.log('\nCusto do trigger de fila em PCEST (SQLite; mediana de 3 rodadas):');
  console.log(
    `  ${updatesPerRound} UPDATEs de 1 linha (QTESTGER) numa transação: sem trigger ${without.toFixed(0)} ms, com trigger ${withTrigger.toFixed(0)} ms — razão ${(withTrigger / without).toFixed(2)}x`,
  );
  console.log(
    `  1 UPDATE de ${rows} linhas (QTRESERV): sem trigger ${bulkWithout.toFixed(0)} ms, com trigger ${bulkWith.toFixed(0)} ms — razão ${(bulkWith / bulkWithout).toFixed(2)}x`,
  );
  console.log(`  linhas anotadas na fila: ${queued}`);
};

const main = async (): Promise<void> => {
  if (process.argv.includes('--child')) {
    await readChild(arg('--child')!, process.argv.at(-1) as 'stream' | 'all');
    return;
  }
  const sizes = (arg('--sizes') ?? '10000,100000').split(',').map(Number);
  mkdirSync(OUT, { recursive: true });
  console.log(`Benchmark da camada de banco (SQLite embutido, Node ${process.version})`);
  const files: string[] = [];
  for (const size of sizes) files.push(await seedFile(size));
  console.log('\nLeitura do estoque da filial 1 (fórmula gerencial), processo novo para cada medida:');
  console.log('  produtos | modo          | linhas  | tempo    | RSS inicial | pico RSS  | pico heap');
  sizes.forEach((size, i) => {
    for (const mode of ['stream', 'all'] as const) {
      const f = runChild(files[i]!, mode);
      console.log(
        `  ${String(size).padStart(8)} | ${(mode === 'stream' ? 'streaming' : 'tudo em lista').padEnd(13)} | ${String(f.rows).padStart(7)} | ${`${f.ms.toFixed(0)} ms`.padStart(8)} | ${mb(f.baseRss).padStart(11)} | ${mb(f.peakRss).padStart(9)} | ${mb(f.peakHeap)}`,
      );
    }
  });
  await triggerCost(files[0]!);
  if (!process.argv.includes('--keep'))
    for (const file of files)
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
};

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
