import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './program';

let out: string[];
let err: string[];

beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
});

afterEach(() => vi.restoreAllMocks());

describe('command line', () => {
  it('--help lists the commands in Portuguese and exits 0', async () => {
    expect(await runCli(['--help'])).toBe(0);
    const text = out.join('');
    expect(text).toContain('serve');
    expect(text).toContain('Inicia o integrador sem janela');
    expect(text).toContain('--json');
  });

  it('an unknown command exits non-zero', async () => {
    expect(await runCli(['fazer-cafe'])).not.toBe(0);
    expect(err.join('')).toMatch(/unknown command|comando/i);
  });

  it('serve with an invalid port says how to fix it and exits 2', async () => {
    expect(await runCli(['serve', '--port', 'setenta'])).toBe(2);
    expect(err.join('')).toContain('Porta inválida: "setenta". Use um número entre 1 e 65535');
  });

  it('reports failures as JSON with --json', async () => {
    expect(await runCli(['--json', 'serve', '--port', '0x'])).toBe(2);
    expect(JSON.parse(out.join(''))).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Porta inválida') },
    });
  });
});

describe('usage errors', () => {
  it.each([
    [['--json', 'fazer-cafe'], 'Comando desconhecido: fazer-cafe.'],
    [['fazer-cafe', '--json'], 'Comando desconhecido: fazer-cafe.'],
    [['--json', 'store', 'test'], 'A opção --url <url> é obrigatória.'],
    [['store', 'test', '--json'], 'A opção --url <url> é obrigatória.'],
    [['--json', 'serve', '--bogus'], 'Opção desconhecida: --bogus.'],
    [['--json', 'serve', '--port'], 'A opção --port <n> precisa de um valor.'],
  ])(
    'with --json, %j prints one JSON document in pt-BR on stdout and exits non-zero',
    async (argv, message) => {
      expect(await runCli(argv)).not.toBe(0);
      expect(JSON.parse(out.join(''))).toEqual({
        ok: false,
        error: { code: 'usage_error', message, fix: 'Use --help para ver os comandos e as opções.' },
      });
    },
  );

  it('without --json, says it in pt-BR on stderr and leaves stdout empty', async () => {
    expect(await runCli(['store', 'test'])).not.toBe(0);
    expect(out.join('')).toBe('');
    expect(err.join('')).toBe(
      'Erro: A opção --url <url> é obrigatória.\nUse --help para ver os comandos e as opções.\n',
    );
  });

  it('--help and --version still exit 0', async () => {
    expect(await runCli(['--json', '--version'])).toBe(0);
    expect(await runCli(['serve', '--help'])).toBe(0);
  });
});

describe('serve', () => {
  it('keeps the code and the fix of an AppError (an invalid settings file) in its JSON report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wtc-cli-serve-'));
    writeFileSync(join(dir, 'settings.json'), '{ isto não é json');
    expect(await runCli(['--json', '--data-dir', dir, 'serve', '--port', '17585'])).not.toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({
      ok: false,
      error: { code: 'invalid_settings_file', fix: expect.stringContaining('Corrija o arquivo') },
    });
  });
});
