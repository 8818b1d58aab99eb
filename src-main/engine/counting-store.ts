import type { StoreGateway } from './ports';
import type { RunCounts } from './run-counts';

/** The store as the run sees it: every call counted in the run's storeCalls. */
export const countingStore = (store: StoreGateway, counts: RunCounts): StoreGateway => {
  const count =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      counts.storeCalls += 1;
      return call(...args);
    };
  return {
    storeKey: store.storeKey,
    createDepartment: count(store.createDepartment.bind(store)),
    updateDepartment: count(store.updateDepartment.bind(store)),
    findDepartmentByErpId: count(store.findDepartmentByErpId.bind(store)),
    createProduct: count(store.createProduct.bind(store)),
    findProductByErpId: count(store.findProductByErpId.bind(store)),
    updateProduct: count(store.updateProduct.bind(store)),
    setStock: count(store.setStock.bind(store)),
    setPrice: count(store.setPrice.bind(store)),
    calls: () => store.calls(),
    budget: () => store.budget(),
  };
};
