import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openHeadlessSettings } from '../config/headless-settings';
import { Branch } from '../contract';
import { createRuntime, type Runtime } from '../runtime/create-runtime';
import { prepareDemoDatabase } from '../winthor/demo/demo-database';
import { captureCli } from './run-cli.test-support';

// The one-shot `sync` keeps the WinThor database's lease too (ADR 0310): beside an engine that holds the
// database (the service, the desktop app of another folder) it is refused, saying why, instead of being a
// second engine spending the store's budget.

let dir: string;
let holder: Runtime | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wtc-sync-lease-'));
});
afterEach(async () => {
  await holder?.close();
  holder = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const configure = (dataDir: string, file: string) => {
  const settings = openHeadlessSettings(dataDir);
  settings.update({
    database: { kind: 'embedded', embedded: { file } },
    branches: [Branch.parse({ code: '1', store: { url: 'https://loja.example.com.br', token: 't' } })],
  });
  return settings;
};

it('sync on a database another engine holds is refused with who holds it, and leaves the lease alone', async () => {
  const file = join(dir, 'winthor.sqlite');
  await prepareDemoDatabase(file, { products: 5 });
  const serviceDir = join(dir, 'servico');
  holder = createRuntime({ host: 'headless', settings: configure(serviceDir, file), dataDir: serviceDir });
  await holder.lease?.settled();
  expect(holder.lease?.standing().kind).toBe('held');

  const cliDir = join(dir, 'linha-de-comando');
  configure(cliDir, file);
  const cli = await captureCli(['--data-dir', cliDir, 'sync', 'stock', '--branch', '1']);
  expect(cli.code).not.toBe(0);
  expect(cli.err).toContain(`Em espera: outro integrador está ativo neste banco (host `);
  expect(cli.err).toContain(`pasta ${serviceDir}`);
  // Refused before any run is announced, worded for a command line: no "Assumir" (#12).
  expect(cli.err).not.toContain('em execução');
  expect(cli.err).not.toContain('Assumir');
  expect(cli.err).toContain('"Executar agora" no Painel dele');
  expect(cli.err).toMatch(new RegExp(`integrador no processo ${process.pid} já roda as sincronizações`));
  // The holder keeps it: its next renewal still wins.
  expect((await holder.lease?.look())?.kind).toBe('held');
});

it('the engine standby refusal met during a run is reworded for the command line (no "Assumir")', async () => {
  const { rewordForCli } = await import('./sync-refusal');
  const { engineRefusals } = await import('../engine/engine-refusals');
  const worded = rewordForCli(
    engineRefusals.standby({
      kind: 'waiting',
      lost: true,
      holder: { hostName: 'srv', dataDir: 'C:\\dados', pid: 9, version: '0.1.0', since: '10:00' },
    }),
  ) as Error;
  expect(worded.message).toContain('Em espera: outro integrador assumiu este banco (host srv');
  expect(worded.message).toContain('"Executar agora" no Painel do integrador ativo');
  expect(`${worded.message} ${(worded as { fix?: string }).fix ?? ''}`).not.toContain('Assumir');
});
