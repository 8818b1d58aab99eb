import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Branch } from '../../contract';
import { openHeadlessSettings } from '../../config/headless-settings';
import { unzipToMap } from '../../runtime/diagnostics/unzip.test-support';
import { captureCli } from '../run-cli.test-support';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wtc-cli-diag-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('integrador diagnostics / service commands', () => {
  it('writes the diagnostic package of the data folder, without its secrets', async () => {
    openHeadlessSettings(dir).update({
      branches: [
        Branch.parse({
          code: '1',
          store: { url: 'https://loja.example.com.br', token: 'tk-cli-segredo-42' },
        }),
      ],
    });
    const out = join(dir, 'pacote.zip');
    const result = await captureCli(['--data-dir', dir, '--json', 'diagnostics', '--out', out]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ ok: true, file: out });
    const files = await unzipToMap(readFileSync(out));
    expect(files.get('configuracoes.json')!.toString('utf8')).toContain('"token": "[removido]"');
    expect(
      [...files.values()].some((content) => content.toString('utf8').includes('tk-cli-segredo-42')),
    ).toBe(false);
  });

  it('prints the NSSM commands for another install folder and a dedicated account', async () => {
    const result = await captureCli([
      '--json',
      '--data-dir',
      join(dir, 'dados'),
      'service',
      'commands',
      '--install-dir',
      'D:\\Integrador',
      '--account',
      '.\\integrador',
    ]);
    expect(result.code).toBe(0);
    const commands = JSON.parse(result.out);
    expect(commands.install[0]).toContain('D:\\Integrador\\IntegradorWinThorCiashop.exe');
    expect(commands.install.at(-2)).toBe(
      'nssm set IntegradorWinThorCiashop ObjectName .\\integrador SENHA_DA_CONTA',
    );
    expect(commands.remove).toEqual([
      'nssm stop IntegradorWinThorCiashop',
      'nssm remove IntegradorWinThorCiashop confirm',
    ]);
    expect(existsSync(join(dir, 'dados'))).toBe(false); // printing commands creates nothing
  });

  it('prints a Windows --data-dir as Windows resolves it, also when run on Linux (#12)', async () => {
    const result = await captureCli(['--json', '--data-dir', 'D:\\Dados\\WTC', 'service', 'commands']);
    expect(result.code).toBe(0);
    const commands = JSON.parse(result.out);
    expect(commands.dataDir).toBe('D:\\Dados\\WTC');
    expect(commands.install).toContain('nssm set IntegradorWinThorCiashop AppDirectory D:\\Dados\\WTC');
    expect(commands.install.join('\n')).not.toContain(process.cwd());
  });
});
