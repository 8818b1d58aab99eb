import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHeadlessSettings } from '../../config/headless-settings';
import { createRuntime, type Runtime } from '../../runtime/create-runtime';
import { winthorDemoPart } from '../../runtime/demo/winthor-demo-part';

/** ADR 0025: the messages the UI shows travel as keys with values too, so a UI in English can say them. */
describe('server messages as keys (prerequisites, connection tests)', () => {
  let dir: string;
  let runtime: Runtime;
  let stopDemo: (() => Promise<void>) | void;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wtc-refs-'));
    runtime = createRuntime({
      host: 'headless',
      settings: openHeadlessSettings(dir),
      dataDir: dir,
      engine: false,
    });
    stopDemo = await winthorDemoPart({ intervalMs: 3_600_000 })(runtime);
  }, 60_000);
  afterEach(async () => {
    if (stopDemo) await stopDemo();
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every prerequisite carries its label as a key, and its detail with the values it needs', async () => {
    const { checks } = await runtime.api.invoke('db.check', {});
    expect(checks.filter((c) => !c.labelRef)).toEqual([]);
    expect(checks.find((c) => c.id === 'parameter.2.2829')).toMatchObject({
      labelRef: {
        key: 'prereq.parameter.label',
        params: { parameter: '2829', rule: '@prereq.parameterRule.2829', branch: '2' },
      },
      detailRef: { key: 'prereq.parameter.percent', params: { value: '80' } },
    });
    expect(checks.find((c) => c.id === 'schema')?.detailRef?.key).toBe('prereq.schema.ok');
    expect(checks.find((c) => c.id === 'branch.1')?.detailRef).toMatchObject({ key: 'prereq.branch.ok' });
  });

  it('the connection tests answer with a key for each verdict', async () => {
    expect((await runtime.api.invoke('db.testConnection', {})).messageRef).toMatchObject({
      key: 'db.connected',
      params: { mode: 'embedded' },
    });
    expect(
      (await runtime.api.invoke('store.test', { url: 'https://loja.example.com.br', token: ' ' })).messageRef,
    ).toEqual({
      key: 'store.test.tokenMissing',
    });
    expect(
      (await runtime.api.invoke('store.test', { url: 'http://loja.example.com.br', token: 't' })).messageRef,
    ).toEqual({
      key: 'store.url.https',
    });
  });
});
