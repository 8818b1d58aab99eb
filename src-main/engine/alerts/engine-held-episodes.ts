import type { AlertContext } from './alert-context';
import type { EngineHold } from './alert-facts';

/**
 * The schema check holds the engine (`hold`) or let it go (null), ADR 0034: one alert per episode — told
 * to every branch that syncs, by tray and mail —, and one when it runs again.
 */
export const engineHoldChanged = async (context: AlertContext, hold: EngineHold | null): Promise<void> => {
  const { state } = context;
  const now = context.ports.now();
  const held = state.engineHeld ?? null;
  if (hold && held) {
    // The same episode (the minute's look again): the reason is kept up to date, nothing is told again.
    state.engineHeld = { ...held, ...hold };
    context.save();
  } else if (hold) {
    state.engineHeld = { since: now.toISOString(), ...hold };
    context.save();
    for (const branch of context.watchedBranches())
      await context.raise({ kind: 'engine_held', since: now, hold, ...context.where(branch.code) });
  } else if (held) {
    state.engineHeld = null;
    context.save();
    for (const branch of context.watchedBranches())
      await context.raise({
        kind: 'engine_released',
        since: new Date(held.since),
        ...context.where(branch.code),
      });
  }
};

/**
 * A person resumed (true) or paused again (false) the engine the schema check holds: the health says it
 * runs with the tables behind, not that it is stopped. Returns whether the state changed.
 */
export const engineHoldOverridden = (context: AlertContext, resumedByHand: boolean): boolean => {
  const held = context.state.engineHeld;
  if (!held || (held.resumedByHand ?? false) === resumedByHand) return false;
  context.state.engineHeld = { ...held, resumedByHand };
  context.save();
  return true;
};
