import { listOf } from '../answer-check';
import { storePaths } from '../paths';
import { Product, ProductInput } from '../schemas';
import type { StoreCaller } from '../store-client-types';
import { StoreError } from '../store-error';

/** Failures after which a create may have been applied: the product is looked up before trying again. */
const AMBIGUOUS_KINDS = new Set(['timeout', 'network', 'server', 'invalid_response']);

export const findProductByErpId = async (store: StoreCaller, erpId: string): Promise<Product | null> => {
  const { data } = await store.request({
    method: 'GET',
    path: storePaths.products,
    query: { erpId },
    safety: 'idempotent',
    schema: listOf(Product),
  });
  return data.find((product) => product.erpId === erpId) ?? null;
};

/**
 * Creates a product. Not blindly retried: after a time-out, a reset or a 5xx the product may exist, so the
 * erpId is looked up first and the create repeated only when it is not there (ADR 0203). The whole
 * sequence is one held operation: a replaced client is not closed between its calls (ADR 0010).
 */
export const createProduct = async (store: StoreCaller, input: ProductInput): Promise<Product> => {
  const body = ProductInput.parse(input);
  return store.hold(async () => {
    let ambiguousBefore = false;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return (
          await store.request({
            method: 'POST',
            path: storePaths.products,
            body,
            safety: 'create',
            schema: Product,
          })
        ).data;
      } catch (error) {
        // The earlier attempt went through after all (committed after our lookup): the 409 is our product.
        if (ambiguousBefore && error instanceof StoreError && error.kind === 'conflict') {
          const existing = await findProductByErpId(store, body.erpId);
          if (existing) return existing;
          throw error;
        }
        const ambiguous = error instanceof StoreError && AMBIGUOUS_KINDS.has(error.kind) && error.retryable;
        if (!ambiguous || attempt + 1 >= store.maxAttempts) throw error;
        ambiguousBefore = true;
        const existing = await findProductByErpId(store, body.erpId);
        if (existing) return existing;
        await store.backoff(attempt);
      }
    }
  });
};

export const updateProduct = async (
  store: StoreCaller,
  id: number,
  input: ProductInput,
): Promise<Product> => {
  const body = { id, ...ProductInput.parse(input) };
  return (
    await store.request({
      method: 'PUT',
      path: storePaths.product(id),
      body,
      safety: 'idempotent',
      schema: Product,
    })
  ).data;
};
