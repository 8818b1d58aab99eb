import type { InvalidStoreOrder } from '../../ciashop/order-page';
import type { JobContext } from '../job-context';
import { stopsTheRun } from '../jobs/item-errors';
import { ORDER_ENTITY } from './order-entity';

/**
 * Database errors that say "the database, not this order" (connection lost, listener down, pool closed):
 * the run stops, like a store-level error, instead of one pendência per order.
 */
const DATABASE_DOWN =
  /\b(ORA-03113|ORA-03114|ORA-03135|ORA-12170|ORA-12514|ORA-12541|ORA-12543|ORA-01012|ORA-01033|ORA-01034|ORA-01089|DPI-1010|DPI-1080|NJS-003|NJS-500|NJS-501|ECONNRESET|ECONNREFUSED)\b|database connection is not open|database is closed/i;

/** Whether an error stops the whole run (store-level or database-level) rather than one order. */
export const stopsTheOrderRun = (error: unknown): boolean =>
  stopsTheRun(error) ||
  (error instanceof Error &&
    DATABASE_DOWN.test(`${error.message} ${(error as { code?: unknown }).code ?? ''}`));

/**
 * An order-specific error while importing one order (e.g. ORA-01400 inserting PCCLIENT): one pendência with
 * back-off (tried again later and later), and the run goes on with the other orders.
 */
export const recordOrderError = async (
  context: JobContext,
  storeOrderId: string,
  error: unknown,
): Promise<void> => {
  if (stopsTheOrderRun(error)) throw error;
  const detail = error instanceof Error ? error.message : String(error);
  const message = `Pedido ${storeOrderId}: erro ao gravar no WinThor — ${detail}`;
  context.counts.failed += 1;
  await context.data.pendings.record({
    entity: ORDER_ENTITY,
    erpKey: storeOrderId,
    kind: 'erro_importacao',
    message,
    fix: 'Confira no WinThor a causa indicada (cadastro do cliente, parâmetros, campos obrigatórios); o integrador tenta de novo com intervalos crescentes, ou use "reprocessar" nesta pendência.',
    params: { storeOrderId, error: detail.slice(0, 300) },
    backoff: true,
  });
  context.log('error', message, { order: storeOrderId });
};

/** A store order that did not have the shape the import needs: one pendência naming the field. */
export const recordMalformedOrder = async (
  context: JobContext,
  invalid: InvalidStoreOrder,
): Promise<void> => {
  context.counts.read += 1;
  context.counts.failed += 1;
  const who = invalid.id !== null ? `Pedido ${invalid.id}` : 'Um pedido sem número (id)';
  const message = `${who} veio da loja com o campo "${invalid.field}" fora do formato esperado (${invalid.problem}); o pedido não foi importado.`;
  const fix = `Corrija o campo "${invalid.field}" do pedido na loja (ou peça o ajuste à TOTVS); quando o pedido for alterado na loja, ou ao usar "Reler pedidos" a partir da data dele, ele é lido de novo.`;
  if (invalid.id === null) {
    context.log('error', message, { field: invalid.field, fix });
    return;
  }
  await context.data.pendings.record({
    entity: ORDER_ENTITY,
    erpKey: String(invalid.id),
    kind: 'pedido_invalido',
    message,
    fix,
    params: { storeOrderId: invalid.id, field: invalid.field, problem: invalid.problem },
  });
  context.log('warn', message, { order: String(invalid.id), field: invalid.field });
};
