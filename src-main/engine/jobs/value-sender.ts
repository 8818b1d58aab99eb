import { payloadHash } from '../catalogue/payload-hash';
import { priceKey, pricePayload, stockKey, stockPayload } from '../catalogue/product-payload';
import type { JobContext } from '../job-context';
import { recordItemFailure } from './item-errors';
import type { BindingAccess } from './page-bindings';
import { PRICE_ENTITY, PRODUCT_ENTITY, STOCK_ENTITY } from './product-sender';

/** One value to keep right in the store (a variant's stock in a warehouse, or its price in a table). */
interface ValueItem {
  codprod: number;
  /** null: no value to send (e.g. no price): the item becomes a pendência instead. */
  value: number | null;
}

interface ValueKind {
  entity: string;
  key(codprod: number): string;
  payload(value: number): unknown;
  send(codprod: number, value: number): Promise<void>;
  /** The pendência when there is no value to send (prices only). */
  missing?: (codprod: number) => {
    kind: string;
    message: string;
    fix: string;
    params: Record<string, string | number>;
  };
}

/**
 * Stock or price of products the store already has: the value is hashed and compared with the binding;
 * only a different value costs a call (a stock change lost in the 2829 rounding costs none). Products the
 * store does not have yet are skipped: their create call carries price and stock. Returns the CODPRODs
 * handled. `bindings`: as for sendProducts.
 */
const sendValues = async (
  context: JobContext,
  kind: ValueKind,
  items: readonly ValueItem[],
  bindings: BindingAccess,
): Promise<Set<number>> => {
  const { data, counts } = context;
  const handled = new Set<number>();
  if (items.length === 0) return handled;
  const products = await bindings.get(
    PRODUCT_ENTITY,
    items.map((i) => String(i.codprod)),
  );
  const values = await bindings.get(
    kind.entity,
    items.map((i) => kind.key(i.codprod)),
  );
  // Unchanged values: any open pendência of theirs is closed in one call (before the next store call, and
  // at the end).
  let unchanged: string[] = [];
  const settleUnchanged = async () => {
    if (unchanged.length === 0) return;
    const keys = unchanged;
    unchanged = [];
    await data.pendings.resolve(kind.entity, keys);
  };
  for (const item of items) {
    if (context.signal.aborted) break;
    counts.read += 1;
    const key = kind.key(item.codprod);
    if (!products.get(String(item.codprod))?.storeId) {
      counts.deferred += 1; // sent with the product when it is created
      handled.add(item.codprod);
      continue;
    }
    if (item.value === null) {
      if (kind.missing) {
        counts.failed += 1;
        await data.pendings.record({ entity: kind.entity, erpKey: key, ...kind.missing(item.codprod) });
      }
      handled.add(item.codprod);
      continue;
    }
    const hash = payloadHash(kind.payload(item.value));
    if (values.get(key)?.payloadHash === hash) {
      counts.unchanged += 1;
      unchanged.push(key);
      handled.add(item.codprod);
      continue;
    }
    await settleUnchanged();
    counts.changed += 1;
    if (!context.mayCall()) {
      counts.starved += 1;
      continue;
    }
    try {
      await kind.send(item.codprod, item.value);
      await bindings.save({
        entity: kind.entity,
        erpKey: key,
        storeId: null,
        payloadHash: hash,
        hidden: false,
      });
      await data.pendings.resolve(kind.entity, [key]);
      counts.sent += 1;
    } catch (error) {
      await recordItemFailure(context, kind.entity, key, `Produto ${item.codprod}`, error);
    }
    handled.add(item.codprod);
  }
  await settleUnchanged();
  return handled;
};

export const sendStock = async (
  context: JobContext,
  codprods: readonly number[],
  bindings: BindingAccess = context.data.bindings,
): Promise<Set<number>> => {
  const warehouse = context.branch.stock.warehouseErpId;
  const items = codprods.length ? await context.data.catalogue.stock(codprods) : [];
  const handled = await sendValues(
    context,
    {
      entity: STOCK_ENTITY,
      key: (codprod) => stockKey(warehouse, codprod),
      payload: stockPayload,
      send: (codprod, quantity) => context.store.setStock(String(codprod), warehouse, quantity),
    },
    items.map((item) => ({ codprod: item.codprod, value: item.offered })),
    bindings,
  );
  return withoutRows(codprods, items, handled, context);
};

export const sendPrices = async (
  context: JobContext,
  codprods: readonly number[],
  bindings: BindingAccess = context.data.bindings,
): Promise<Set<number>> => {
  const table = context.branch.price.tableErpId;
  const items = codprods.length ? await context.data.catalogue.prices(codprods) : [];
  const handled = await sendValues(
    context,
    {
      entity: PRICE_ENTITY,
      key: (codprod) => priceKey(table, codprod),
      payload: pricePayload,
      send: (codprod, price) => context.store.setPrice(String(codprod), table, pricePayload(price)),
      missing: (codprod) => ({
        kind: 'sem_preco',
        message: `Produto ${codprod} sem preço de venda na região da filial ${context.branch.code}: o preço na loja não foi alterado.`,
        fix: 'Informe o preço de venda do produto na região de preço da filial (rotina 201) — a coluna é a do parâmetro 4010.',
        params: { codprod, branch: context.branch.code },
      }),
    },
    items.map((item) => ({ codprod: item.codprod, value: item.price })),
    bindings,
  );
  return withoutRows(codprods, items, handled, context);
};

/** Queue keys with no row to read (not published, no PCEST/PCTABPR row): nothing to send, handled. */
const withoutRows = (
  codprods: readonly number[],
  items: ReadonlyArray<{ codprod: number }>,
  handled: Set<number>,
  context: JobContext,
): Set<number> => {
  if (context.signal.aborted) return handled;
  const present = new Set(items.map((i) => i.codprod));
  for (const codprod of codprods) if (!present.has(codprod)) handled.add(codprod);
  return handled;
};
