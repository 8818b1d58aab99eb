import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commandDataDir } from './command-data-dir';

const saved = process.env.WTC_DATA_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.WTC_DATA_DIR;
  else process.env.WTC_DATA_DIR = saved;
});

describe('commandDataDir', () => {
  it("never runs the demo in the installation's folder (WTC_DATA_DIR is the service's)", () => {
    process.env.WTC_DATA_DIR = '/srv/integrador';
    expect(commandDataDir({}, true)).toBe(resolve('.demo'));
    expect(commandDataDir({}, false)).toBe(resolve('/srv/integrador'));
  });

  it('an explicit --data-dir wins, for the demo too', () => {
    expect(commandDataDir({ dataDir: '/tmp/outra' }, true)).toBe(resolve('/tmp/outra'));
  });
});
