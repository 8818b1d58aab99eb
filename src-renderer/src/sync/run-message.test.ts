import { describe, expect, it } from 'vitest';
import type { RunSummary } from '@contract';
import { setupI18n } from '../i18n';
import { runMessage } from './run-message';

const run = (status: RunSummary['status'], counts: Record<string, number>, message: string | null) => ({
  id: 1,
  branch: '1',
  job: 'stock' as const,
  trigger: 'schedule' as const,
  status,
  startedAt: '2026-12-05T10:00:00.000Z',
  finishedAt: '2026-12-05T10:00:05.000Z',
  counts,
  message,
});

describe('a run’s message in the UI’s language', () => {
  const i18n = setupI18n('pt-BR');
  it('a partial run is told from its counts, in English too (no pt-BR leftover)', () => {
    const partial = run('partial', { failed: 3, starved: 2 }, '3 item(ns) com pendência; …');
    expect(runMessage(partial, i18n.getFixedT('en'))).toBe(
      "3 item(s) with a pending issue; 2 item(s) left for the next run: the store's call limit is kept for higher-priority jobs.",
    );
    expect(runMessage(run('partial', { failed: 1 }, null), i18n.getFixedT('pt-BR'))).toBe(
      '1 item(ns) com pendência.',
    );
  });

  it('any other message is the engine’s own', () => {
    expect(runMessage(run('failed', {}, 'Loja fora do ar.'), i18n.getFixedT('en'))).toBe('Loja fora do ar.');
    expect(runMessage(run('ok', {}, null), i18n.getFixedT('en'))).toBeNull();
  });
});
