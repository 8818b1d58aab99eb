import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../config/data-dir';
import { desktopDataDir } from './desktop-data-dir';

describe('desktop data folder', () => {
  it('is the same folder the service uses, by default and with WTC_DATA_DIR', () => {
    const env = { ProgramData: 'C:\\ProgramData', XDG_CONFIG_HOME: '/tmp/cfg' };
    expect(desktopDataDir(env)).toBe(resolveDataDir(undefined, env));
    expect(desktopDataDir({ ...env, WTC_DATA_DIR: '/srv/integrador' })).toBe(resolve('/srv/integrador'));
  });

  it('stays inside another profile folder given for a test or a side-by-side copy', () => {
    expect(desktopDataDir({ WTC_USER_DATA_DIR: '/tmp/perfil-de-teste' })).toBe(
      resolve('/tmp/perfil-de-teste'),
    );
  });
});
