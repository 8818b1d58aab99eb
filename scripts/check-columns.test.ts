import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// scripts/check-columns.mjs copied into a throw-away checkout, with or without a ../shared beside it.
const script = fileURLToPath(new URL('./check-columns.mjs', import.meta.url));
const FAKE_CHECKER =
  'process.stdout.write(JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd() }));\n' +
  'process.exit(Number(process.env.FAKE_EXIT));\n';

let base = '';
afterEach(() => rmSync(base, { recursive: true, force: true }));

const checkout = (withShared: boolean): string => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'wtc-columns-')));
  const repo = join(base, 'repo');
  mkdirSync(join(repo, 'scripts'), { recursive: true });
  copyFileSync(script, join(repo, 'scripts/check-columns.mjs'));
  if (withShared) {
    mkdirSync(join(base, 'shared/winthor-dictionary'), { recursive: true });
    writeFileSync(join(base, 'shared/winthor-dictionary/check-sql-columns.mjs'), FAKE_CHECKER);
  }
  return repo;
};

const run = (repo: string, fakeExit = 0) =>
  spawnSync(process.execPath, [join(repo, 'scripts/check-columns.mjs')], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, FAKE_EXIT: String(fakeExit) },
  });

describe('npm run check:columns', () => {
  it('runs the dictionary checker of ../shared on src-main and fails when it fails', () => {
    const repo = checkout(true);
    const failed = run(repo, 1);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain(JSON.stringify({ args: ['src-main'], cwd: repo }));
    expect(run(repo, 0).status).toBe(0);
  });

  it('is skipped, saying why, when ../shared is absent', () => {
    const result = run(checkout(false));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /\[check:columns\] skipped: no shared\/winthor-dictionary\/check-sql-columns\.mjs in /,
    );
  });
});
