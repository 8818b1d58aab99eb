/**
 * Store client benchmark (npm run bench:store). Starts the store sandbox in a child process (no budget
 * limit, 100k orders) and prints:
 *  1. client throughput at concurrency 1, 4 and 16 as a ratio of what a minimal node:http keep-alive loop
 *     reaches against the same endpoint at the same concurrency in the same run (target ≥ 0.8);
 *  2. memory (RSS / heap) while paging 100k orders through x-hasmore (should stay flat).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { Agent, request } from 'node:http';
import { resolve } from 'node:path';
import { StoreClient } from '../src-main/ciashop/store-client';

const ORDERS = 100_000;
const ENDPOINT = 'customers/5001';
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/**
 * The sandbox stands in for a remote store: in production it does not share the client's CPU. Where
 * `taskset` exists and there are at least two cores, the sandbox gets core 1 and this process (all its
 * threads) core 0, so the ratio measures the client's own cost rather than its contention with the server.
 */
const canPin = (): boolean =>
  process.platform === 'linux' &&
  cpus().length >= 2 &&
  process.env.BENCH_NO_PIN !== '1' &&
  spawnSync('taskset', ['-V']).status === 0;

const pinSelf = (): void => {
  spawnSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
};

const startSandboxProcess = async (
  pinned: boolean,
): Promise<{ child: ChildProcess; url: string; token: string }> => {
  const cli = resolve(import.meta.dirname, '../src-main/cli/main.ts');
  const tsx = resolve(import.meta.dirname, '../node_modules/.bin/tsx');
  const args = [cli, '--json', 'sandbox', '--budget', '0', '--orders', String(ORDERS), '--token', 'bench'];
  const child = pinned
    ? spawn('taskset', ['-c', '1', tsx, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
    : spawn(tsx, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let text = '';
  return new Promise((done, fail) => {
    child.once('exit', (code) => fail(new Error(`sandbox saiu com código ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      try {
        const info = JSON.parse(text) as { url: string; token: string };
        done({ child, url: info.url, token: info.token });
      } catch {
        // not complete yet
      }
    });
  });
};

/** Runs `concurrency` loops of `call` for DURATION_MS; returns calls per second. */
const measure = async (concurrency: number, call: () => Promise<unknown>): Promise<number> => {
  const warmUntil = Date.now() + 300;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < warmUntil) await call();
    }),
  );
  let count = 0;
  const started = process.hrtime.bigint();
  const until = Date.now() + DURATION_MS;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        await call();
        count += 1;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return count / seconds;
};

/**
 * The baseline: plain node:http keep-alive GET with the client's request headers (same bytes on the wire),
 * body read and JSON-parsed, nothing else.
 */
const plainCaller = (base: string, token: string, concurrency: number) => {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL(`${base}/api/v1/${ENDPOINT}`);
  const call = () =>
    new Promise<void>((done, fail) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          agent,
          headers: {
            Authorization: `Bearer ${token}`,
            Accept: 'application/json',
            'Accept-Encoding': 'gzip, deflate, br',
          },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => {
            if (res.statusCode !== 200) fail(new Error(`HTTP ${res.statusCode}`));
            else {
              JSON.parse(body);
              done();
            }
          });
        },
      );
      req.on('error', fail);
      req.end();
    });
  return { call, close: () => agent.destroy() };
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const main = async (): Promise<void> => {
  const pinned = canPin();
  if (pinned) pinSelf();
  const { child, url, token } = await startSandboxProcess(pinned);
  try {
    console.log(`Sandbox da loja: ${url} (processo separado, sem limite de chamadas, ${ORDERS} pedidos)`);
    console.log(
      pinned
        ? '   núcleos: sandbox no núcleo 1, cliente e http puro no núcleo 0 (taskset; BENCH_NO_PIN=1 desliga)'
        : '   núcleos: sem fixação (taskset indisponível ou BENCH_NO_PIN=1): cliente e sandbox disputam a CPU',
    );
    console.log(
      `\n1. Vazão: GET ${ENDPOINT}, ${ROUNDS} rodadas de ${DURATION_MS} ms por medida, mediana das razões por rodada`,
    );
    console.log('   cliente = orçamento + disjuntor + retentativas + zod, configuração padrão');
    console.log('   concorrência | http puro (req/s) | cliente (req/s) | razão');
    for (const concurrency of [1, 4, 16]) {
      const plain = plainCaller(url, token, concurrency);
      const client = new StoreClient({ url, token, maxConcurrent: concurrency });
      // Interleaved short rounds measured back to back: the machine is shared (2 cores, the sandbox in
      // another process), so each round gives a paired ratio and the median is reported. The order within
      // a round alternates so that neither side always runs first.
      const plainRates: number[] = [];
      const clientRates: number[] = [];
      const ratios: number[] = [];
      // Called as directly as the baseline (no extra async wrapper on one side only).
      const viaClient = () => client.getCustomer(5001);
      for (let round = 0; round < ROUNDS; round += 1) {
        let plainRate: number;
        let clientRate: number;
        if (round % 2 === 0) {
          plainRate = await measure(concurrency, plain.call);
          clientRate = await measure(concurrency, viaClient);
        } else {
          clientRate = await measure(concurrency, viaClient);
          plainRate = await measure(concurrency, plain.call);
        }
        plainRates.push(plainRate);
        clientRates.push(clientRate);
        ratios.push(clientRate / plainRate);
      }
      plain.close();
      client.close();
      const ratio = median(ratios);
      console.log(
        `   ${String(concurrency).padStart(12)} | ${median(plainRates).toFixed(0).padStart(17)} | ${median(clientRates).toFixed(0).padStart(15)} | ${ratio.toFixed(2)}${ratio >= 0.8 ? '' : ' (<0.8)'}`,
      );
    }

    console.log(`\n2. Memória ao paginar ${ORDERS} pedidos (250 por página, x-hasmore até o fim)`);
    const client = new StoreClient({ url, token, timeoutMs: 60_000 });
    const checkpoints = new Set([10_000, 50_000, 100_000]);
    let seen = 0;
    const started = Date.now();
    console.log(
      `   início: RSS ${mb(process.memoryUsage().rss)}, heap ${mb(process.memoryUsage().heapUsed)}`,
    );
    for await (const page of client.pullOrders({
      statuses: ['PaymentApproved', 'Cancelled', 'SHIPPED'],
      pageSize: 250,
    })) {
      for (const _order of page) {
        seen += 1;
        if (checkpoints.has(seen)) {
          const usage = process.memoryUsage();
          console.log(
            `   ${String(seen).padStart(7)} pedidos: RSS ${mb(usage.rss)}, heap ${mb(usage.heapUsed)} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
          );
        }
      }
    }
    client.close();
    console.log(`   total lido: ${seen} pedidos, ${client.state().calls} chamadas`);
  } finally {
    child.kill('SIGTERM');
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
