import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'wtc-renderer-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('renderer build', () => {
  it('ships the app icon as favicon.ico and links it from index.html (no 404 on every load)', async () => {
    await build({
      configFile: join(repo, 'src-renderer/vite.config.ts'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
    expect(readFileSync(join(outDir, 'favicon.ico'))).toEqual(readFileSync(join(repo, 'assets/icon.ico')));
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain(
      '<link rel="icon" href="./favicon.ico"',
    );
  }, 60_000);
});
