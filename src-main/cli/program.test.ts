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
