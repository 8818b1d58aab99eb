import type { Branch, ScheduleJob, Settings } from '../contract';
import { AppError } from '../shared/app-error';
import { normaliseStoreUrl } from '../shared/store-url';

const storeOf = (branch: Branch): string | null => {
  try {
    return normaliseStoreUrl(branch.store.url);
  } catch {
    return null;
  }
};

/**
 * Two enabled branches selling in one store must not write the same warehouse (stock) or the same price
 * table (prices): each would overwrite the other's value on every run, and every run would cost calls.
 * Refuses the run with the fix instead (ADR 0107). Products and categories are shared on purpose.
 */
export const assertNoSharedTarget = (settings: Settings, branch: Branch, job: ScheduleJob): void => {
  const field = job === 'stock' || job === 'reconcile' ? 'stock' : job === 'prices' ? 'price' : null;
  if (field === null) return;
  const store = storeOf(branch);
  if (store === null) return;
  for (const other of settings.branches) {
    if (other.code === branch.code || !other.enabled || storeOf(other) !== store) continue;
    if (field === 'stock' && other.stock.warehouseErpId === branch.stock.warehouseErpId) {
      throw new AppError(
        'shared_warehouse',
        `Filiais ${branch.code} e ${other.code} vendem na mesma loja e enviam estoque para o mesmo depósito (${branch.stock.warehouseErpId}).`,
        {
          field: 'branches.stock.warehouseErpId',
          fix: 'Em Configuração, informe em cada filial o código do seu próprio depósito na loja.',
        },
      );
    }
    if (other.price.tableErpId === branch.price.tableErpId && (field === 'price' || job === 'reconcile')) {
      throw new AppError(
        'shared_price_table',
        `Filiais ${branch.code} e ${other.code} vendem na mesma loja e enviam preços para a mesma tabela (${branch.price.tableErpId}).`,
        {
          field: 'branches.price.tableErpId',
          fix: 'Em Configuração, informe em cada filial a sua própria tabela de preços na loja.',
        },
      );
    }
  }
};
