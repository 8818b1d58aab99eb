import { priceColumnFor, priceRegionFor } from '../engine/domain/price-rule';
import type { Branch, Settings } from '../contract';
import type { StoreClient } from '../ciashop/store-client';
import { StoreError } from '../ciashop/store-error';
import type { OrderData, OrderStoreGateway } from '../engine/orders/order-ports';
import { FINAL_STATUS_MARK, TRACKING_WAIT_MS } from '../engine/orders/order-status';
import {
  createCustomer,
  customerDefaultsFrom,
  backingOffPendingKeys,
  duePendingKeys,
  findCity,
  findImportAnywayDecisions,
  findPossibleDuplicates,
  findCustomer,
  findStoreOrdersByNumped,
  getCursor,
  getOrderStatuses,
  getPrices,
  getProducts,
  getStoreOrder,
  getStoreOrders,
  listOrdersInProgress,
  listStoreOrders,
  listUnacknowledged,
  markAcknowledged,
  markStoreOrderStaged,
  moveStoreOrder,
  readParameters,
  readTrackingColumns,
  storeOrderIdFloor,
  readStagingResult,
  recordStoreCodes,
  recordStoreOrder,
  refreshStoreOrder,
  branchDefaultRegion,
  setCursor,
  setStatusSent,
  setStoreStatus,
  stageOrder,
  unstageRejected,
  updateCustomer,
  type Db,
  type PossibleDuplicate,
  type PriceQuery,
  unconfirmedCopy,
} from '../winthor';
import type { CustomerDefaults } from '../winthor/repositories/customer-defaults';

/** Rolls the staging transaction back: another run staged the order first (nothing of this one stays). */
class NotStaged extends Error {}
/** Rolls the staging transaction back: the order is already in WinThor (ADR 0214). */
class Duplicate extends Error {
  constructor(readonly duplicate: PossibleDuplicate) {
    super('possível pedido duplicado');
  }
}

/** The order jobs' database side for one branch and store (engine/orders/order-ports.ts). */
export const orderData = (
  db: Db,
  settings: Settings,
  branch: Branch,
  storeKey: string,
  now: () => Date,
): OrderData => {
  let parameters: ReturnType<typeof readParameters> | undefined;
  const branchParameters = () =>
    (parameters ??= readParameters(db, settings.winthor.parameterNames, branch.code));
  let priceQuery: Promise<PriceQuery> | undefined;
  const prices = () =>
    (priceQuery ??= (async () => {
      const values = await branchParameters();
      return {
        region: priceRegionFor(
          branch.code,
          values['4014'].value,
          values['4014'].value ? null : await branchDefaultRegion(db, branch.code),
        ),
        column: priceColumnFor(values['4010'].value),
      };
    })());
  let defaults: Promise<CustomerDefaults> | undefined;
  // Read once per run: a WinThor upgrade that adds the tracking columns is seen by the next run.
  let tracking: ReturnType<typeof readTrackingColumns> | undefined;
  // Read once per run too (ADR 0217): a cursor row, the same for the installation's life.
  let idFloor: Promise<number> | undefined;
  return {
    options: () => ({ orders: settings.orders, customers: settings.customers, branches: settings.branches }),
    record: async (order) =>
      recordStoreOrder(
        db,
        { ...order, storeKey, branch: branch.code },
        now(),
        await (idFloor ??= storeOrderIdFloor(db, now())),
      ),
    get: (ids) => getStoreOrders(db, storeKey, ids),
    byId: (id) => getStoreOrder(db, id),
    refresh: (id, pulled) => refreshStoreOrder(db, id, pulled, now()),
    setStoreStatus: (id, status) => setStoreStatus(db, id, status, now()),
    move: (id, from, to, fields) => moveStoreOrder(db, id, from, to, now(), fields),
    stage: async (id, order, message, replacing, guard) => {
      try {
        return await db.transaction(async (tx) => {
          const at = now();
          // Thrown, not returned: a transaction that returns commits, and nothing of this one may stay.
          if (replacing && (await unstageRejected(tx, replacing)) === 'not_rejected') throw new NotStaged();
          const staging = {
            codusur: order.codusur,
            cgccli: order.cgccli,
            openedAt: order.openedAt,
            codcli: order.codcli,
            message,
          };
          const duplicates = await findPossibleDuplicates(tx, {
            storeKey,
            storeOrderId: guard.storeOrderId,
            cgccli: order.cgccli,
            codcli: order.codcli,
            codusur: order.codusur,
            storeTotal: guard.storeTotal,
          });
          // The operator's "Importar mesmo assim" (ADR 0219) skips this guard for this record only, and only
          // when every copy found now is one they confirmed; read only when the guard found something.
          const decisions =
            duplicates.length > 0
              ? await findImportAnywayDecisions(tx, branch.code, guard.storeOrderId, id)
              : [];
          const unconfirmed = unconfirmedCopy(decisions, duplicates);
          if (unconfirmed) throw new Duplicate(unconfirmed);
          const decision = duplicates.length > 0 ? decisions[0] : undefined;
          if ((await markStoreOrderStaged(tx, id, staging, at)) !== 1) throw new NotStaged();
          await stageOrder(tx, order, at);
          return decision
            ? {
                status: 'staged' as const,
                importedAnyway: { duplicate: duplicates[0]!, at: decision.at, actor: decision.actor },
              }
            : { status: 'staged' as const };
        });
      } catch (error) {
        if (error instanceof NotStaged) return { status: 'raced' };
        if (error instanceof Duplicate) return { status: 'duplicate', duplicate: error.duplicate };
        throw error;
      }
    },
    list: (states, afterId, limit) => listStoreOrders(db, { branch: branch.code, states, afterId, limit }),
    unacknowledged: (limit) => listUnacknowledged(db, branch.code, limit),
    acknowledged: (ids) => markAcknowledged(db, ids, now()),
    stagingResult: (key) => readStagingResult(db, key),
    recordCodes: (sightings) => recordStoreCodes(db, branch.code, sightings, now()),
    findCustomer: (query) => findCustomer(db, query),
    findCity: (query) => findCity(db, query),
    customerDefaults: async () => {
      defaults ??= branchParameters().then((values) =>
        customerDefaultsFrom(values, branch.code, settings.winthor.newCustomers),
      );
      try {
        return await defaults;
      } catch (error) {
        defaults = undefined;
        throw error;
      }
    },
    createCustomer: (customer, values) => createCustomer(db, customer, values, now()),
    updateCustomer: (codcli, customer) => updateCustomer(db, codcli, customer, now()),
    products: async (codprods) => {
      const rows = await getProducts(db, codprods);
      return new Map(
        rows.map((row) => [
          row.codprod,
          { codprod: row.codprod, codauxiliar: row.barcode !== null ? Number(row.barcode) : null },
        ]),
      );
    },
    prices: async (codprods) => getPrices(db, await prices(), codprods),
    orderStatuses: async (numpeds) =>
      getOrderStatuses(db, numpeds, await (tracking ??= readTrackingColumns(db))),
    byNumped: (numpeds) => findStoreOrdersByNumped(db, numpeds),
    inProgress: (afterId, limit) =>
      listOrdersInProgress(db, {
        branch: branch.code,
        finalPrefixes: [FINAL_STATUS_MARK],
        // Marked done on invoicing by versions before tracking (ADR 0216): followed for the wait too.
        recent: {
          prefix: `${FINAL_STATUS_MARK}SHIPPED|`,
          since: new Date(now().getTime() - TRACKING_WAIT_MS),
        },
        afterId,
        limit,
      }),
    setStatusSent: (id, sent) => setStatusSent(db, id, sent, now()),
    cursor: (name) => getCursor(db, name, branch.code),
    setCursor: (name, value) => setCursor(db, name, branch.code, value, now()),
    dueKeys: (entity) => duePendingKeys(db, entity, branch.code, now()),
    backingOff: (entity) => backingOffPendingKeys(db, entity, branch.code, now()),
  };
};

/** The order jobs' store side: the branch's store client. */
export const orderStoreGateway = (client: StoreClient): OrderStoreGateway => ({
  pullOrders: (options) =>
    client.pullOrderPages({
      pageSize: options.pageSize,
      ...(options.minUpdatedAt ? { minUpdatedAt: options.minUpdatedAt } : {}),
    }),
  acknowledgeOrders: (ids) => client.acknowledgeOrders(ids),
  updateOrderStatus: (id, update) => client.updateOrderStatus(id, update),
  orderExists: async (id) => {
    try {
      await client.getOrder(id);
      return true;
    } catch (error) {
      if (error instanceof StoreError && error.kind === 'not_found') return false;
      throw error;
    }
  },
  pullCustomers: (options) =>
    client.listCustomers({
      pageSize: options.pageSize,
      ...(options.minUpdatedAt ? { minUpdatedAt: options.minUpdatedAt } : {}),
    }),
});
