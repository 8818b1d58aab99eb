/** The pendência entity of an order (its key: the store's order id). */
export const ORDER_ENTITY = 'order';
