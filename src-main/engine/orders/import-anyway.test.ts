import { describe, expect, it } from 'vitest';
import { duplicateProblem } from './duplicate-problem';
import {
  confirmedOf,
  decisionText,
  importAnywayRefusal,
  importedAnywayMessage,
  resembledOrder,
  sameConfirmed,
  type ImportAnywayCandidate,
} from './import-anyway';

const flagged = (over: Partial<ImportAnywayCandidate> = {}): ImportAnywayCandidate => ({
  entity: 'order',
  kind: 'possivel_duplicado',
  status: 'open',
  erpKey: '100123',
  params: duplicateProblem('100123', { source: 'winthor', numped: 5501, numpedrca: null }).params ?? {},
  ...over,
});

describe('"Importar mesmo assim": the decision (ADR 0219)', () => {
  it('is allowed only on an order’s open or ignored possible duplicate', () => {
    expect(importAnywayRefusal(flagged())).toBeNull();
    expect(importAnywayRefusal(flagged({ status: 'ignored' }))).toBeNull();
    expect(importAnywayRefusal(flagged({ status: 'resolved' }))).toBe('resolved');
    expect(importAnywayRefusal(flagged({ kind: 'sem_preco' }))).toBe('not_a_duplicate');
    expect(importAnywayRefusal(flagged({ entity: 'product', kind: 'possivel_duplicado' }))).toBe(
      'not_an_order',
    );
  });

  it('names the WinThor order the pendência resembles, from the values the guard recorded', () => {
    expect(resembledOrder(flagged().params)).toBe('o pedido 5501 do WinThor');
    const staged = duplicateProblem('7', { source: 'integrador', numped: null, numpedrca: 42 }).params!;
    expect(resembledOrder(staged)).toBe(
      'o registro aguardando importação no WinThor (PCPEDCFV, NUMPEDRCA 42)',
    );
    const typed = duplicateProblem('7', { source: 'winthor', numped: null, numpedrca: null }).params!;
    expect(resembledOrder(typed)).toBe('um pedido já lançado no WinThor');
    expect(resembledOrder({})).toBe('um pedido já lançado no WinThor');
  });

  it('the history line and the log line say who decided, when, and which order it resembles', () => {
    expect(decisionText('100123', 'o pedido 5501 do WinThor')).toBe(
      'Importar mesmo assim: o operador confirmou que o pedido 100123 da loja é outro pedido, não o pedido 5501 do WinThor.',
    );
    const at = new Date('2026-12-06T03:20:00.000Z');
    expect(
      importedAnywayMessage(
        '100123',
        88,
        { at, actor: 'desktop' },
        { source: 'winthor', numped: 5501, numpedrca: null },
      ),
    ).toBe(
      'Pedido 100123 importado mesmo assim por decisão do operador (desktop, 2026-12-06T03:20:00.000Z): parecido com o pedido 5501 do WinThor, gravado para importação no WinThor (NUMPEDRCA 88).',
    );
    expect(
      importedAnywayMessage(
        '9',
        3,
        { at, actor: null },
        { source: 'integrador', numped: null, numpedrca: 2 },
      ),
    ).toContain('(2026-12-06T03:20:00.000Z): parecido com o registro NUMPEDRCA 2 do PCPEDCFV');
  });

  it('the possible duplicate’s fix tells the operator the new way out', () => {
    expect(flaggedFix()).toContain('use "Importar mesmo assim"');
  });

  it('the fix gives the real reason by where the copy was found — never a repeat purchase (it gets a new id)', () => {
    expect(flaggedFix()).toContain(
      'se o número do pedido na loja coincide com um pedido lançado à mão no WinThor (outro pedido de verdade), use "Importar mesmo assim"',
    );
    const ours = duplicateProblem('1', { source: 'integrador', numped: 3, numpedrca: 9 });
    expect(ours.fix).toContain(
      'é quase certamente o mesmo pedido: só importe mesmo assim se forem lojas diferentes',
    );
    expect(ours.params?.anyway).toBe('@pendingPart.anywayByIntegrator');
    expect(duplicateProblem('1', { source: 'winthor', numped: 3, numpedrca: null }).params?.anyway).toBe(
      '@pendingPart.anywayInWinthor',
    );
    for (const fix of [flaggedFix(), ours.fix ?? '']) expect(fix).not.toContain('comprou');
  });

  it('what the operator was shown, from the pendência’s params: the NUMPED or the NUMPEDRCA named', () => {
    expect(confirmedOf(flagged().params)).toEqual({ numped: 5501, numpedrca: null });
    const staged = duplicateProblem('7', { source: 'integrador', numped: null, numpedrca: 42 }).params!;
    expect(confirmedOf(staged)).toEqual({ numped: null, numpedrca: 42 });
    expect(sameConfirmed(confirmedOf(staged), { numped: null, numpedrca: 42 })).toBe(true);
    expect(sameConfirmed(confirmedOf(staged), { numped: null, numpedrca: 41 })).toBe(false);
  });
});

const flaggedFix = (): string =>
  duplicateProblem('1', { source: 'winthor', numped: 3, numpedrca: null }).fix ?? '';
