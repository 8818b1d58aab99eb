/** In-memory catalogue of the sandbox store: departments, products with variants, stock and prices. */

export interface SandboxDepartment {
  id: number;
  name: string;
  description: string;
  sortOrder: number;
  visible: boolean;
  parentId?: number | null;
  erpId?: string;
}

export interface SandboxVariant {
  id: number;
  erpId: string;
  quantity: number;
  visible: boolean;
  price: number;
  ean?: string;
  [key: string]: unknown;
}

export interface SandboxProduct {
  id: number;
  name: string;
  erpId: string;
  variants: SandboxVariant[];
  [key: string]: unknown;
}

export class CatalogConflict extends Error {}

export interface SandboxPrice {
  price: number;
  salePrice?: number;
  saleDateStart?: string;
  saleDateEnd?: string;
}

/** The catalogue as saved in the sandbox's state file (plain JSON). */
export interface CatalogState {
  nextIds: { department: number; product: number; variant: number };
  departments: SandboxDepartment[];
  products: SandboxProduct[];
  /** [`variantErpId|warehouseErpId`, quantity] */
  stock: Array<[string, number]>;
  /** [`variantErpId|tableErpId`, price] */
  prices: Array<[string, SandboxPrice]>;
}

/** The warehouse and price table whose values are also the variant's own `quantity` and `price`. */
export const DEFAULT_WAREHOUSE = '1';
export const DEFAULT_PRICE_TABLE = '1';

export class SandboxCatalog {
  readonly departments = new Map<number, SandboxDepartment>();
  readonly products = new Map<number, SandboxProduct>();
  private readonly productByErpId = new Map<string, number>();
  private readonly variantByErpId = new Map<string, { productId: number; variant: SandboxVariant }>();
  readonly stock = new Map<string, number>();
  readonly prices = new Map<string, SandboxPrice>();
  /** Warehouses and price tables other than the defaults that received a value (the store page lists them). */
  readonly otherWarehouses = new Set<string>();
  readonly otherPriceTables = new Set<string>();
  private nextDepartmentId = 1;
  private nextProductId = 1;
  private nextVariantId = 1;

  createDepartment(input: Omit<SandboxDepartment, 'id'>): SandboxDepartment {
    const department = { ...input, id: this.nextDepartmentId++ };
    this.departments.set(department.id, department);
    return department;
  }

  createProduct(
    input: Record<string, unknown> & {
      erpId: string;
      name: string;
      variants?: Array<Record<string, unknown>>;
    },
  ): SandboxProduct {
    if (this.productByErpId.has(input.erpId))
      throw new CatalogConflict(`Produto com erpId ${input.erpId} já existe.`);
    const variantsIn = input.variants ?? [];
    for (const variant of variantsIn) {
      if (this.variantByErpId.has(String(variant.erpId)))
        throw new CatalogConflict(`Variação com erpId ${String(variant.erpId)} já existe.`);
    }
    const id = this.nextProductId++;
    const variants: SandboxVariant[] = variantsIn.map((variant) => ({
      ...variant,
      id: this.nextVariantId++,
      erpId: String(variant.erpId),
      quantity: Number(variant.quantity ?? 0),
      visible: variant.visible !== false,
      price: Number(variant.price ?? 0),
    }));
    const product: SandboxProduct = { ...input, id, erpId: input.erpId, name: input.name, variants };
    this.products.set(id, product);
    this.productByErpId.set(product.erpId, id);
    for (const variant of variants) this.variantByErpId.set(variant.erpId, { productId: id, variant });
    return product;
  }

  updateProduct(id: number, input: Record<string, unknown>): SandboxProduct | null {
    const product = this.products.get(id);
    if (!product) return null;
    const { variants, id: _id, erpId: _erpId, ...rest } = input;
    Object.assign(product, rest);
    // Variants named by erpId take the fields sent (visible, ean, dimensions…); ids and erpIds stay, and a
    // variant not sent is left as it is (inferred behaviour: ciashop-api.md marks the update as inferred).
    for (const change of Array.isArray(variants) ? (variants as Array<Record<string, unknown>>) : []) {
      const variant = product.variants.find((v) => v.erpId === String(change.erpId));
      if (!variant) continue;
      const { id: _variantId, erpId: _variantErpId, ...fields } = change;
      Object.assign(variant, fields);
    }
    return product;
  }

  /** A variant's stock in a warehouse; the default warehouse's is also the variant's `quantity`. */
  setStock(variant: SandboxVariant, warehouse: string, quantity: number): void {
    this.stock.set(`${variant.erpId}|${warehouse}`, quantity);
    if (warehouse === DEFAULT_WAREHOUSE) variant.quantity = quantity;
    else this.otherWarehouses.add(warehouse);
  }

  /** A variant's price in a table; the default table's is also the variant's `price`. */
  setPrice(variant: SandboxVariant, table: string, price: SandboxPrice): void {
    this.prices.set(`${variant.erpId}|${table}`, price);
    if (table === DEFAULT_PRICE_TABLE) variant.price = price.price;
    else this.otherPriceTables.add(table);
  }

  /** Everything, as plain JSON for the state file. */
  snapshot(): CatalogState {
    return {
      nextIds: {
        department: this.nextDepartmentId,
        product: this.nextProductId,
        variant: this.nextVariantId,
      },
      departments: [...this.departments.values()],
      products: [...this.products.values()],
      stock: [...this.stock],
      prices: [...this.prices],
    };
  }

  /** Loads a saved catalogue (into an empty one): same ids, and new ids continue after the saved ones. */
  restore(state: CatalogState): void {
    for (const department of state.departments) this.departments.set(department.id, department);
    for (const product of state.products) {
      this.products.set(product.id, product);
      this.productByErpId.set(product.erpId, product.id);
      for (const variant of product.variants)
        this.variantByErpId.set(variant.erpId, { productId: product.id, variant });
    }
    for (const [key, quantity] of state.stock) {
      this.stock.set(key, quantity);
      const warehouse = key.slice(key.lastIndexOf('|') + 1);
      if (warehouse !== DEFAULT_WAREHOUSE) this.otherWarehouses.add(warehouse);
    }
    for (const [key, price] of state.prices) {
      this.prices.set(key, price);
      const table = key.slice(key.lastIndexOf('|') + 1);
      if (table !== DEFAULT_PRICE_TABLE) this.otherPriceTables.add(table);
    }
    // Loops, not Math.max(...ids): a spread of 100k ids can overflow the call stack.
    const after = (ids: Iterable<number>, saved: number) => {
      let next = Math.max(saved, 1);
      for (const id of ids) if (id >= next) next = id + 1;
      return next;
    };
    this.nextDepartmentId = after(this.departments.keys(), state.nextIds.department);
    this.nextProductId = after(this.products.keys(), state.nextIds.product);
    this.nextVariantId = after(
      [...this.variantByErpId.values()].map((entry) => entry.variant.id),
      state.nextIds.variant,
    );
  }

  findProductByErpId(erpId: string): SandboxProduct | null {
    const id = this.productByErpId.get(erpId);
    return id === undefined ? null : (this.products.get(id) ?? null);
  }

  findVariant(erpId: string): SandboxVariant | null {
    return this.variantByErpId.get(erpId)?.variant ?? null;
  }
}
