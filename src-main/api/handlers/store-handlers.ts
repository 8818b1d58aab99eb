import { SECRET_MASK } from '../contract';
import type { HandlerGroup } from '../handlers';
import { testStoreConnection, type ConnectionTestOptions } from '../../ciashop/connection-test';
import type { StoreClientRegistry } from '../../ciashop/store-registry';

export const storeHandlers = (
  stores: StoreClientRegistry,
  testOptions: ConnectionTestOptions = {},
): HandlerGroup<'store.test' | 'store.state'> => ({
  'store.test': async (input) => {
    let url = input.url;
    let token = input.token;
    if (input.branch !== undefined) {
      const saved = stores.branch(input.branch).store;
      if (url === undefined || url.trim() === '') url = saved.url;
      if (token === undefined || token === SECRET_MASK) token = saved.token;
    }
    return testStoreConnection({ url: url ?? '', token: token ?? '' }, testOptions);
  },
  'store.state': async () => ({ branches: stores.states() }),
});
