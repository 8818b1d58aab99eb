import { describe, expect, it, vi } from 'vitest';
import { Branch, defaultSettings, type Settings } from '../contract';
import { storeTokenTarget } from '../contract/secret-targets';
import { finishRun, saveBinding, startRun } from '../winthor';
import { install } from '../winthor/schema/installer';
import { createTestWinthor } from '../winthor/test-winthor.test-support';
import { storeKeyOf } from './engine-ports';
import { firstSyncHold } from './first-sync-hold';
import { memorySetupMarks } from './setup-marks-file';

const URL_1 = 'https://loja.exemplo.com.br';

/** The hold over an embedded WinThor with the integration's objects, branch 1 on a store never synced. */
const harness = async () => {
  const db = await createTestWinthor({ products: 5, customers: 1 });
  await install(db);
  const settings: Settings = {
    ...defaultSettings(),
    branches: [Branch.parse({ code: '1', store: { url: URL_1, token: 't' } })],
  };
  const marks = memorySetupMarks();
  const changed = vi.fn();
  const hold = firstSyncHold({ settings: () => settings, marks, read: (work) => work(db), changed });
  const run = async (job: 'orders' | 'products', status: 'ok' | 'failed') => {
    const id = await startRun(db, { job, branch: '1', trigger: 'schedule', startedAt: new Date() });
    await finishRun(db, id, { status, finishedAt: new Date(), counts: {}, message: null });
  };
  return { db, settings, marks, hold, changed, run };
};

describe('firstSyncHold: does a branch’s catalogue wait for its preview? (ADR 0406)', () => {
  it('a fresh branch is held; orders that ran well, or a catalogue run that failed, do not release it', async () => {
    const { hold, run } = await harness();
    expect(await hold.isHeld('1')).toBe(true);
    await run('orders', 'ok');
    await run('products', 'failed');
    expect(await hold.isHeld('1')).toBe(true);
    expect(await hold.isHeld('9')).toBe(false); // a branch not configured is never held
  });

  it('released by its preview seen, for its current store only', async () => {
    const { hold, marks, settings } = await harness();
    marks.mark('previewSeen', '1', storeTokenTarget('https://outra-loja.com.br'));
    expect(await hold.isHeld('1')).toBe(true);
    marks.mark('previewSeen', '1', storeTokenTarget(settings.branches[0]!.store.url));
    expect(await hold.isHeld('1')).toBe(false);
  });

  it('released by a first sync started by hand, which asks for a new measure once', async () => {
    const { hold, changed } = await harness();
    hold.startedByHand('1');
    hold.startedByHand('1');
    expect(await hold.isHeld('1')).toBe(false);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('an installation that already synced is never held: a catalogue run that ended well, or the store’s bindings', async () => {
    const synced = await harness();
    await synced.run('products', 'ok');
    expect(await synced.hold.isHeld('1')).toBe(false);

    // Runs purged by retention (or restored settings on a new data folder): the store's bindings remain.
    const bound = await harness();
    await saveBinding(bound.db, {
      storeKey: storeKeyOf(URL_1),
      entity: 'product',
      erpKey: '1',
      storeId: '10',
      payloadHash: 'x',
      hidden: false,
      sentAt: new Date(),
    });
    expect(await bound.hold.isHeld('1')).toBe(false);
  });
});
