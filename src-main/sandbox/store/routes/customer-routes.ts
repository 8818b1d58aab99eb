import type { SandboxCustomer } from '../seed-customers';
import { notFound, paged, type ResourceRoutes } from './route-kit';

/** `customers`: list filtered by `documentId` (digits), `email` and `minUpdatedAt`; get by id. Read-only. */
export const customerRoutes =
  (customers: SandboxCustomer[]): ResourceRoutes =>
  ({ method, parts, query }) => {
    if (parts.length === 1 && method === 'GET') {
      const document = query.one('documentId')?.replace(/\D/g, '');
      const email = query.one('email')?.toLowerCase();
      const since = query.one('minUpdatedAt');
      const found = customers.filter(
        (c) =>
          (!document || c.documentId === document) &&
          (!email || c.email.toLowerCase() === email) &&
          (!since || c.updatedAt >= since),
      );
      return paged(found, query);
    }
    if (parts.length === 2 && method === 'GET') {
      const customer = customers.find((c) => c.id === Number(parts[1]));
      return customer ? { status: 200, body: customer } : notFound(`Cliente ${parts[1]} não encontrado.`);
    }
    return undefined;
  };
