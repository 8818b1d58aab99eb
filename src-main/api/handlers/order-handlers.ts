import type { SettingsService } from '../../config/settings-service';
import { unknownBranchError } from '../../shared/unknown-branch';
import { ORDERS_CURSOR, pullFrom } from '../../engine/orders/orders-job';
import { setCursor, type DatabaseService } from '../../winthor';
import type { HandlerGroup } from '../handlers';

const addDays = (date: string, days: number): string => {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(y!, m! - 1, d! + days);
  return `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, '0')}-${String(next.getDate()).padStart(2, '0')}`;
};

/**
 * "Reler pedidos a partir de": moves the orders pull back (or forward) so the next run reads from that day.
 * Safe by construction: the unique key (store, order id), never the cursor, keeps orders from a second
 * import (ADR 0114).
 */
export const orderHandlers = (
  settings: SettingsService,
  database: DatabaseService,
): HandlerGroup<'orders.reread'> => ({
  'orders.reread': async (input) => {
    const current = settings.get();
    if (!current.branches.some((branch) => branch.code === input.branch)) {
      throw unknownBranchError(input.branch, 'Escolha uma filial cadastrada em Configuração.');
    }
    // The pull asks for the cursor's date minus the overlap: the cursor is set that many days after `from`.
    const overlap = current.orders.cursorOverlapDays;
    const cursor = addDays(input.from, overlap);
    await database.use((db) => setCursor(db, ORDERS_CURSOR, input.branch, cursor, new Date()));
    return { branch: input.branch, from: pullFrom(cursor, overlap) ?? input.from };
  },
});
