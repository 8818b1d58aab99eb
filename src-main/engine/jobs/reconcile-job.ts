import { payloadHash } from '../catalogue/payload-hash';
import { productPayload } from '../catalogue/product-payload';
import type { Job, JobContext } from '../job-context';
import { syncCategories } from './categories-job';
import { recordItemFailure } from './item-errors';
import { pageBindings } from './page-bindings';
import { PRODUCT_ENTITY, sendProducts } from './product-sender';
import { sendPrices, sendStock } from './value-sender';

/** Products per page of the full compare: memory stays flat whatever the catalogue's size. */
export const RECONCILE_PAGE = 500;

/**
 * The reconcile (slow schedule): a streamed full compare of the branch's catalogue with what the store was
 * sent — categories, products, prices and stock, page by page — catching anything the trigger queue missed.
 * It is the only job that concludes something left the e-commerce: such a product is hidden in the store
 * (blocked, variant not visible), never deleted. It leaves the queue to the incremental jobs.
 */
export const reconcile: Job = async (context) => {
  await syncCategories(context, { hideUnpublished: true });
  for await (const page of context.data.catalogue.publishedProductPages(RECONCILE_PAGE)) {
    if (context.signal.aborted) return;
    // The page's bindings are read once for its products, their prices and their stock.
    const bindings = pageBindings(context);
    await sendProducts(context, page, bindings);
    const codprods = page.map((product) => product.codprod);
    await sendPrices(context, codprods, bindings);
    await sendStock(context, codprods, bindings);
    context.progress(context.counts.read, null);
  }
  if (!context.signal.aborted) await hideProductsNotPublished(context);
};

const hideProductsNotPublished = async (context: JobContext): Promise<void> => {
  const { data, store, counts } = context;
  const attempted = new Set<string>();
  for (;;) {
    const batch = (await data.bindings.productsNotPublished(RECONCILE_PAGE + attempted.size)).filter(
      (binding) => !attempted.has(binding.erpKey),
    );
    if (batch.length === 0) return;
    const rows = new Map(
      (await data.catalogue.products(batch.map((b) => Number(b.erpKey)))).map((r) => [String(r.codprod), r]),
    );
    for (const binding of batch) {
      attempted.add(binding.erpKey);
      if (context.signal.aborted) return;
      if (!context.mayCall()) {
        counts.starved += 1;
        return;
      }
      const row = rows.get(binding.erpKey);
      const payload = productPayload(
        row ?? {
          codprod: Number(binding.erpKey),
          description: `Produto ${binding.erpKey}`,
          ecommerceName: null,
          ecommerceTitle: null,
          ean: null,
          barcode: null,
          packaging: '',
          unit: '',
          departmentCode: null,
          sectionCode: null,
          categoryCode: null,
          brandCode: null,
          grossWeightKg: null,
          netWeightKg: null,
          heightM: null,
          widthM: null,
          lengthM: null,
          multiple: null,
          showWithoutStock: false,
          storeId: null,
          lastChange: null,
        },
        null,
        { blocked: true },
      );
      try {
        await store.updateProduct(Number(binding.storeId), payload);
        await data.bindings.save({
          entity: PRODUCT_ENTITY,
          erpKey: binding.erpKey,
          storeId: binding.storeId,
          payloadHash: payloadHash(payload),
          hidden: true,
        });
        await data.pendings.resolve(PRODUCT_ENTITY, [binding.erpKey]);
        counts.hidden += 1;
        counts.sent += 1;
      } catch (error) {
        // A pendência; the next reconcile tries again (the binding still says "visible").
        await recordItemFailure(context, PRODUCT_ENTITY, binding.erpKey, `Produto ${binding.erpKey}`, error);
      }
    }
  }
};
