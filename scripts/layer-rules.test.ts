import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Runs dependency-cruiser exactly as `npm run lint:layers` does, on a planted tree and on the real one.
const repo = fileURLToPath(new URL('..', import.meta.url));
const depcruise = join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const MODULE_RULES = join(repo, '.dependency-cruiser.mjs');
const FOLDER_RULES = join(repo, '.dependency-cruiser.folders.mjs');

interface Cruise {
  exitCode: number | null;
  /** One line per violation as lint prints it: `rule: from → to` (a cycle: `from → … → from`). */
  violations: string[];
}

/** Runs the lint command's reporter (`err`); node_modules is a symlink here, so keep only its package part. */
const cruise = (config: string, cwd: string): Cruise => {
  const run = spawnSync(process.execPath, [depcruise, '--config', config, 'src-main', 'src-renderer/src'], {
    cwd,
    encoding: 'utf8',
  });
  const violations = run.stdout
    .replace(/ →\s+/g, ' → ')
    .split('\n')
    .map((line) => /^\s*error (.*)$/.exec(line)?.[1]?.trim())
    .filter((line): line is string => line !== undefined)
    .map((line) => line.replace(/\S*\/node_modules\//g, 'node_modules/'))
    .sort();
  return { exitCode: run.status, violations };
};

/** A tiny tree shaped like the project, with one planted import per rule. */
const PLANTED: Record<string, string> = {
  'src-main/shared/clock.ts': 'export const now = (): number => 0;\n',
  'src-main/shared/uses-contract.ts': "export { Ping } from '../contract/index';\n",
  'src-main/contract/index.ts': "export const Ping = 'ping';\nexport { now } from '../shared/clock';\n",
  'src-main/engine/sync.ts':
    "import { now } from '../shared/clock';\nexport const sync = (): number => now();\n",
  'src-main/engine/http.ts': "import Fastify from 'fastify';\nexport const server = Fastify;\n",
  'src-main/engine/cycle-a.ts': "import { b } from './cycle-b';\nexport const a = (): number => b();\n",
  'src-main/engine/cycle-b.ts': "import { a } from './cycle-a';\nexport const b = (): number => a();\n",
  'src-main/winthor/repository.ts': "import { sync } from '../engine/sync';\nexport const read = sync;\n",
  'src-main/winthor/db/pool.ts': "import { rows } from '../queries/rows';\nexport const pool = rows;\n",
  'src-main/winthor/db/dialect.ts': "export const dialect = 'sqlite';\n",
  'src-main/winthor/queries/rows.ts': 'export const rows = 0;\n',
  'src-main/winthor/queries/paging.ts':
    "import { dialect } from '../db/dialect';\nexport const paging = dialect;\n",
  'src-main/sandbox/store.ts': 'export const fakeStore = {};\n',
  'src-main/ciashop/client.ts':
    "import { fakeStore } from '../sandbox/store';\nexport const client = fakeStore;\n",
  'src-main/ciashop/client.test.ts':
    "import { fakeStore } from '../sandbox/store';\nexport const t = fakeStore;\n",
  'src-main/runtime/create-runtime.ts':
    "import { handle } from '../api/handle';\nexport const runtime = handle;\n",
  'src-main/api/handle.ts': "import { sync } from '../engine/sync';\nexport const handle = sync;\n",
  'src-main/api/wires.ts':
    "import { runtime } from '../runtime/create-runtime';\nexport const w = runtime;\n",
  'src-main/testing/kit.ts': "import { handle } from '../api/handle';\nexport const kit = handle;\n",
  'src-main/misc/helper.ts': "import { now } from '../shared/clock';\nexport const h = now;\n",
  'src-renderer/src/page.ts': "import { sync } from '../../src-main/engine/sync';\nexport const p = sync;\n",
};

let fixture = '';

beforeAll(() => {
  fixture = mkdtempSync(join(tmpdir(), 'wtc-layers-'));
  for (const [path, text] of Object.entries(PLANTED)) {
    mkdirSync(dirname(join(fixture, path)), { recursive: true });
    writeFileSync(join(fixture, path), text);
  }
  symlinkSync(join(repo, 'node_modules'), join(fixture, 'node_modules'), 'dir');
});
afterAll(() => rmSync(fixture, { recursive: true, force: true }));

describe('layer rules (dependency-cruiser, npm run lint)', () => {
  it('fails on each planted forbidden import and names the rule', () => {
    const result = cruise(MODULE_RULES, fixture);
    expect(result.exitCode).toBe(result.violations.length);
    expect(result.violations).toEqual([
      'adapter-imports-only-ground: src-main/ciashop/client.ts → src-main/sandbox/store.ts',
      'adapter-imports-only-ground: src-main/winthor/repository.ts → src-main/engine/sync.ts',
      'api-imports-only-below: src-main/api/wires.ts → src-main/runtime/create-runtime.ts',
      'engine-no-infrastructure: src-main/engine/http.ts → node_modules/fastify/fastify.js',
      'ground-shared-imports-nothing: src-main/shared/uses-contract.ts → src-main/contract/index.ts',
      'layer-unknown-folder: src-main/misc/helper.ts → src-main/shared/clock.ts',
      'no-circular: src-main/engine/cycle-a.ts → src-main/engine/cycle-b.ts → src-main/engine/cycle-a.ts',
      'renderer-imports-only-contract: src-renderer/src/page.ts → src-main/engine/sync.ts',
      'runtime-only-from-hosts: src-main/api/wires.ts → src-main/runtime/create-runtime.ts',
    ]);
  }, 60_000);

  it('fails on a cycle between folders of production code', () => {
    const result = cruise(FOLDER_RULES, fixture);
    expect(result.exitCode).toBe(result.violations.length);
    expect(result.violations).toContain(
      'no-circular-folders: src-main/winthor/db → src-main/winthor/queries → src-main/winthor/db',
    );
    expect(result.violations.every((line) => line.startsWith('no-circular-folders: '))).toBe(true);
  }, 60_000);

  it('passes on the real tree', () => {
    for (const config of [MODULE_RULES, FOLDER_RULES]) {
      expect(cruise(config, repo)).toEqual({ exitCode: 0, violations: [] });
    }
  }, 60_000);
});
