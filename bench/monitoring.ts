/**
 * Benchmark of the Logs and Pendências screens' queries on the embedded database (npm run bench:monitoring):
 * 1,000,000 log lines and 100,000 pendências, then the server time of the first page (no filter, each
 * filter), of a text filter (a common word, a word found nowhere: the whole table is read), of the groups by
 * kind and of a later page. Targets: first page < 100 ms, text filter < 300 ms.
 * Options: --logs 1000000  --pendings 100000  --keep (keep bench/out/monitoring.sqlite and reuse it)
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteDb } from '../src-main/winthor/db/sqlite-db';
import { createDemoSchema } from '../src-main/winthor/demo/demo-schema';
import {
  listLogs,
  writeLogs,
  type LogLevel,
  type LogRecord,
} from '../src-main/winthor/repositories/logs-repository';
import { groupPendings, listPendings } from '../src-main/winthor/repositories/pending-queries';
import { install } from '../src-main/winthor/schema/installer';
import { insertWithId } from '../src-main/winthor/repositories/insert-with-id';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const LOGS = arg('--logs', 1_000_000);
const PENDINGS = arg('--pendings', 100_000);
const KEEP = process.argv.includes('--keep');
const OUT = resolve('bench/out');
const FILE = join(OUT, 'monitoring.sqlite');
const DAY = 86_400_000;

const MESSAGES = [
  (n: number) =>
    `Estoque (filial 1, execução ${n}): ok — lidos 120, alterados 4, enviados 4, chamadas à loja 4.`,
  (n: number) =>
    `Produto ${n}: não enviado (A loja recusou a chamada (HTTP 400). Resposta da loja: ean inválido).`,
  (n: number) => `Preços (filial 2, execução ${n}): partial — 3 item(ns) com pendência.`,
  (n: number) => `Categorias (filial 1, execução ${n}): ok — lidos 40, sem alteração 40.`,
  (n: number) => `A loja não respondeu a tempo (execução ${n}); as alterações ficam na fila.`,
];
const LEVELS: LogLevel[] = ['info', 'info', 'info', 'warn', 'info', 'info', 'error', 'info', 'debug', 'info'];
const ENTITIES = ['stock', 'prices', 'products', 'categories', 'orders'];

const seed = async (db: SqliteDb): Promise<void> => {
  const now = Date.now();
  const started = performance.now();
  for (let done = 0; done < LOGS; done += 20_000) {
    const lines: LogRecord[] = [];
    for (let i = done; i < Math.min(LOGS, done + 20_000); i++) {
      lines.push({
        at: new Date(now - 30 * DAY + (i / LOGS) * 30 * DAY),
        level: LEVELS[i % LEVELS.length]!,
        branch: String((i % 3) + 1),
        entity: ENTITIES[i % ENTITIES.length]!,
        runId: Math.floor(i / 25),
        message: MESSAGES[i % MESSAGES.length]!(i),
        details: i % 10 === 1 ? JSON.stringify({ entity: 'product', erpKey: String(i) }) : null,
      });
    }
    await writeLogs(db, lines);
  }
  console.log(
    `  ${LOGS.toLocaleString('pt-BR')} linhas de log gravadas em ${ms(performance.now() - started)}`,
  );
  const kinds = [
    'sem_preco',
    'ean_invalido',
    'aguardando_categoria',
    'loja_bad_request',
    'sem_mapeamento_cobranca',
  ];
  const at = new Date(now - DAY);
  const pendingStart = performance.now();
  await db.transaction(async (tx) => {
    for (let i = 0; i < PENDINGS; i++) {
      await insertWithId(tx, 'WTC_PENDING', {
        ENTITY: i % 5 === 4 ? 'order' : 'product',
        BRANCH: String((i % 3) + 1),
        ERP_KEY: String(100_000 + i),
        ERROR_KIND: kinds[i % kinds.length]!,
        MESSAGE: `Produto ${100_000 + i} sem preço de venda na região da filial ${(i % 3) + 1}.`,
        FIX: 'Informe o preço de venda do produto (rotina 201).',
        PARAMS: JSON.stringify({ codprod: 100_000 + i }),
        ATTEMPTS: 1 + (i % 7),
        STATUS: i % 4 === 0 ? 'resolved' : i % 10 === 1 ? 'ignored' : 'open',
        CREATED_AT: at,
        UPDATED_AT: at,
      });
    }
  });
  console.log(
    `  ${PENDINGS.toLocaleString('pt-BR')} pendências gravadas em ${ms(performance.now() - pendingStart)}`,
  );
};

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Median of 5 runs after one warm-up (the first run also pays the statement preparation). */
const time = async (label: string, target: number, work: () => Promise<number>): Promise<void> => {
  let rows = await work();
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    rows = await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const median = samples[2]!;
  const verdict = median <= target ? 'ok' : 'ACIMA DA META';
  console.log(
    `  ${label.padEnd(62)} ${ms(median).padStart(10)}  (${rows} linhas; meta < ${target} ms: ${verdict})`,
  );
};

const main = async () => {
  mkdirSync(OUT, { recursive: true });
  const reuse = KEEP && existsSync(FILE);
  if (!reuse) for (const suffix of ['', '-wal', '-shm']) rmSync(`${FILE}${suffix}`, { force: true });
  const db = new SqliteDb({ file: FILE });
  console.log(`Monitoramento no banco embutido (${FILE})`);
  if (!reuse) {
    await createDemoSchema(db);
    await install(db);
    await seed(db);
  }
  const now = new Date();
  const lastDay = new Date(now.getTime() - DAY);
  console.log('Logs:');
  await time(
    'primeira página, sem filtro',
    100,
    async () => (await listLogs(db, {}, { limit: 100 })).lines.length,
  );
  await time(
    'primeira página, nível erro',
    100,
    async () => (await listLogs(db, { level: 'error' }, { limit: 100 })).lines.length,
  );
  await time(
    'primeira página, filial 2 + tarefa estoque',
    100,
    async () => (await listLogs(db, { branch: '2', entity: 'stock' }, { limit: 100 })).lines.length,
  );
  await time(
    'primeira página, últimas 24 h',
    100,
    async () => (await listLogs(db, { from: lastDay }, { limit: 100 })).lines.length,
  );
  await time(
    'primeira página, uma execução',
    100,
    async () => (await listLogs(db, { runId: 123 }, { limit: 100 })).lines.length,
  );
  const page = await listLogs(db, {}, { limit: 100 });
  await time(
    'página seguinte (keyset, a partir do último id)',
    100,
    async () =>
      (
        await listLogs(
          db,
          {},
          { limit: 100, before: { at: page.lines.at(-1)!.at, id: page.lines.at(-1)!.id! } },
        )
      ).lines.length,
  );
  await time(
    'texto comum ("recusou")',
    300,
    async () => (await listLogs(db, { text: 'recusou' }, { limit: 100 })).lines.length,
  );
  await time(
    'texto que não existe (lê no máximo 100 mil linhas por página)',
    300,
    async () => (await listLogs(db, { text: 'xyz-inexistente' }, { limit: 100 })).lines.length,
  );
  await time(
    'texto que não existe, últimas 24 h',
    300,
    async () => (await listLogs(db, { text: 'xyz-inexistente', from: lastDay }, { limit: 100 })).lines.length,
  );
  console.log('Pendências:');
  await time(
    'primeira página, abertas',
    100,
    async () => (await listPendings(db, { status: 'open', limit: 50 })).length,
  );
  await time(
    'primeira página, abertas da filial 1, um tipo',
    100,
    async () =>
      (await listPendings(db, { status: 'open', branch: '1', kind: 'sem_preco', limit: 50 })).length,
  );
  await time(
    'grupos por tipo, abertas (contagens)',
    100,
    async () => (await groupPendings(db, { status: 'open' })).length,
  );
  await time(
    'texto ("região da filial 2")',
    300,
    async () => (await listPendings(db, { text: 'região da filial 2', limit: 50 })).length,
  );
  await time(
    'texto que não existe',
    300,
    async () => (await listPendings(db, { text: 'xyz-inexistente', limit: 50 })).length,
  );
  await time(
    'grupos por tipo com texto',
    300,
    async () => (await groupPendings(db, { status: 'open', text: 'filial 2' })).length,
  );
  await db.close();
  if (!KEEP) for (const suffix of ['', '-wal', '-shm']) rmSync(`${FILE}${suffix}`, { force: true });
};

void main();
