/**
 * Time to first render of the UI (npm run bench:ui), in Debian's Chromium against the headless host in demo
 * mode: the Painel, Monitorar → Logs and Monitorar → Pendências, each from navigation to its first row on
 * screen, plus the browser's first contentful paint. With --big, the demo database first gets the
 * 1,000,000 log lines and 100,000 pendências of bench/monitoring.ts (run `npm run bench:monitoring -- --keep`
 * before). Needs the built UI (npm run build:ui).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';

const BIG = process.argv.includes('--big');
const OUT = resolve('bench/out');
const DATA = join(OUT, 'ui-data');

const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

const waitFor = async (url: string, ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} não respondeu em ${ms} ms`);
};

/** Milliseconds from navigation to `ready` on screen, and the first contentful paint; median of 5. */
const measure = async (page: Page, url: string, ready: (page: Page) => Promise<void>) => {
  const samples: Array<{ ready: number; fcp: number }> = [];
  for (let i = 0; i < 6; i++) {
    await page.goto('about:blank');
    const started = Date.now();
    await page.goto(url);
    await ready(page);
    const elapsed = Date.now() - started;
    const fcp = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    );
    if (i > 0) samples.push({ ready: elapsed, fcp }); // the first load also fills the HTTP cache
  }
  samples.sort((a, b) => a.ready - b.ready);
  return samples[2]!;
};

const main = async () => {
  const dist = resolve('dist/renderer/index.html');
  if (!existsSync(dist)) throw new Error('Rode npm run build:ui antes (dist/renderer não existe).');
  rmSync(DATA, { recursive: true, force: true });
  mkdirSync(DATA, { recursive: true });
  if (BIG) {
    const big = join(OUT, 'monitoring.sqlite');
    if (!existsSync(big))
      throw new Error('Rode npm run bench:monitoring -- --keep antes (bench/out/monitoring.sqlite).');
    copyFileSync(big, join(DATA, 'winthor-demo.sqlite'));
  }
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src-main/cli/main.ts',
      '--data-dir',
      DATA,
      'serve',
      '--demo',
      '--port',
      String(port),
    ],
    { stdio: 'ignore' },
  );
  try {
    const base = `http://localhost:${port}`;
    await waitFor(`${base}/`, 120_000);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu'],
    });
    const page = await browser.newPage({ viewport: { width: 1366, height: 850 }, locale: 'pt-BR' });
    // The demo's first runs write the lines and pendências the screens show.
    await page.goto(`${base}/#/monitorar/pendencias`);
    await page.getByTestId('pending-table').waitFor({ timeout: 120_000 });
    console.log(
      `Tempo até a primeira renderização da interface (${BIG ? '1.000.000 logs e 100.000 pendências' : 'dados da demonstração'}), mediana de 5:`,
    );
    const screens: Array<[string, string, (p: Page) => Promise<void>]> = [
      ['Painel', '/', (p) => p.getByRole('heading', { level: 2, name: 'Painel' }).waitFor()],
      ['Painel, gráficos de atividade', '/', (p) => p.getByTestId('activity-1').waitFor()],
      [
        'Monitorar → Logs, primeira linha',
        '/#/monitorar/logs',
        (p) => p.getByTestId('log-line').first().waitFor(),
      ],
      [
        'Monitorar → Pendências, primeira linha',
        '/#/monitorar/pendencias',
        (p) => p.getByTestId('pending-table').locator('tbody tr').first().waitFor(),
      ],
    ];
    for (const [label, path, ready] of screens) {
      const { ready: ms, fcp } = await measure(page, `${base}${path}`, ready);
      console.log(
        `  ${label.padEnd(42)} ${String(ms).padStart(6)} ms   (first contentful paint ${fcp.toFixed(0)} ms)`,
      );
    }
    await browser.close();
  } finally {
    server.kill();
  }
};

void main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
