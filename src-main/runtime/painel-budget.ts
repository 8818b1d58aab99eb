import { budgetDecided, budgetForAlerts, type BudgetLeft } from '../ciashop/api-budget';
import type { StoreClientRegistry } from '../ciashop/store-registry';

/**
 * A branch's store budget as the Painel's "Atividade" and the alerts read it: the engine's own figure
 * (ADR 0036), so the branch card, "Lojas virtuais", "Atividade" and the alert mails say one number.
 */
export const painelBudgetOf = (
  stores: Pick<StoreClientRegistry, 'forBranch'>,
  branch: string,
): BudgetLeft & { blockedUntil: number | null } => budgetDecided(stores.forBranch(branch).state().budget);

/** The same branch budget for the alerts: the Painel's figure plus the cautious "out" (ADR 0036). */
export const alertBudgetOf = (
  stores: Pick<StoreClientRegistry, 'forBranch'>,
  branch: string,
): BudgetLeft & { blockedUntil: number | null } => budgetForAlerts(stores.forBranch(branch).state().budget);
