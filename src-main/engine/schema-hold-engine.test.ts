import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../contract';
import { EngineController } from './engine-controller';
import type { EnginePorts } from './ports';

/** The engine held by the schema check (ADR 0034) says why, and knows when a person overrides it. */
describe('an engine held by the schema check', () => {
  it('paused: says why (pt-BR and its key); resumed by hand: says the tables are behind, and tells it', () => {
    const told: boolean[] = [];
    const engine = new EngineController({
      ports: { settings: () => defaultSettings() } as unknown as EnginePorts,
      scheduler: false,
      onSchemaHoldOverridden: (byHand) => told.push(byHand),
    });
    engine.start();
    engine.setSchemaHold('owner');
    engine.pause();
    expect(engine.snapshot()).toMatchObject({
      state: 'paused',
      summary: 'Pausado: as tabelas da integração precisam ser atualizadas pelo DBA',
      detailRef: { key: 'engineState.schemaHold', params: { context: 'owner' } },
    });
    engine.resume();
    expect(engine.snapshot()).toMatchObject({
      state: 'running',
      detail: 'tabelas da integração desatualizadas — retomada manualmente',
      detailRef: { key: 'engineState.schemaHoldResumed' },
    });
    engine.pause();
    expect(told).toEqual([false, true, false]);
    // Released by the check: no hold in the words, no override told.
    engine.setSchemaHold(null);
    engine.resume();
    expect(engine.snapshot().detail).not.toMatch(/tabelas/);
    expect(told).toEqual([false, true, false]);
  });
});
