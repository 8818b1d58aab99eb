import type { WinthorProduct } from '../../winthor';
import { categoryKeysOf } from '../catalogue/category-payload';
import { payloadHash } from '../catalogue/payload-hash';
import {
  newProductPayload,
  priceKey,
  pricePayload,
  productPayload,
  productProblem,
  stockKey,
  stockPayload,
} from '../catalogue/product-payload';
import type { JobContext } from '../job-context';
import { CATEGORY_ENTITY } from './categories-job';
import { recordItemFailure } from './item-errors';

export const PRODUCT_ENTITY = 'product';
export const PRICE_ENTITY = 'price';
export const STOCK_ENTITY = 'stock';

/**
 * Sends published products that changed: an update when the store has the product and its payload
 * differs; a create — with the variant's price and stock in the same call — when it is new. A product
 * whose category is not in the store yet is deferred (a pendência that the next run retries); one with
 * bad data becomes a pendência with the fix. Returns the CODPRODs handled (sent, unchanged, deferred or
 * failed): the caller removes exactly their queue rows.
 */
export const sendProducts = async (
  context: JobContext,
  products: readonly WinthorProduct[],
): Promise<Set<number>> => {
  const { data, store, counts, branch } = context;
  const handled = new Set<number>();
  if (products.length === 0) return handled;
  const keys = products.map((p) => String(p.codprod));
  const bindings = await data.bindings.get(PRODUCT_ENTITY, keys);
  const categories = await data.bindings.get(CATEGORY_ENTITY, [...new Set(products.flatMap(categoryKeysOf))]);
  const departmentOf = (product: WinthorProduct): number | null => {
    for (const key of categoryKeysOf(product)) {
      const binding = categories.get(key);
      if (binding?.storeId && !binding.hidden) return Number(binding.storeId);
    }
    return null;
  };
  const fresh = products.filter((p) => !bindings.get(String(p.codprod))?.storeId).map((p) => p.codprod);
  const prices = new Map((fresh.length ? await data.catalogue.prices(fresh) : []).map((p) => [p.codprod, p]));
  const stock = new Map((fresh.length ? await data.catalogue.stock(fresh) : []).map((s) => [s.codprod, s]));

  for (const product of products) {
    if (context.signal.aborted) break;
    const key = String(product.codprod);
    const label = `Produto ${product.codprod}`;
    counts.read += 1;
    const problem = productProblem(product);
    if (problem) {
      counts.failed += 1;
      await data.pendings.record({ entity: PRODUCT_ENTITY, erpKey: key, ...problem });
      handled.add(product.codprod);
      continue;
    }
    const departmentId = departmentOf(product);
    if (departmentId === null) {
      counts.deferred += 1;
      await data.pendings.record({
        entity: PRODUCT_ENTITY,
        erpKey: key,
        kind: 'aguardando_categoria',
        message: `${label} aguarda o envio da sua categoria (departamento ${product.departmentCode ?? '-'}, seção ${product.sectionCode ?? '-'}) para a loja.`,
        fix: 'A categoria vai na próxima sincronização de categorias. Se não for, confira se o departamento e a seção estão marcados para o e-commerce (ENVIAECOMMERCE = S).',
        params: {
          codprod: product.codprod,
          department: product.departmentCode ?? '-',
          section: product.sectionCode ?? '-',
        },
      });
      handled.add(product.codprod);
      continue;
    }
    const binding = bindings.get(key);
    const payload = productPayload(product, departmentId);
    const hash = payloadHash(payload);
    if (binding?.storeId && binding.payloadHash === hash && !binding.hidden) {
      counts.unchanged += 1;
      await data.pendings.resolve(PRODUCT_ENTITY, [key]);
      handled.add(product.codprod);
      continue;
    }
    const price = prices.get(product.codprod)?.price ?? null;
    if (!binding?.storeId && price === null) {
      counts.failed += 1;
      await data.pendings.record({
        entity: PRODUCT_ENTITY,
        erpKey: key,
        kind: 'sem_preco',
        message: `${label} sem preço de venda na região da filial ${branch.code}: não é criado na loja sem preço.`,
        fix: 'Informe o preço de venda do produto na região de preço da filial (rotina 201) — a coluna é a do parâmetro 4010.',
        params: { codprod: product.codprod, branch: branch.code, create: true },
      });
      handled.add(product.codprod);
      continue;
    }
    counts.changed += 1;
    if (!context.mayCall()) {
      counts.starved += 1;
      continue;
    }
    try {
      if (binding?.storeId) {
        await store.updateProduct(Number(binding.storeId), payload);
        await data.bindings.save({
          entity: PRODUCT_ENTITY,
          erpKey: key,
          storeId: binding.storeId,
          payloadHash: hash,
          hidden: false,
        });
      } else {
        const quantity = stock.get(product.codprod)?.offered ?? 0;
        const created = await store.createProduct(newProductPayload(product, departmentId, price!, quantity));
        await data.bindings.save({
          entity: PRODUCT_ENTITY,
          erpKey: key,
          storeId: String(created.id),
          payloadHash: hash,
          hidden: false,
        });
        await data.bindings.save({
          entity: PRICE_ENTITY,
          erpKey: priceKey(branch.price.tableErpId, product.codprod),
          storeId: null,
          payloadHash: payloadHash(pricePayload(price!)),
          hidden: false,
        });
        await data.bindings.save({
          entity: STOCK_ENTITY,
          erpKey: stockKey(branch.stock.warehouseErpId, product.codprod),
          storeId: null,
          payloadHash: payloadHash(stockPayload(quantity)),
          hidden: false,
        });
      }
      counts.sent += 1;
      await data.pendings.resolve(PRODUCT_ENTITY, [key]);
    } catch (error) {
      await recordItemFailure(context, PRODUCT_ENTITY, key, label, error);
    }
    handled.add(product.codprod);
  }
  return handled;
};
