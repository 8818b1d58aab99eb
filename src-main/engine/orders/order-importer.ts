import { Order } from '../../ciashop/schemas';
import { AppError } from '../../shared/app-error';
import type { StagingKey, StoreOrderRecord, StoreOrderState } from '../../winthor';
import type { JobContext } from '../job-context';
import { resolveCustomer } from './customer-resolution';
import { ORDER_ENTITY } from './order-entity';
import { recordOrderError, stopsTheOrderRun } from './order-failures';
import { duplicateProblem } from './duplicate-problem';
import { importedAnywayMessage } from './import-anyway';
import { isCancelled, type OrderProblem } from './order-input';
import { readOrder } from './read-order';
import { buildStagedOrder, orderCodes, priceLines } from './order-plan';
import { sentStatusOf } from './order-status';

export { ORDER_ENTITY };

/** States in which nothing is in WinThor yet. */
const NOT_STAGED: readonly StoreOrderState[] = ['received', 'waiting', 'rejected'];

/** The store total an order declares (for the record; the import checks it to the cent). */
export const storeTotalOf = (order: Order): number | null => {
  const total = (order as Record<string, unknown>).total;
  return typeof total === 'number' ? total : (order.subTotal ?? null);
};

/**
 * One store order through the import (ADR 0114): its record under the unique key first; then, in order, the
 * checks that need only the order, the mappings, the products and prices, the customer (found or created);
 * then PCPEDCFV + PCPEDIFV in the same transaction as the record's move to `staged`. Any check that fails
 * becomes the order's one pendência and writes nothing else to WinThor; the other orders go on.
 */
export class OrderImporter {
  /** Orders handled in this run (a waiting order pulled again is not retried twice). */
  readonly handled = new Set<number>();

  constructor(
    private readonly context: JobContext,
    /** Orders whose last attempt failed with an error and whose back-off has not ended. */
    private readonly backingOff: ReadonlySet<string> = new Set(),
  ) {}

  private get data() {
    return this.context.data.orders;
  }

  /** An order the pull returned. */
  async pulled(order: Order): Promise<void> {
    const { context } = this;
    context.counts.read += 1;
    const payload = JSON.stringify(order);
    const { record, created } = await this.data.record({
      storeOrderId: String(order.id),
      storeStatus: order.status,
      payload,
      storeTotal: storeTotalOf(order),
    });
    if (isCancelled(order.status)) return this.cancelled(record, order.status);
    if (record.state === 'received' || record.state === 'waiting') {
      if (!created && record.payload !== payload)
        await this.data.refresh(record.id, {
          storeStatus: order.status,
          payload,
          storeTotal: storeTotalOf(order),
        });
      return this.process(record, order);
    }
    context.counts.unchanged += 1;
  }

  /** An order recorded earlier, from its stored payload (retry of a pendência, reprocessar). */
  async retry(record: StoreOrderRecord): Promise<void> {
    if (this.handled.has(record.id) || !record.payload) return;
    const parsed = Order.safeParse(JSON.parse(record.payload));
    if (!parsed.success) return; // a payload that parsed when recorded; a schema change is not an order's fault
    this.context.counts.read += 1;
    const storeStatus = record.storeStatus ?? parsed.data.status;
    if (isCancelled(storeStatus)) return this.cancelled(record, storeStatus);
    return this.process(record, parsed.data);
  }

  /**
   * The order's import; an error of this order alone (a WinThor constraint, ORA-01400…) becomes its
   * pendência with back-off and the run goes on. Store- or database-level errors stop the run.
   */
  private async process(record: StoreOrderRecord, order: Order): Promise<void> {
    this.handled.add(record.id);
    if (this.backingOff.has(record.storeOrderId)) {
      this.context.counts.deferred += 1;
      return;
    }
    try {
      await this.importOne(record, order);
    } catch (error) {
      if (stopsTheOrderRun(error)) throw error;
      await this.data.move(record.id, ['received', 'waiting'], 'waiting', {
        message: error instanceof Error ? error.message.slice(0, 500) : String(error),
      });
      await recordOrderError(this.context, record.storeOrderId, error);
    }
  }

  private async importOne(record: StoreOrderRecord, order: Order): Promise<void> {
    const { context } = this;
    const read = readOrder(order);
    if (!read.ok) return this.wait(record, read.problem);
    const input = read.input;
    const codes = orderCodes(input, context.branch.mappings);
    if (!codes.ok) return this.wait(record, codes.problem);
    const codprods = [...new Set(input.lines.map((line) => line.codprod))];
    const products = await this.data.products(codprods);
    const prices = new Map((await this.data.prices(codprods)).map((p) => [p.codprod, p.price]));
    const tolerance = this.data.options().orders.priceTolerancePercent;
    const priced = priceLines(input, products, prices, tolerance);
    if (!priced.ok) return this.wait(record, priced.problem);
    const notes: string[] = [];
    const customer = await resolveCustomer(
      this.data,
      { kind: 'order', id: input.id },
      input.customer,
      input.delivery,
      notes,
    );
    if (!customer.ok) return this.wait(record, customer.problem);
    let codusur: number;
    try {
      codusur = (await this.data.customerDefaults()).codusur;
    } catch (error) {
      if (!(error instanceof AppError) || !error.code.endsWith('_parameter')) throw error;
      return this.wait(record, {
        kind: 'configuracao',
        message: `Pedido ${input.id}: ${error.message}`,
        fix: error.fix ?? 'Informe os parâmetros 4008 a 4013 na rotina 132 e aguarde a próxima execução.',
        params: { id: input.id, context: 'order_detail', detail: error.message, fixDetail: error.fix ?? '' },
      });
    }
    const staged = buildStagedOrder({
      input,
      recordId: record.id,
      branch: context.branch.code,
      codcli: customer.codcli,
      codusur,
      cgccli: customer.cgccli,
      openedAt: input.createdAt ?? record.createdAt,
      codes: codes.codes,
      lines: priced.lines,
      notes,
    });
    const replacing: StagingKey | null =
      record.state === 'rejected' && record.codusur !== null && record.cgccli && record.openedAt
        ? { numpedrca: record.id, codusur: record.codusur, cgccli: record.cgccli, openedAt: record.openedAt }
        : null;
    const message = notes.length ? notes.join(' ') : null;
    const outcome = await this.data.stage(record.id, staged, message, replacing, {
      storeOrderId: record.storeOrderId,
      storeTotal: record.storeTotal,
    });
    if (outcome.status === 'raced') {
      context.counts.unchanged += 1;
      return;
    }
    if (outcome.status === 'duplicate')
      return this.wait(record, duplicateProblem(input.id, outcome.duplicate));
    context.counts.changed += 1;
    context.counts.sent += 1;
    // By its key, not from the open keys read at the run's start: its pendência may have been ignored,
    // reopened or decided on meanwhile (ADR 0219), and a staged order's must not stay open.
    await context.data.pendings.resolveKeys(
      ORDER_ENTITY,
      [input.id],
      `Pedido ${input.id} gravado para importação no WinThor (NUMPEDRCA ${record.id}).`,
    );
    if (customer.created)
      context.log('info', `Pedido ${input.id}: cliente ${customer.codcli} criado no WinThor.`);
    if (outcome.importedAnyway) {
      const { duplicate, ...decision } = outcome.importedAnyway;
      context.log('warn', importedAnywayMessage(input.id, record.id, decision, duplicate), {
        order: input.id,
        importedAnyway: true,
        actor: decision.actor,
        decidedAt: decision.at.toISOString(),
      });
    }
    if (message)
      context.log('warn', `Pedido ${input.id} gravado com ajustes: ${message}`, { order: input.id });
    context.log('info', `Pedido ${input.id} gravado para importação no WinThor (NUMPEDRCA ${record.id}).`, {
      order: input.id,
      totalCents: input.totalCents,
    });
  }

  /** The order's one pendência; the record waits (nothing was written to WinThor). */
  private async wait(record: StoreOrderRecord, problem: OrderProblem): Promise<void> {
    const { context } = this;
    await this.data.move(record.id, NOT_STAGED, 'waiting', { message: problem.message });
    const pending = await context.data.pendings.record({
      entity: ORDER_ENTITY,
      erpKey: record.storeOrderId,
      kind: problem.kind,
      message: problem.message,
      fix: problem.fix,
      params: problem.params,
    });
    context.counts.failed += 1;
    // Logged when it starts waiting or waits for another reason, not again on every run (the pendência
    // stays open and says it).
    if (record.state === 'waiting' && pending.kindChanged === false) return;
    context.log('warn', problem.message, {
      order: record.storeOrderId,
      kind: problem.kind,
      fix: problem.fix,
    });
  }

  /**
   * A cancellation in the store. Not in WinThor yet: the import stops (and the store is told). Already in
   * WinThor: one pendência and an alert for a person to cancel it there — WinThor's order is never changed.
   */
  private async cancelled(record: StoreOrderRecord, storeStatus: string): Promise<void> {
    this.handled.add(record.id);
    const { context } = this;
    if (NOT_STAGED.includes(record.state)) {
      await this.data.setStoreStatus(record.id, storeStatus);
      await this.data.move(record.id, NOT_STAGED, 'cancelled', {
        message: 'Cancelado na loja antes de chegar ao WinThor: não foi importado.',
      });
      await context.data.pendings.resolve(ORDER_ENTITY, [record.storeOrderId]);
      context.counts.changed += 1;
      context.log(
        'info',
        `Pedido ${record.storeOrderId} cancelado na loja antes da importação: não vai ao WinThor.`,
      );
      return;
    }
    if (record.state === 'cancelled' || isCancelled(record.storeStatus ?? '')) {
      context.counts.unchanged += 1;
      return;
    }
    if (sentStatusOf(record.statusSent) === 'CANCELLED') {
      // WinThor cancelled it and the status job told the store: the store's cancellation is that echo.
      await this.data.setStoreStatus(record.id, storeStatus);
      context.counts.unchanged += 1;
      return;
    }
    await this.data.setStoreStatus(record.id, storeStatus);
    const where =
      record.numped !== null ? `é o pedido ${record.numped} do WinThor` : 'aguarda a importação do WinThor';
    const message = `Pedido ${record.storeOrderId} foi cancelado na loja depois de chegar ao WinThor (${where}); o integrador não altera pedidos do WinThor.`;
    await context.data.pendings.record({
      entity: ORDER_ENTITY,
      erpKey: record.storeOrderId,
      kind: 'cancelar_no_winthor',
      message,
      fix: `Cancele ${record.numped !== null ? `o pedido ${record.numped}` : 'o pedido (NUMPEDCLI ' + record.storeOrderId + ')'} no WinThor (rotina 305 ou 336); a pendência se fecha quando a posição do pedido for C.`,
      params: {
        storeOrderId: record.storeOrderId,
        ...(record.numped !== null ? { numped: record.numped } : {}),
      },
    });
    context.counts.failed += 1;
    context.log('error', message, { order: record.storeOrderId, alert: 'pedido_cancelado_na_loja' });
  }
}
