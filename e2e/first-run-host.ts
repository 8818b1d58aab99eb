// The e2e host of a first run (issue #13): a fresh, non-demo data folder with nothing configured, an
// embedded WinThor with its PC* tables but without the integration's objects, and a store sandbox to
// point a branch at — what a new user has before walking "Primeiros passos". Started by
// playwright.config.ts as a second web server; the UI's walk-through is e2e/browser/first-run-fresh.spec.ts.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startStoreSandbox } from '../src-main/sandbox/store/store-sandbox';
import { startHeadless } from '../src-main/server/headless-host';
import { prepareDemoDatabase } from '../src-main/winthor/demo/demo-database';
import { FIRST_RUN } from './first-run-env';

const main = async (): Promise<void> => {
  rmSync(FIRST_RUN.dataDir, { recursive: true, force: true });
  rmSync(FIRST_RUN.winthorDir, { recursive: true, force: true });
  await prepareDemoDatabase(join(FIRST_RUN.winthorDir, 'winthor.sqlite'), {
    products: 40,
    installSchema: false,
  });
  // Two paid orders: their payment method, installments and shipping method are the codes step 6 asks to
  // map (nothing is mapped on a first run).
  const store = await startStoreSandbox({
    port: FIRST_RUN.storePort,
    token: FIRST_RUN.storeToken,
    orders: 2,
  });
  const host = await startHeadless({
    dataDir: FIRST_RUN.dataDir,
    port: FIRST_RUN.port,
    log: (level, message) => process.stderr.write(`[${level}] ${message}\n`),
  });
  process.stdout.write(`Primeira execução em ${host.url}; loja em ${store.url}\n`);
  const stop = () => void Promise.all([host.close(), store.stop()]).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
