import type { SandboxCatalog } from '../sandbox-catalog';
import { asObject, bad, notFound, type ResourceRoutes } from './route-kit';

/** `POST variants/{erpId}/warehouses/{warehouse}/inventory` — the absolute stock of a variant. */
export const stockRoutes =
  (catalog: SandboxCatalog): ResourceRoutes =>
  ({ method, parts, body }) => {
    if (parts.length !== 5 || parts[2] !== 'warehouses' || parts[4] !== 'inventory' || method !== 'POST')
      return undefined;
    const variant = catalog.findVariant(parts[1] ?? '');
    const input = asObject(body);
    if (!variant) return notFound(`Variação com erpId ${parts[1]} não encontrada.`);
    if (!input || typeof input.quantity !== 'number') return bad('Campo quantity é obrigatório.');
    catalog.setStock(variant, parts[3] ?? '', input.quantity);
    return {
      status: 200,
      body: { variantErpId: variant.erpId, warehouseErpId: parts[3], quantity: input.quantity },
    };
  };

/** `POST variantsErpId/{erpId}/pricingtablesErpId/{table}/price` — a variant's price in a table. */
export const priceRoutes =
  (catalog: SandboxCatalog): ResourceRoutes =>
  ({ method, parts, body }) => {
    if (parts.length !== 5 || parts[2] !== 'pricingtablesErpId' || parts[4] !== 'price' || method !== 'POST')
      return undefined;
    const variant = catalog.findVariant(parts[1] ?? '');
    const input = asObject(body);
    if (!variant) return notFound(`Variação com erpId ${parts[1]} não encontrada.`);
    if (!input || typeof input.price !== 'number' || input.price < 0)
      return bad('Campo price é obrigatório (reais, decimal).');
    const price = {
      price: input.price,
      ...(typeof input.salePrice === 'number' ? { salePrice: input.salePrice } : {}),
      ...(typeof input.saleDateStart === 'string' ? { saleDateStart: input.saleDateStart } : {}),
      ...(typeof input.saleDateEnd === 'string' ? { saleDateEnd: input.saleDateEnd } : {}),
    };
    catalog.setPrice(variant, parts[3] ?? '', price);
    return { status: 200, body: { variantErpId: variant.erpId, pricingTableErpId: parts[3], ...price } };
  };
