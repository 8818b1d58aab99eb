import { z } from 'zod';
import { Order } from './schemas';

/** An order of a page the store sent that does not have the shape the import needs. */
export interface InvalidStoreOrder {
  /** The store's order id when the item has a usable one. */
  id: number | null;
  /** The first failing field, as a path (`payments[0].method`). */
  field: string;
  /** pt-BR: what is wrong with it. */
  problem: string;
}

/** One page of orders: each item checked on its own, so one malformed order never hides the others. */
export interface OrderPage {
  orders: Order[];
  invalid: InvalidStoreOrder[];
}

/** A page is first read as a list of anything (only the list itself must be a list). */
export const RawOrderItem = z.unknown();

const TYPE_WORDS: Record<string, string> = {
  string: 'texto',
  number: 'número',
  int: 'número inteiro',
  boolean: 'verdadeiro/falso',
  array: 'lista',
  object: 'objeto',
};

const fieldOf = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (out, part) =>
      typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part),
    '',
  ) || '(pedido)';

const received = (value: unknown): string =>
  value === null ? 'nulo' : value === undefined ? 'ausente' : Array.isArray(value) ? 'lista' : typeof value;

const valueAt = (item: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (value, part) =>
      value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[part] : undefined,
    item,
  );

/** pt-BR words for a zod issue: the field and what was expected. */
const describe = (item: unknown, issue: z.core.$ZodIssue): string => {
  if (issue.code === 'invalid_type') {
    const expected = TYPE_WORDS[String(issue.expected)] ?? String(issue.expected);
    return `esperado ${expected}, veio ${received(valueAt(item, issue.path))}`;
  }
  return issue.message;
};

/** Checks one item of a page against the order schema. */
export const checkOrderItem = (
  item: unknown,
): { ok: true; order: Order } | { ok: false; invalid: InvalidStoreOrder } => {
  const parsed = Order.safeParse(item);
  if (parsed.success) return { ok: true, order: item as Order };
  const rawId = item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
  const id = typeof rawId === 'number' && Number.isInteger(rawId) && rawId > 0 ? rawId : null;
  const issue = parsed.error.issues[0]!;
  return { ok: false, invalid: { id, field: fieldOf(issue.path), problem: describe(item, issue) } };
};

/** Splits a page read as unknown items into valid orders and malformed ones. */
export const splitOrderPage = (items: readonly unknown[]): OrderPage => {
  const page: OrderPage = { orders: [], invalid: [] };
  for (const item of items) {
    const checked = checkOrderItem(item);
    if (checked.ok) page.orders.push(checked.order);
    else page.invalid.push(checked.invalid);
  }
  return page;
};
