import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unzipToMap } from '../../runtime/diagnostics/unzip.test-support';
import { startHeadless } from '../../server/headless-host';
import { captureCli } from '../run-cli.test-support';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'wtc-cli-diag2-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const motorOf = async (zip: string) => {
  const files = await unzipToMap(readFileSync(zip));
  return {
    motor: files.get('motor.json')!.toString('utf8'),
    readme: files.get('LEIA-ME.txt')!.toString('utf8'),
    versions: JSON.parse(files.get('versoes.json')!.toString('utf8')),
  };
};

describe('integrador diagnostics without an engine in its process (#12, ADR 0317)', () => {
  it('beside a running demo: says the engine runs in that process, reads the runs from the database', async () => {
    const dataDir = join(root, '.demo');
    const uiDir = join(root, 'ui');
    mkdirSync(uiDir);
    writeFileSync(join(uiDir, 'index.html'), '<!doctype html><title>UI</title>');
    const host = await startHeadless({ dataDir, uiDir, port: 0, demo: true });
    try {
      // The running demo syncs nothing meanwhile: every store call counted below is the command's.
      host.runtime.engine.pause();
      const storeUrl = host.runtime.settings.get().branches[0]!.store.url;
      const storeCalls = async (): Promise<number> =>
        ((await (await fetch(`${storeUrl}/__sandbox/inspect`)).json()) as { totalCalls: number }).totalCalls;
      // The demo's own start-up calls (its connection test) end first.
      let before = await storeCalls();
      for (let settled = 0; settled < 3;) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const now = await storeCalls();
        settled = now === before ? settled + 1 : 0;
        before = now;
      }
      const out = join(root, 'pacote.zip');
      const result = await captureCli(['--data-dir', dataDir, 'diagnostics', '--demo', '--out', out]);
      expect(result.code).toBe(0);
      // No engine in the command's process, so no lease: its setup guide never reads the store (#12).
      expect((await storeCalls()) - before).toBe(0);
      const { motor, readme, versions } = await motorOf(out);
      const parsed = JSON.parse(motor);
      expect(motor).not.toMatch(/Em execução|engine_unavailable|npm run cli/);
      expect(parsed.estado.motorNestaPasta).toMatch(
        new RegExp(
          `roda em outro processo \\(a demonstração sem janela, processo ${process.pid}, interface em ${host.url}`,
        ),
      );
      expect(parsed.estado.processoNestaPasta).toMatchObject({ processo: process.pid, demonstracao: true });
      expect(Array.isArray(parsed.execucoes.runs)).toBe(true);
      expect(parsed.sincronizacao.filiais.length).toBeGreaterThan(0);
      expect(parsed.integradorAtivoNesteBanco).toMatchObject({
        esteIntegrador: false,
        processo: process.pid,
      });
      expect(versions.integrador.demonstracao).toBe(true);
      expect(readme).toContain('GERADO PELA LINHA DE COMANDO');
    } finally {
      await host.close();
    }
  }, 60_000);

  it('on a fresh data folder: "não configurado", never "Em execução", and creates nothing there', async () => {
    const dataDir = join(root, 'nova');
    const out = join(root, 'pacote.zip');
    const result = await captureCli(['--data-dir', dataDir, 'diagnostics', '--out', out]);
    expect(result.code).toBe(0);
    const { motor } = await motorOf(out);
    expect(motor).not.toContain('Em execução');
    expect(JSON.parse(motor).estado).toMatchObject({
      configuracao: 'não configurado (nenhuma filial)',
      processoNestaPasta: null,
      primeirosPassos: { primeiroPassoQueFalta: 'database' },
    });
    expect(readdirSync(root)).toEqual(['pacote.zip']);
  });
});
