import type { ScheduleJob } from '../../contract';
import type { Job, JobContext } from '../job-context';
import { syncCategories } from './categories-job';
import { PRICE_ENTITY, PRODUCT_ENTITY, STOCK_ENTITY, sendProducts } from './product-sender';
import { runQueueDriven } from './queue-driven';
import { reconcile } from './reconcile-job';
import { sendPrices, sendStock } from './value-sender';

/** Products changed in WinThor: published ones are sent; one that left the e-commerce waits for the reconcile. */
/**
 * Products changed in WinThor: published ones are sent, then their stock and price for this branch (free
 * when the store has them — a hash compare — but needed when another branch of the same store created the
 * product with its own warehouse and table, or when they changed while the product was out of the store).
 * One that left the e-commerce waits for the reconcile.
 */
const productsJob: Job = (context: JobContext) =>
  runQueueDriven(context, PRODUCT_ENTITY, async (codprods) => {
    const rows = await context.data.catalogue.products(codprods);
    const published = rows.filter((row) => row.published);
    const handled = await sendProducts(context, published);
    if (context.signal.aborted) return handled;
    const sent = published.map((row) => row.codprod).filter((code) => handled.has(code));
    await sendStock(context, sent);
    await sendPrices(context, sent);
    const publishedCodes = new Set(published.map((row) => row.codprod));
    const gone = codprods.filter((code) => !publishedCodes.has(code));
    // Not published (or missing): nothing to send now; its open pendência has no cause any more.
    await context.data.pendings.resolve(PRODUCT_ENTITY, gone.map(String));
    for (const code of gone) handled.add(code);
    return handled;
  });

const stockJob: Job = (context) =>
  runQueueDriven(context, STOCK_ENTITY, (codprods) => sendStock(context, codprods));
const pricesJob: Job = (context) =>
  runQueueDriven(context, PRICE_ENTITY, (codprods) => sendPrices(context, codprods));
const categoriesJob: Job = (context) => syncCategories(context);

/** The catalogue jobs, by schedule job (orders, order status and customers: engine/orders/order-jobs.ts). */
export const CATALOGUE_JOBS: Partial<Record<ScheduleJob, Job>> = {
  categories: categoriesJob,
  products: productsJob,
  stock: stockJob,
  prices: pricesJob,
  reconcile,
};
