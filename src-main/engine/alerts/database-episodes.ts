import type { AlertContext } from './alert-context';

/**
 * The minute's probe of the database: one `database_unreachable` alert when it stops answering (to every
 * branch that syncs), one `database_recovered` when it answers again.
 */
export const checkDatabase = async (context: AlertContext): Promise<void> => {
  const { state } = context;
  const now = context.ports.now();
  let answer: 'ok' | 'unconfigured';
  try {
    answer = await context.ports.probeDatabase();
  } catch (error) {
    if (state.database) return;
    const message = (error as Error)?.message ?? String(error);
    state.database = { since: now.toISOString(), message };
    context.save();
    for (const branch of context.watchedBranches())
      await context.raise({
        kind: 'database_unreachable',
        since: now,
        message,
        ...context.where(branch.code),
      });
    return;
  }
  if (answer === 'ok' && state.database) {
    const since = new Date(state.database.since);
    state.database = null;
    context.save();
    for (const branch of context.watchedBranches())
      await context.raise({ kind: 'database_recovered', since, ...context.where(branch.code) });
  }
};
