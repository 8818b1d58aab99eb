import type { BudgetLeft } from '../../ciashop/api-budget';
import type { BranchActivity, MonitorHealth } from '../../contract';
import type { SettingsService } from '../../config/settings-service';
import { activityByHour } from '../../engine/monitoring/activity';
import { AppError } from '../../shared/app-error';
import { groupPendings, mapDbError, runsSince } from '../../winthor';
import type { DatabaseService } from '../../winthor/database-service';
import type { HandlerGroup } from '../handlers';

const HOURS = { '24h': 24, '7d': 24 * 7 } as const;

/** Painel: activity per hour and the health behind the tray. */
export const monitorHandlers = (
  settings: SettingsService,
  database: DatabaseService,
  budgetOf: (branch: string) => BudgetLeft,
  health: () => MonitorHealth,
  now: () => Date,
): HandlerGroup<'monitor.activity' | 'monitor.health'> => ({
  'monitor.activity': async ({ range }) => {
    const at = now();
    const hours = HOURS[range];
    const since = new Date(at.getTime() - hours * 3_600_000);
    const branches: BranchActivity[] = [];
    for (const branch of settings.get().branches) {
      let budget: BranchActivity['budget'] = { remaining: null, limit: null };
      try {
        const left = budgetOf(branch.code);
        budget = {
          remaining: left.remaining,
          limit: left.limit,
          blockedUntil: left.blockedUntil ? new Date(left.blockedUntil).toISOString() : null,
        };
      } catch {
        // A branch without a store configured has no budget to show.
      }
      try {
        const { runs, open } = await database.use(async (db) => ({
          runs: await runsSince(db, since, branch.code),
          open: await groupPendings(db, { status: 'open', branch: branch.code }),
        }));
        branches.push({
          branch: branch.code,
          name: branch.name,
          buckets: activityByHour(runs, at, hours).map((b) => ({ ...b, at: b.at.toISOString() })),
          budget,
          openPendings: open,
          problem: null,
        });
      } catch (error) {
        const mapped = error instanceof AppError ? error : mapDbError(error);
        branches.push({
          branch: branch.code,
          name: branch.name,
          buckets: [],
          budget,
          openPendings: [],
          problem: mapped.message,
        });
      }
    }
    return { range, branches };
  },
  'monitor.health': async () => health(),
});
