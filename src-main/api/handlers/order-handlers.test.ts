import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHeadlessSettings } from '../../config/headless-settings';
import { ORDERS_CURSOR } from '../../engine/orders/orders-job';
import { createRuntime, type Runtime } from '../../runtime/create-runtime';
import { winthorDemoPart } from '../../runtime/demo/winthor-demo-part';
import { getCursor } from '../../winthor';

describe('orders.reread on the embedded demo WinThor', () => {
  let dir: string;
  let runtime: Runtime;
  let stopDemo: (() => Promise<void>) | void;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wtc-orders-api-'));
    runtime = createRuntime({ host: 'headless', settings: openHeadlessSettings(dir), dataDir: dir });
    stopDemo = await winthorDemoPart({ intervalMs: 3_600_000 })(runtime);
  }, 60_000);
  afterEach(async () => {
    if (stopDemo) await stopDemo();
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves the pull so the next run reads from that day, whatever the overlap', async () => {
    expect(await runtime.api.invoke('orders.reread', { branch: '1', from: '2026-10-30' })).toEqual({
      branch: '1',
      from: '2026-10-30',
    });
    const db = await runtime.database.get();
    // The cursor is the last pull's date: the next pull asks it minus the overlap (2 days by default).
    expect(await getCursor(db, ORDERS_CURSOR, '1')).toBe('2026-11-01');
    runtime.settings.update({ orders: { cursorOverlapDays: 5 } });
    await runtime.api.invoke('orders.reread', { branch: '1', from: '2026-10-30' });
    expect(await getCursor(db, ORDERS_CURSOR, '1')).toBe('2026-11-04');
  });

  it('refuses an unknown branch and a date that is not one, naming the field', async () => {
    await expect(
      runtime.api.invoke('orders.reread', { branch: '9', from: '2026-10-30' }),
    ).rejects.toMatchObject({
      code: 'unknown_branch',
      field: 'branch',
    });
    await expect(runtime.api.invoke('orders.reread', { branch: '1', from: '30/10/2026' })).rejects.toThrow(
      /Data inicial: use o formato AAAA-MM-DD/,
    );
  });

  it('refuses a day that does not exist and a future day, naming the field (review #10, 7)', async () => {
    await expect(runtime.api.invoke('orders.reread', { branch: '1', from: '2026-02-31' })).rejects.toThrow(
      /Data inicial: informe uma data que exista/,
    );
    await expect(runtime.api.invoke('orders.reread', { branch: '1', from: '2025-13-01' })).rejects.toThrow(
      /Data inicial: informe uma data que exista/,
    );
    const next = new Date();
    next.setDate(next.getDate() + 2);
    const future = `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, '0')}-${String(next.getDate()).padStart(2, '0')}`;
    await expect(runtime.api.invoke('orders.reread', { branch: '1', from: future })).rejects.toThrow(
      /Data inicial: não pode ser uma data futura/,
    );
  });
});
