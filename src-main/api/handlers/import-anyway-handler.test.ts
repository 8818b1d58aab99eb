import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHeadlessSettings } from '../../config/headless-settings';
import { duplicateProblem } from '../../engine/orders/duplicate-problem';
import { createRuntime, type Runtime } from '../../runtime/create-runtime';
import { winthorDemoPart } from '../../runtime/demo/winthor-demo-part';
import { AppError } from '../../shared/app-error';
import { findImportAnywayDecision, recordPending } from '../../winthor';

describe('pendings.importAnyway on the embedded demo WinThor (ADR 0219)', () => {
  let dir: string;
  let runtime: Runtime;
  let stopDemo: (() => Promise<void>) | void;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wtc-import-anyway-api-'));
    runtime = createRuntime({ host: 'headless', settings: openHeadlessSettings(dir), dataDir: dir });
    stopDemo = await winthorDemoPart({ intervalMs: 3_600_000 })(runtime);
  }, 60_000);
  afterEach(async () => {
    if (stopDemo) await stopDemo();
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const refusal = async (promise: Promise<unknown>): Promise<AppError> => {
    try {
      await promise;
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  };

  it('records who and when on the possible duplicate, due now, and starts the orders job; refuses other pendências', async () => {
    const ids = await runtime.database.use(async (db) => {
      const problem = duplicateProblem('PED-9', { source: 'winthor', numped: 880009, numpedrca: null });
      const duplicate = await recordPending(
        db,
        { entity: 'order', branch: '1', erpKey: 'PED-9', ...problem, params: problem.params ?? {} },
        new Date(),
      );
      const price = await recordPending(
        db,
        { entity: 'product', branch: '1', erpKey: '10', kind: 'sem_preco', message: 'x', fix: null },
        new Date(),
      );
      return { duplicate: duplicate.id, price: price.id };
    });
    // Ignored first: the decision reopens it (the order must come back to be imported).
    await runtime.api.invoke('pendings.ignore', { ids: [ids.duplicate], reason: 'conferindo' });

    const answer = await runtime.api.invoke(
      'pendings.importAnyway',
      { id: ids.duplicate },
      { origin: 'http' },
    );
    expect(answer.storeOrderId).toBe('PED-9');
    // The demo branches have no store yet: the orders job is refused, and the answer says so.
    expect(answer.runs.refused).toEqual([expect.objectContaining({ branch: '1', job: 'orders' })]);
    expect(answer.note).toMatch(/^As pendências ficaram marcadas para agora; a tarefa não começou: /);

    const history = await runtime.api.invoke('pendings.history', { id: ids.duplicate });
    expect(history.pending).toMatchObject({ status: 'open', ignoreReason: null });
    expect(history.pending.nextAttemptAt).not.toBeNull();
    expect(history.events.map((e) => [e.action, e.actor])).toEqual([
      ['failed', null],
      ['ignored', 'internal'],
      ['import_anyway', 'browser'],
    ]);
    expect(history.events[2]!.message).toBe(
      'Importar mesmo assim: o operador confirmou que o pedido PED-9 da loja é outro pedido, não o pedido 880009 do WinThor.',
    );
    expect(await runtime.database.use((db) => findImportAnywayDecision(db, '1', 'PED-9'))).toMatchObject({
      actor: 'browser',
    });

    const notDuplicate = await refusal(runtime.api.invoke('pendings.importAnyway', { id: ids.price }));
    expect(notDuplicate.code).toBe('pending_not_importable');
    expect(notDuplicate.message).toBe(
      `Pendência ${ids.price}: só uma pendência de pedido pode ser importada mesmo assim.`,
    );
    expect((await refusal(runtime.api.invoke('pendings.importAnyway', { id: 999_999 }))).code).toBe(
      'pending_not_found',
    );
    expect(
      (await runtime.api.invoke('pendings.history', { id: ids.price })).events.map((e) => e.action),
    ).toEqual(['failed']);
  });
});
