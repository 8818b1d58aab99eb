import { createHash } from 'node:crypto';
import type { Customer } from '../../ciashop/schemas';
import { AppError } from '../../shared/app-error';
import type { Job, JobContext } from '../job-context';
import { newCustomerOf, resolveCustomer } from './customer-resolution';
import type { OrderProblem } from './order-input';
import { readCustomer } from './read-customer';
import { pullFrom } from './orders-job';

export const CUSTOMER_ENTITY = 'customer';
/** WTC_STORE_BINDING entity of a store customer: the hash of what was last applied to WinThor. */
const BINDING_ENTITY = 'storeCustomer';
export const CUSTOMERS_CURSOR = 'customers.minUpdatedAt';
const PAGE_SIZE = 100;

const localDate = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** The store's customer as an order's billing block (the same checks and the same WinThor columns). */
const asBilling = (customer: Customer): Record<string, unknown> => ({
  ...(customer.billingAddress ?? {}),
  name: customer.name,
  email: customer.email,
  documentId: customer.documentId,
  regionalDocumentType: customer.regionalDocumentType,
  regionalDocumentId: customer.regionalDocumentId,
  phoneAreaCode: customer.phoneAreaCode,
  phoneNumber: customer.phoneNumber,
});

const hashOf = (billing: Record<string, unknown>): string =>
  createHash('sha256')
    .update(JSON.stringify(Object.entries(billing).sort(([a], [b]) => a.localeCompare(b))))
    .digest('hex');

const applyCustomer = async (context: JobContext, customer: Customer): Promise<void> => {
  const id = String(customer.id);
  const label = `Cliente ${id} da loja`;
  const billing = asBilling(customer);
  const hash = hashOf(billing);
  const binding = (await context.data.bindings.get(BINDING_ENTITY, [id])).get(id);
  if (binding?.payloadHash === hash) {
    context.counts.unchanged += 1;
    return;
  }
  const subject = { kind: 'customer', id } as const;
  const fail = async (problem: OrderProblem) => {
    context.counts.failed += 1;
    await context.data.pendings.record({
      entity: CUSTOMER_ENTITY,
      erpKey: id,
      kind: problem.kind,
      message: problem.message,
      fix: problem.fix,
      params: problem.params,
    });
    context.log('warn', problem.message, { customer: id, kind: problem.kind });
  };
  const read = readCustomer(subject, billing, '');
  if (!read.ok) return fail(read.problem);
  const data = context.data.orders;
  const notes: string[] = [];
  const address = read.customer.billing;
  const existing = await data.findCustomer({
    document: read.customer.document,
    ie: read.customer.company ? read.customer.ie : null,
  });
  let codcli: number;
  if (existing && !data.options().customers.updateExisting) {
    codcli = existing.codcli;
    context.counts.unchanged += 1;
  } else if (existing) {
    try {
      await data.updateCustomer(existing.codcli, newCustomerOf(read.customer, address, notes));
    } catch (error) {
      if (error instanceof AppError && error.code.startsWith('customer_city'))
        return fail({
          kind: 'cidade_desconhecida',
          message: `${label}: ${error.message}`,
          fix: error.fix ?? '',
          params: { id, context: 'customer_detail', detail: error.message, fixDetail: error.fix ?? '' },
        });
      throw error;
    }
    codcli = existing.codcli;
    context.counts.changed += 1;
    context.counts.sent += 1;
  } else {
    const resolved = await resolveCustomer(data, subject, read.customer, address, notes);
    if (!resolved.ok) return fail(resolved.problem);
    codcli = resolved.codcli;
    if (resolved.created) {
      context.counts.changed += 1;
      context.counts.sent += 1;
      context.log('info', `${label}: cliente ${codcli} criado no WinThor.`, { customer: id });
    } else context.counts.unchanged += 1; // an order of the same person created it meanwhile
  }
  if (notes.length) context.log('warn', `${label} gravado com ajustes: ${notes.join(' ')}`);
  await context.data.bindings.save({
    entity: BINDING_ENTITY,
    erpKey: id,
    storeId: String(codcli),
    payloadHash: hash,
    hidden: false,
  });
  await context.data.pendings.resolve(CUSTOMER_ENTITY, [id]);
};

/**
 * "Clientes": customers created or changed in the store (pulled from the cursor minus the overlap) reach
 * WinThor: created when WinThor has no customer with that CPF/CNPJ (and IE), updated only when the
 * settings allow it (`customers.updateExisting`). Bad data becomes the customer's one pendência.
 */
export const customersJob: Job = async (context) => {
  const data = context.data.orders;
  const startedAt = context.now();
  const overlap = data.options().orders.cursorOverlapDays;
  // The first run starts from today: the store's older customers come in with their orders, and reading
  // them all would spend the hour's budget on one job.
  const cursor = (await data.cursor(CUSTOMERS_CURSOR)) ?? localDate(startedAt);
  const minUpdatedAt = pullFrom(cursor, overlap);
  let pages = 0;
  for await (const page of context.data.orderStore.pullCustomers({
    pageSize: PAGE_SIZE,
    ...(minUpdatedAt ? { minUpdatedAt } : {}),
  })) {
    pages += 1;
    context.counts.storeCalls += 1;
    for (const customer of page) {
      if (context.signal.aborted) return;
      context.counts.read += 1;
      await applyCustomer(context, customer);
    }
    context.progress(context.counts.read, null);
    if (!context.mayCall()) {
      // The rest of the hour is kept for orders (ADR 0022): the same period is read again next run.
      context.counts.starved += 1;
      return;
    }
  }
  if (pages === 0) context.counts.storeCalls += 1;
  await data.setCursor(CUSTOMERS_CURSOR, localDate(startedAt));
};
