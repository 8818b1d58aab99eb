// The e2e host of "one engine per WinThor database" (ADR 0310): another engine (simulated here by its lease
// claims, renewed every second as an engine does every 30 s) holds an embedded WinThor, then an integrator is
// started on the same database — it waits, "Em espera". Started by playwright.config.ts as a web server; the
// UI's walk-through, "Assumir" included, is e2e/browser/engine-lease.spec.ts.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openHeadlessSettings } from '../src-main/config/headless-settings';
import { Branch } from '../src-main/contract';
import { startHeadless } from '../src-main/server/headless-host';
import { SqliteDb } from '../src-main/winthor/db/sqlite-db';
import { prepareDemoDatabase } from '../src-main/winthor/demo/demo-database';
import { claimLease } from '../src-main/winthor/repositories/engine-lease-repository';
import { LEASE_HOST } from './lease-env';

const main = async (): Promise<void> => {
  rmSync(LEASE_HOST.dataDir, { recursive: true, force: true });
  rmSync(LEASE_HOST.winthorDir, { recursive: true, force: true });
  const file = join(LEASE_HOST.winthorDir, 'winthor.sqlite');
  await prepareDemoDatabase(file, { products: 20 });
  const other = new SqliteDb({ file });
  const claim = {
    ...LEASE_HOST.other,
    pid: 4242,
    version: '0.1.0',
    hostKind: 'headless' as const,
  };
  let holding = true;
  const renew = async () => {
    const { won } = await claimLease(other, claim, { expirySeconds: 120 });
    if (holding && !won) process.stderr.write('[info] O outro integrador perdeu o banco (Assumir).\n');
    holding = won;
  };
  await renew();
  const timer = setInterval(() => void renew().catch(() => {}), 1000);
  openHeadlessSettings(LEASE_HOST.dataDir).update({
    database: { kind: 'embedded', embedded: { file } },
    // A branch with its default schedules: Agendamento's "Executar agora" buttons say why they are disabled.
    branches: [
      Branch.parse({ code: '1', name: 'Matriz', store: { url: 'https://loja.example.com.br', token: 't' } }),
    ],
  });
  const host = await startHeadless({
    dataDir: LEASE_HOST.dataDir,
    port: LEASE_HOST.port,
    log: (level, message) => process.stderr.write(`[${level}] ${message}\n`),
  });
  process.stdout.write(`Integrador em espera em ${host.url}\n`);
  const stop = () => {
    clearInterval(timer);
    void Promise.all([host.close(), other.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
