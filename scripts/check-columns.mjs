#!/usr/bin/env node
// `npm run check:columns`: the WinThor column checker of ../shared/winthor-dictionary on src-main
// (every PCxxx.COLUMN in our SQL must exist in WinThor). The dictionary lives next to the checkout, not
// in it: in a git worktree, next to the main checkout. Without it the check is skipped, saying why.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const CHECKER = join('winthor-dictionary', 'check-sql-columns.mjs');
const say = (text) => process.stdout.write(`[check:columns] ${text}\n`);

/** The main checkout of a git worktree (the folder holding the common .git), or undefined. */
const mainCheckout = () => {
  const git = spawnSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], {
    cwd: root,
    encoding: 'utf8',
  });
  return git.status === 0 && git.stdout.trim() ? dirname(git.stdout.trim()) : undefined;
};

const candidates = [resolve(root, '..', 'shared')];
const main = mainCheckout();
if (main && resolve(main) !== resolve(root)) candidates.push(resolve(main, '..', 'shared'));

const shared = candidates.find((folder) => existsSync(join(folder, CHECKER)));
if (!shared) {
  say(
    `skipped: no ${join('shared', CHECKER)} in ${candidates.join(' or ')} (the WinThor dictionary is not here).`,
  );
  process.exit(0);
}

say(`dictionary: ${join(shared, 'winthor-dictionary')}`);
const run = spawnSync(process.execPath, [join(shared, CHECKER), 'src-main'], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
