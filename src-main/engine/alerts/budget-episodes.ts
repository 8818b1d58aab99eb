import type { AlertContext } from './alert-context';
import { budgetEpisode } from './alert-state-rules';

/**
 * The minute's look at the store budget of each branch that syncs: one `budget_exhausted` alert when an
 * episode of "used up" begins (the episode rules are in `budgetEpisode`).
 */
export const checkBudgets = async (context: AlertContext): Promise<void> => {
  const { ports, state } = context;
  for (const branch of ports.settings().branches.filter((b) => b.enabled)) {
    const budget = ports.budget(branch);
    if (!budget) continue;
    // A store that sends no x-apilimit-remaining has no reading: out only while a 429 blocks it, so the
    // episode closes once the block has passed (otherwise amber for good, and no later episode told).
    // Also out while the header's meaning is unknown and its cautious reading says none left (ADR 0036).
    const out =
      budget.cautiouslyOut === true ||
      (budget.remaining === null ? budget.blockedUntil != null : budget.remaining <= 0);
    const news = budgetEpisode(state, branch.code, out, ports.now());
    context.save();
    if (news)
      await context.raise({
        kind: 'budget_exhausted',
        limit: budget.limit,
        ...(budget.blockedUntil ? { until: new Date(budget.blockedUntil) } : {}),
        ...context.where(branch.code),
      });
  }
};
