import type { ProductInput } from '../../ciashop/schemas';
import type { WinthorProduct } from '../../winthor';
import { categoryKeysOf } from '../catalogue/category-payload';
import { payloadHash } from '../catalogue/payload-hash';
import {
  priceKey,
  pricePayload,
  productPayload,
  productProblem,
  stockKey,
  stockPayload,
  withVariantValues,
} from '../catalogue/product-payload';
import type { JobContext } from '../job-context';
import { CATEGORY_ENTITY, categoriesSyncedIn, syncCategories } from './categories-job';
import { categoryWait } from './category-wait';
import { StoreError } from '../../ciashop/store-error';
import { recordItemFailure } from './item-errors';
import type { BindingAccess } from './page-bindings';

export const PRODUCT_ENTITY = 'product';
export const PRICE_ENTITY = 'price';
export const STOCK_ENTITY = 'stock';

/** What to do with one product, decided before any call. */
type Decision =
  | { kind: 'done' }
  | { kind: 'later' }
  /** `payload`: the product as hashed, sent as is (with the variant's price and stock). */
  | { kind: 'send'; payload: ProductInput; storeId: string | null; hash: string };

/** The store ids of the categories of these products (the deepest one in the store wins). */
const categoryPlaces = async (context: JobContext, products: readonly WinthorProduct[]) => {
  const bindings = await context.data.bindings.get(CATEGORY_ENTITY, [
    ...new Set(products.flatMap(categoryKeysOf)),
  ]);
  return (product: WinthorProduct): number | null => {
    for (const key of categoryKeysOf(product)) {
      const binding = bindings.get(key);
      if (binding?.storeId && !binding.hidden) return Number(binding.storeId);
    }
    return null;
  };
};

/**
 * Sends published products that changed: an update when the store has the product and its payload
 * differs; a create — with the variant's price and stock in the same call — when it is new. Categories
 * not in the store yet are sent first (once per run). A product with bad data, or whose category cannot go,
 * becomes a pendência with the fix. Returns the CODPRODs handled (sent, unchanged or a pendência): the
 * caller removes exactly their queue rows. `bindings`: where the products' bindings are read and written (a
 * reconcile page passes its own, read once for the page's products, prices and stock).
 */
export const sendProducts = async (
  context: JobContext,
  products: readonly WinthorProduct[],
  bindings: BindingAccess = context.data.bindings,
): Promise<Set<number>> => {
  const { data, counts } = context;
  const handled = new Set<number>();
  if (products.length === 0) return handled;
  let departmentOf = await categoryPlaces(context, products);
  if (!categoriesSyncedIn(context) && products.some((p) => !productProblem(p) && departmentOf(p) === null)) {
    // A new department, section or category with its products: the categories go first, in this run.
    await syncCategories(context);
    departmentOf = await categoryPlaces(context, products);
  }
  const bound = await bindings.get(
    PRODUCT_ENTITY,
    products.map((p) => String(p.codprod)),
  );
  const decisions = new Map<number, Decision>();
  /** Unchanged products: any open pendência of theirs is closed, in one call after the loop. */
  const unchanged: string[] = [];
  for (const product of products) {
    if (context.signal.aborted) break;
    const key = String(product.codprod);
    counts.read += 1;
    const problem = productProblem(product);
    if (problem) {
      counts.failed += 1;
      await data.pendings.record({ entity: PRODUCT_ENTITY, erpKey: key, ...problem });
      decisions.set(product.codprod, { kind: 'done' });
      continue;
    }
    const departmentId = departmentOf(product);
    if (departmentId === null) {
      const waiting = await categoryWait(context, product);
      counts.deferred += 1;
      if (waiting === 'soon') {
        decisions.set(product.codprod, { kind: 'later' }); // its category could not go now: stays queued
        continue;
      }
      await data.pendings.record({ entity: PRODUCT_ENTITY, erpKey: key, ...waiting });
      decisions.set(product.codprod, { kind: 'done' });
      continue;
    }
    const binding = bound.get(key);
    const payload = productPayload(product, departmentId);
    const hash = payloadHash(payload);
    if (binding?.storeId && binding.payloadHash === hash && !binding.hidden) {
      counts.unchanged += 1;
      unchanged.push(key);
      decisions.set(product.codprod, { kind: 'done' });
      continue;
    }
    decisions.set(product.codprod, { kind: 'send', payload, storeId: binding?.storeId ?? null, hash });
  }
  if (unchanged.length > 0) await data.pendings.resolve(PRODUCT_ENTITY, unchanged);
  const toSend = products.filter((p) => decisions.get(p.codprod)?.kind === 'send');
  const codes = toSend.map((p) => p.codprod);
  const prices = new Map(
    (codes.length ? await data.catalogue.prices(codes) : []).map((p) => [p.codprod, p.price]),
  );
  const stock = new Map(
    (codes.length ? await data.catalogue.stock(codes) : []).map((s) => [s.codprod, s.offered]),
  );
  for (const product of toSend) {
    if (context.signal.aborted) break;
    const decision = decisions.get(product.codprod) as Extract<Decision, { kind: 'send' }>;
    if (
      await sendOne(
        context,
        bindings,
        product,
        decision,
        prices.get(product.codprod) ?? null,
        stock.get(product.codprod) ?? 0,
      )
    )
      decisions.set(product.codprod, { kind: 'done' });
  }
  for (const [codprod, decision] of decisions) if (decision.kind === 'done') handled.add(codprod);
  return handled;
};

/** One create or update. Returns false when the product stays queued (no budget left for it). */
const sendOne = async (
  context: JobContext,
  bindings: BindingAccess,
  product: WinthorProduct,
  decision: Extract<Decision, { kind: 'send' }>,
  price: number | null,
  quantity: number,
): Promise<boolean> => {
  const { data, store, counts, branch } = context;
  const key = String(product.codprod);
  const label = `Produto ${product.codprod}`;
  if (decision.storeId === null && price === null) {
    counts.failed += 1;
    await data.pendings.record({
      entity: PRODUCT_ENTITY,
      erpKey: key,
      kind: 'sem_preco',
      message: `${label} sem preço de venda na região da filial ${branch.code}: não é criado na loja sem preço.`,
      fix: 'Informe o preço de venda do produto na região de preço da filial (rotina 201) — a coluna é a do parâmetro 4010.',
      params: { codprod: product.codprod, branch: branch.code, create: true },
    });
    return true;
  }
  counts.changed += 1;
  if (!context.mayCall()) {
    counts.starved += 1;
    return false;
  }
  try {
    let storeId = decision.storeId;
    // The payload hashed, with the variant's price and stock: on create, so that a new product costs one
    // call; on update as on create (outside the hash), so that a store that replaces variants on update
    // keeps them right (the update call is inferred, ciashop-api.md).
    const payload = withVariantValues(decision.payload, price, quantity);
    if (storeId !== null) {
      await store.updateProduct(Number(storeId), payload);
    } else {
      storeId = await createOrAdopt(context, product, payload);
    }
    await bindings.save({
      entity: PRODUCT_ENTITY,
      erpKey: key,
      storeId,
      payloadHash: decision.hash,
      hidden: false,
    });
    if (price !== null)
      await bindings.save({
        entity: PRICE_ENTITY,
        erpKey: priceKey(branch.price.tableErpId, product.codprod),
        storeId: null,
        payloadHash: payloadHash(pricePayload(price)),
        hidden: false,
      });
    await bindings.save({
      entity: STOCK_ENTITY,
      erpKey: stockKey(branch.stock.warehouseErpId, product.codprod),
      storeId: null,
      payloadHash: payloadHash(stockPayload(quantity)),
      hidden: false,
    });
    counts.sent += 1;
    await data.pendings.resolve(PRODUCT_ENTITY, [key]);
  } catch (error) {
    await recordItemFailure(context, PRODUCT_ENTITY, key, label, error);
  }
  return true;
};

/**
 * Creates the product; when the store answers 409 (a product with this erpId exists: the integration tables
 * were reinstalled, or another installation created it), the existing one is adopted — bound and updated to
 * this payload — instead of failing on every run (as categories do, ADR 0022).
 */
const createOrAdopt = async (
  context: JobContext,
  product: WinthorProduct,
  payload: ProductInput,
): Promise<string> => {
  try {
    return String((await context.store.createProduct(payload)).id);
  } catch (error) {
    if (!(error instanceof StoreError) || error.kind !== 'conflict') throw error;
    const existing = await context.store.findProductByErpId(String(product.codprod));
    if (!existing) throw error;
    context.log('info', `Produto ${product.codprod} já existia na loja (id ${existing.id}): vinculado.`);
    await context.store.updateProduct(existing.id, payload);
    return String(existing.id);
  }
};
