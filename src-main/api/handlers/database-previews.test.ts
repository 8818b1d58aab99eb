import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHeadlessSettings } from '../../config/headless-settings';
import { createRuntime, type Runtime } from '../../runtime/create-runtime';
import { TARGET_VERSION } from '../../winthor/schema/migrations';

describe('db.installPreview and db.uninstallPreview for a dialect (the script without connecting)', () => {
  let dir: string;
  let runtime: Runtime;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wtc-db-previews-'));
    // Nothing configured: the Oracle connection would fail, so any answer below was written offline.
    runtime = createRuntime({ host: 'headless', settings: openHeadlessSettings(dir), dataDir: dir });
  });
  afterEach(async () => {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the whole script from version 0, with the grants for the integrator user when asked', async () => {
    const plain = await runtime.api.invoke('db.installPreview', { dialect: 'oracle' });
    expect(plain).toMatchObject({ dialect: 'oracle', currentVersion: 0, targetVersion: TARGET_VERSION });
    expect(plain.script).toContain('CREATE OR REPLACE TRIGGER WTC_TRG_PCEST');
    expect(plain.script).not.toContain('GRANT');
    expect(plain.grantTo).toBeUndefined();
    const granted = await runtime.api.invoke('db.installPreview', {
      dialect: 'oracle',
      grantTo: ' INTEGRA ',
    });
    expect(granted.grantTo).toBe('INTEGRA');
    expect(granted.script).toContain('GRANT SELECT ON WTC_CHANGE_QUEUE_SEQ TO INTEGRA');
    const removal = await runtime.api.invoke('db.uninstallPreview', { dialect: 'sqlite' });
    expect(removal).toMatchObject({ dialect: 'sqlite', targetVersion: 0 });
    expect(removal.script).toContain('DROP TABLE IF EXISTS WTC_SCHEMA_VERSION;');
  });

  it('refuses grants outside the offline Oracle script, naming the field', async () => {
    for (const input of [
      { grantTo: 'INTEGRA' },
      { dialect: 'sqlite', grantTo: 'INTEGRA' },
      { dialect: 'oracle', grantTo: ' ' },
    ]) {
      const envelope = await runtime.api.call('db.installPreview', input, { origin: 'http' });
      expect(envelope, JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field: 'grantTo' },
      });
    }
    const unknown = await runtime.api.call('db.uninstallPreview', { dialect: 'mysql' }, { origin: 'http' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'dialect' } });
  });

  it('without a dialect, still previews the configured database (here: not configured, said in pt-BR)', async () => {
    const envelope = await runtime.api.call('db.installPreview', {}, { origin: 'http' });
    expect(envelope).toMatchObject({
      ok: false,
      error: { code: 'db_not_configured', field: 'database.oracle.connectString' },
    });
  });
});
