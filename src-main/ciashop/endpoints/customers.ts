import { storePaths } from '../paths';
import { Customer } from '../schemas';
import type { StoreCaller } from '../store-client-types';

export const getCustomer = async (store: StoreCaller, id: number): Promise<Customer> =>
  (
    await store.request({
      method: 'GET',
      path: storePaths.customer(id),
      safety: 'idempotent',
      schema: Customer,
    })
  ).data;

/**
 * CPF/CNPJ with or without punctuation. Without a digit there is nothing to look for: the store would
 * ignore an empty filter and list every customer, so no call is made.
 */
export const findCustomersByDocument = async (store: StoreCaller, document: string): Promise<Customer[]> => {
  const digits = document.replace(/\D/g, '');
  if (!digits) return [];
  const found: Customer[] = [];
  for await (const page of store.pages(storePaths.customers, Customer, { documentID: digits }, 50))
    found.push(...page);
  return found;
};

/** Customers created or changed since a date (YYYY-MM-DD), page by page (the "Clientes" job). */
export const listCustomers = (
  store: StoreCaller,
  options: { minUpdatedAt?: string; pageSize?: number } = {},
): AsyncGenerator<Customer[]> =>
  store.pages(
    storePaths.customers,
    Customer,
    { minUpdatedAt: options.minUpdatedAt },
    options.pageSize ?? 100,
  );
