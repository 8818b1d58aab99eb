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

export class SandboxCatalog {
  readonly departments = new Map<number, SandboxDepartment>();
  readonly products = new Map<number, SandboxProduct>();
  private readonly productByErpId = new Map<string, number>();
  private readonly variantByErpId = new Map<string, { productId: number; variant: SandboxVariant }>();
  readonly stock = new Map<string, number>();
  readonly prices = new Map<
    string,
    { price: number; salePrice?: number; saleDateStart?: string; saleDateEnd?: string }
  >();
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

  findProductByErpId(erpId: string): SandboxProduct | null {
    const id = this.productByErpId.get(erpId);
    return id === undefined ? null : (this.products.get(id) ?? null);
  }

  findVariant(erpId: string): SandboxVariant | null {
    return this.variantByErpId.get(erpId)?.variant ?? null;
  }
}
