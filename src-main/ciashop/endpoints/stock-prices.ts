import { storePaths } from '../paths';
import { PriceInput } from '../schemas';
import type { StoreCaller } from '../store-client-types';

// Stock and price are absolute values: setting them again is harmless (idempotent).

export const setStock = async (
  store: StoreCaller,
  variantErpId: string,
  warehouseErpId: string,
  quantity: number,
): Promise<void> => {
  await store.request({
    method: 'POST',
    path: storePaths.variantStock(variantErpId, warehouseErpId),
    body: { quantity },
    safety: 'idempotent',
  });
};

export const setPrice = async (
  store: StoreCaller,
  variantErpId: string,
  tableErpId: string,
  price: PriceInput,
): Promise<void> => {
  await store.request({
    method: 'POST',
    path: storePaths.variantPrice(variantErpId, tableErpId),
    body: PriceInput.parse(price),
    safety: 'idempotent',
  });
};
