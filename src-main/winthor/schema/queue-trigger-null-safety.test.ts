import { describe, expect, it } from 'vitest';
import { evaluate, type ColumnValue, type RowPair } from '../sql-three-valued-logic.test-support';
import { QUEUE_TRIGGERS } from './integration-objects';
import { oracleChanged, oracleDdl } from './schema-ddl';

/** The `IF NOT (…) THEN RETURN` condition of a generated Oracle trigger, as Oracle would parse it. */
const returnCondition = (body: string): string => {
  const match = /\n {4}IF (NOT \([\s\S]*?\)) THEN\n {6}RETURN;/.exec(body);
  if (!match) throw new Error('condição de RETURN não encontrada no corpo da trigger');
  return match[1]!;
};

const pair = (column: string, before: ColumnValue, after: ColumnValue): RowPair => ({
  old: { [column]: before },
  new: { [column]: after },
});

describe('Oracle queue triggers: "only real changes" is null-safe (the stand-in cannot show this)', () => {
  it('the per-column predicate is TRUE or FALSE in the four NULL / non-NULL cases, never NULL', () => {
    const changed = oracleChanged('DTEXCLUSAO');
    expect(evaluate(changed, pair('DTEXCLUSAO', null, null))).toBe(false);
    expect(evaluate(changed, pair('DTEXCLUSAO', null, '2026-11-01'))).toBe(true);
    expect(evaluate(changed, pair('DTEXCLUSAO', '2026-11-01', null))).toBe(true);
    expect(evaluate(changed, pair('DTEXCLUSAO', '2026-11-01', '2026-11-01'))).toBe(false);
    expect(evaluate(changed, pair('DTEXCLUSAO', '2026-11-01', '2026-11-02'))).toBe(true);
  });

  it('the evaluator reproduces the defect of the former text: NULL before and after made the filter NULL', () => {
    // The predicate the Oracle review found (ADR 0102, before version 4): `<>` first, unguarded.
    const former = (c: string) =>
      `(:OLD.${c} <> :NEW.${c} OR (:OLD.${c} IS NULL AND :NEW.${c} IS NOT NULL) OR (:OLD.${c} IS NOT NULL AND :NEW.${c} IS NULL))`;
    expect(evaluate(former('NUMNOTA'), pair('NUMNOTA', null, null))).toBeNull();
    expect(evaluate(`NOT (${former('NUMNOTA')})`, pair('NUMNOTA', null, null))).toBeNull();
  });

  it('every generated trigger returns early when nothing watched changed, NULL columns included', () => {
    for (const trigger of QUEUE_TRIGGERS) {
      const [body] = oracleDdl.createQueueTrigger(trigger);
      const condition = returnCondition(body!);
      for (const column of trigger.columns) expect(condition, trigger.name).toContain(oracleChanged(column));
      // All watched columns NULL before and after (PCPEDC before invoicing: NUMNOTA, CHAVENFE, DTFAT…).
      const allNull: RowPair = {
        old: Object.fromEntries(trigger.columns.map((c) => [c, null])),
        new: Object.fromEntries(trigger.columns.map((c) => [c, null])),
      };
      expect(evaluate(condition, allNull), trigger.name).toBe(true);
      // Some NULL, some equal values: still nothing changed, still RETURN.
      const mixed: RowPair = {
        old: Object.fromEntries(trigger.columns.map((c, i) => [c, i % 2 ? null : 7])),
        new: Object.fromEntries(trigger.columns.map((c, i) => [c, i % 2 ? null : 7])),
      };
      expect(evaluate(condition, mixed), trigger.name).toBe(true);
      // One watched column really changes (from NULL, to NULL, or between values): the row is queued.
      for (const [before, after] of [
        [null, 1],
        [1, null],
        [1, 2],
      ] as const) {
        const last = trigger.columns.at(-1)!;
        const changed: RowPair = {
          old: { ...allNull.old, [last]: before },
          new: { ...allNull.new, [last]: after },
        };
        expect(evaluate(condition, changed), `${trigger.name} ${last} ${before}→${after}`).toBe(false);
      }
    }
  });
});
