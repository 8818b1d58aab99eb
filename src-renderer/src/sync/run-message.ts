import type { TFunction } from 'i18next';
import type { RunSummary } from '@contract';

/**
 * A run's message in the UI's language: a partial run's (items with a pendência, items left for the next
 * run) is built from its counts; any other message is the engine's own (pt-BR, e.g. a store's error).
 */
export const runMessage = (run: RunSummary, t: TFunction): string | null => {
  const failed = run.counts.failed ?? 0;
  const starved = run.counts.starved ?? 0;
  if (run.status !== 'partial' || failed + starved === 0) return run.message;
  const parts = [
    ...(failed > 0 ? [t('sync.partialFailed', { count: failed })] : []),
    ...(starved > 0 ? [t('sync.partialStarved', { count: starved })] : []),
  ];
  return `${parts.join('; ')}.`;
};
