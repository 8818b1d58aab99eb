import { CatalogConflict, type SandboxCatalog } from '../sandbox-catalog';
import { asObject, bad, conflict, notFound, paged, type ResourceRoutes } from './route-kit';

/** `products`: list (or find by `erpId`), create (409 on a known product or variant erpId), get and update. */
export const productRoutes =
  (catalog: SandboxCatalog): ResourceRoutes =>
  ({ method, parts, query, body }) => {
    const idText = parts[1];
    if (parts.length === 1 && method === 'GET') {
      const erpId = query.one('erpId');
      const all =
        erpId !== undefined
          ? [catalog.findProductByErpId(erpId)].filter((p) => p !== null)
          : [...catalog.products.values()];
      return paged(all, query);
    }
    if (parts.length === 1 && method === 'POST') {
      const input = asObject(body);
      if (!input || typeof input.name !== 'string' || typeof input.erpId !== 'string' || !input.erpId)
        return bad('Campos name e erpId são obrigatórios.');
      try {
        return {
          status: 201,
          body: catalog.createProduct(input as Parameters<SandboxCatalog['createProduct']>[0]),
        };
      } catch (error) {
        if (error instanceof CatalogConflict) return conflict(error.message);
        throw error;
      }
    }
    if (parts.length === 2 && (method === 'PUT' || method === 'GET')) {
      const product =
        method === 'PUT'
          ? catalog.updateProduct(Number(idText), asObject(body) ?? {})
          : catalog.products.get(Number(idText));
      return product ? { status: 200, body: product } : notFound(`Produto ${idText} não encontrado.`);
    }
    return undefined;
  };
