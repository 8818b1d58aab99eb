/**
 * EVERY path of the store API, relative to the API root `{base}/api/v1/` (ciashop-api.md). When a store's
 * real documentation says otherwise, correct it here and nowhere else. "seen" = seen in public client code
 * calling the live API; "inferred"/"unverified" = our best guess.
 */
const seg = (value: string | number): string => encodeURIComponent(String(value));

export const storePaths = {
  /** Cheap authenticated call used by "Testar conexão" (seen: GET departments). */
  connectionProbe: 'departments',
  departments: 'departments', // seen: GET, POST, PUT (id in body)
  department: (id: number) => `departments/${seg(id)}`, // seen: GET, DELETE
  products: 'products', // seen: GET ?erpId=, POST
  product: (id: number) => `products/${seg(id)}`, // PUT inferred
  /** seen; whether the path takes the variant's ERP id or the store id is unverified (we send the ERP id). */
  variantStock: (variantErpId: string, warehouseErpId: string) =>
    `variants/${seg(variantErpId)}/warehouses/${seg(warehouseErpId)}/inventory`,
  variantPrice: (variantErpId: string, tableErpId: string) =>
    `variantsErpId/${seg(variantErpId)}/pricingtablesErpId/${seg(tableErpId)}/price`, // seen
  customers: 'customers', // seen: GET ?documentID= &email=
  customer: (id: number) => `customers/${seg(id)}`, // seen
  orders: 'orders', // seen: GET ?status[]=…&statusProcessed=false
  order: (id: number) => `orders/${seg(id)}`, // seen
  ordersStatusProcessed: 'orders/statusProcessed', // seen: POST [ids]; 404 on older stores
  /**
   * UNVERIFIED (ADR 0205): no REST call for order status / invoice / tracking has been seen; the legacy SOAP
   * service did it (StatusPedidos). One constant, one client method: fix here once a store documents it.
   */
  orderStatusUpdate: (id: number) => `orders/${seg(id)}/status`,
} as const;
