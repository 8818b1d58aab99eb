/**
 * Store client benchmark (npm run bench:store). Starts the store sandbox in a child process (no budget
 * limit, 100k orders) and prints:
 *  1. client throughput at concurrency 1, 4 and 16 as a ratio of what a plain keep-alive HTTP loop reaches
 *     against the same endpoint at the same concurrency in the same run (target ≥ 0.8), for two plain
 *     loops: one on node:http and one on undici (the engine the client uses, ADR 0206), so the second
 *     ratio is what the client's own work costs over the same engine;
 *  2. memory (RSS / heap) while paging 100k orders through x-hasmore (should stay flat).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { Agent, request } from 'node:http';
import { Pool } from 'undici';
import { resolve } from 'node:path';
import { StoreClient } from '../src-main/ciashop/store-client';

const ORDERS = 100_000;
const ENDPOINT = 'customers/5001';
/** Short paired measures, many of them (see the loop in main): the machine is shared and noisy. */
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const WARM_UP_MS = 500;

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

interface Measure {
  /** Calls per second (wall clock). */
  rate: number;
  /** CPU time of this process per call, µs (user + system): what one call costs the caller. */
  cpuPerCall: number;
}

/** Runs `concurrency` loops of `call` for `ms` milliseconds. */
const measure = async (concurrency: number, call: () => Promise<unknown>, ms: number): Promise<Measure> => {
  let count = 0;
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const until = Date.now() + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        await call();
        count += 1;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  return { rate: count / seconds, cpuPerCall: (cpu.user + cpu.system) / count };
};

const PLAIN_HEADERS = (token: string) => ({
  Authorization: `Bearer ${token}`,
  Accept: 'application/json',
  'Accept-Encoding': 'gzip, deflate, br',
});

interface Caller {
  call: () => Promise<unknown>;
  close: () => void;
}

/**
 * Baseline 1: plain node:http keep-alive GET with the client's request headers (same bytes on the wire),
 * body read and JSON-parsed, nothing else.
 */
const plainNodeHttp = (base: string, token: string, concurrency: number): Caller => {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL(`${base}/api/v1/${ENDPOINT}`);
  const headers = PLAIN_HEADERS(token);
  const call = () =>
    new Promise<void>((done, fail) => {
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname, agent, headers },
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

/** Baseline 2: the same on undici's connection pool (the client's engine), nothing else. */
const plainUndici = (base: string, token: string, concurrency: number): Caller => {
  const pool = new Pool(base, { connections: concurrency });
  const path = `/api/v1/${ENDPOINT}`;
  const headers = PLAIN_HEADERS(token);
  const call = async () => {
    const response = await pool.request({ path, method: 'GET', headers });
    const body = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}`);
    JSON.parse(body);
  };
  return { call, close: () => void pool.destroy() };
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
      `\n1. Vazão: GET ${ENDPOINT}; por concorrência, ${ROUNDS} rodadas de medidas de ${DURATION_MS} ms (http puro node:http, http puro undici e cliente, um logo após o outro, ordem em rodízio); medianas`,
    );
    console.log('   cliente = orçamento + disjuntor + retentativas + validação zod, configuração padrão');
    console.log('   razão = cliente / http puro, mediana das razões de cada rodada (alvo ≥ 0,8)');
    console.log(
      '   concorrência | node:http (req/s) | undici (req/s) | cliente (req/s) | razão node:http | razão undici | CPU/chamada: node:http, undici, cliente',
    );
    for (const concurrency of [1, 4, 16]) {
      const sides: Caller[] = [plainNodeHttp(url, token, concurrency), plainUndici(url, token, concurrency)];
      const client = new StoreClient({ url, token, maxConcurrent: concurrency });
      // Called as directly as the baselines (no extra async wrapper on one side only).
      sides.push({ call: () => client.getCustomer(5001), close: () => client.close() });
      for (const side of sides) await measure(concurrency, side.call, WARM_UP_MS);
      // The machine is shared (2 cores, other tenants): a slow second hits all sides of a short round
      // alike, so each round gives one ratio per baseline and the median of the ratios is reported. The
      // order within a round rotates so that no side always runs first.
      const runs: Measure[][] = sides.map(() => []);
      const versusNodeHttp: number[] = [];
      const versusUndici: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const results: Measure[] = [];
        for (let k = 0; k < sides.length; k += 1) {
          const index = (round + k) % sides.length;
          results[index] = await measure(concurrency, sides[index]!.call, DURATION_MS);
        }
        results.forEach((result, index) => runs[index]!.push(result));
        versusNodeHttp.push(results[2]!.rate / results[0]!.rate);
        versusUndici.push(results[2]!.rate / results[1]!.rate);
      }
      for (const side of sides) side.close();
      const rate = (index: number): string => median(runs[index]!.map((run) => run.rate)).toFixed(0);
      const cpu = (index: number): string => median(runs[index]!.map((run) => run.cpuPerCall)).toFixed(1);
      const ratio = (values: number[]): string => {
        const value = median(values);
        return `${value.toFixed(2)}${value >= 0.8 ? '' : ' (<0,8)'}`;
      };
      console.log(
        `   ${String(concurrency).padStart(12)} | ${rate(0).padStart(17)} | ${rate(1).padStart(14)} | ${rate(2).padStart(15)} | ${ratio(versusNodeHttp).padStart(15)} | ${ratio(versusUndici).padStart(12)} | ${cpu(0)}, ${cpu(1)}, ${cpu(2)} µs`,
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
