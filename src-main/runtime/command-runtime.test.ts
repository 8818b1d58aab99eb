import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withCommandRuntime } from './command-runtime';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('a command-line runtime', () => {
  it('runs no engine by default: a check beside the service starts no sync and touches no run', async () => {
    dir = mkdtempSync(join(tmpdir(), 'wtc-cmd-'));
    await withCommandRuntime({ dataDir: dir, settings: 'none' }, async (runtime) => {
      expect(runtime.engine.runner).toBeNull();
      expect(runtime.engine.scheduler).toBeNull();
      expect(await runtime.engine.run({}, 'cli')).toEqual({ started: [], alreadyRunning: [], refused: [] });
    });
  });

  it('a one-shot command gets the engine without a scheduler', async () => {
    dir = mkdtempSync(join(tmpdir(), 'wtc-cmd-'));
    await withCommandRuntime({ dataDir: dir, settings: 'none', engine: 'one-shot' }, async (runtime) => {
      expect(runtime.engine.runner).not.toBeNull();
      expect(runtime.engine.scheduler?.nextRuns().size).toBe(0);
    });
  });
});
