import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createLocalLog } from './local-log';

let dir: string;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'wtc-log-')), 'logs');
});

const at = () => new Date('2026-11-28T10:59:00.000Z');
const files = () => readdirSync(dir).sort();
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

describe('createLocalLog', () => {
  it('writes one timestamped line per message, creating the folder', () => {
    const log = createLocalLog({ dir, fileName: 'headless.log', now: at });
    log('info', 'Interface web em http://localhost:7585');
    log('error', 'A porta 7585 já está em uso');
    expect(read('headless.log')).toBe(
      '2026-11-28T10:59:00.000Z [info] Interface web em http://localhost:7585\n' +
        '2026-11-28T10:59:00.000Z [error] A porta 7585 já está em uso\n',
    );
  });

  it('rotates before a file would pass the cap, keeping the newest lines and only keepFiles older files', () => {
    const log = createLocalLog({ dir, fileName: 'headless.log', maxBytes: 200, keepFiles: 2, now: at });
    for (let n = 1; n <= 40; n += 1) log('info', `linha ${String(n).padStart(3, '0')}`);
    expect(files()).toEqual(['headless.log', 'headless.log.1', 'headless.log.2']);
    for (const name of files()) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(200);
    expect(read('headless.log')).toContain('linha 040');
    const current = read('headless.log').split('\n').filter(Boolean);
    const previous = read('headless.log.1').split('\n').filter(Boolean);
    expect(previous.at(-1)).toMatch(/linha (\d+)$/);
    // No line lost between the files: .1 ends just before the current file begins.
    const number = (line: string | undefined) => Number(/linha (\d+)$/.exec(line ?? '')?.[1]);
    expect(number(previous.at(-1)) + 1).toBe(number(current[0]));
    expect(read('headless.log.2')).not.toContain('linha 001'); // the oldest lines are gone
  });

  it('continues the size of a file left by an earlier run', () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'desktop.log'), 'x'.repeat(190) + '\n');
    const log = createLocalLog({ dir, fileName: 'desktop.log', maxBytes: 200, now: at });
    log('warn', 'depois de reiniciar');
    expect(read('desktop.log.1')).toBe('x'.repeat(190) + '\n');
    expect(read('desktop.log')).toContain('[warn] depois de reiniciar');
  });

  it('cuts a single line longer than the cap, so no file ever passes it', () => {
    const log = createLocalLog({ dir, fileName: 'headless.log', maxBytes: 120, now: at });
    log('error', `Falha: ${'é'.repeat(300)}`);
    expect(statSync(join(dir, 'headless.log')).size).toBeLessThanOrEqual(120);
    expect(read('headless.log')).toMatch(/^2026-11-28T10:59:00\.000Z \[error\] Falha: é+ …\[cortado\]\n$/);
  });

  it('never throws when the folder cannot be written, and writes again once it can', () => {
    const parent = join(dir, '..');
    writeFileSync(join(parent, 'bloqueio'), 'um arquivo onde deveria haver uma pasta');
    const blocked = join(parent, 'bloqueio', 'logs');
    const log = createLocalLog({ dir: blocked, fileName: 'headless.log', now: at });
    expect(() => log('error', 'sem pasta')).not.toThrow();
    rmSync(join(parent, 'bloqueio'));
    log('info', 'de novo');
    expect(readFileSync(join(blocked, 'headless.log'), 'utf8')).toBe(
      '2026-11-28T10:59:00.000Z [info] de novo\n',
    );
  });
});
