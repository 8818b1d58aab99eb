import type { ProductInput } from '../../ciashop/schemas';
import type { WinthorProduct } from '../../winthor';

/** A product that cannot be sent, with the pt-BR message and the fix (one pendência). */
export interface ProductProblem {
  kind: string;
  message: string;
  fix: string;
  /** The message's values, for a UI in another language (ADR 0025). */
  params: Record<string, string | number>;
}

/** The name the store shows: the e-commerce name, else its title, else WinThor's DESCRICAO. */
export const productName = (product: WinthorProduct): string =>
  (product.ecommerceName ?? product.ecommerceTitle ?? product.description).trim();

/** What keeps a product out of the store until someone fixes it in WinThor (null = nothing). */
export const productProblem = (product: WinthorProduct): ProductProblem | null => {
  if (!productName(product)) {
    return {
      kind: 'sem_nome',
      message: `Produto ${product.codprod} sem nome (DESCRICAO e nome para e-commerce vazios).`,
      fix: 'Informe a descrição do produto no cadastro de produtos do WinThor (rotina 203).',
      params: { codprod: product.codprod },
    };
  }
  if (product.barcode !== null && product.ean === null) {
    return {
      kind: 'ean_invalido',
      message: `Produto ${product.codprod} sem EAN válido: o código de barras ${product.barcode} tem dígito verificador errado ou tamanho inválido.`,
      fix: 'Corrija o código de barras (CODAUXILIAR) no cadastro do produto (rotina 203) ou deixe-o em branco.',
      params: { codprod: product.codprod, barcode: String(product.barcode) },
    };
  }
  return null;
};

/**
 * The product as the store receives it, without price and stock (each has its own binding and hash, so
 * a price change does not resend the product). The variant is the product itself: erpId = CODPROD.
 */
export const productPayload = (
  product: WinthorProduct,
  departmentStoreId: number | null,
  options: { blocked?: boolean } = {},
): ProductInput => ({
  name: productName(product),
  erpId: String(product.codprod),
  blocked: options.blocked ?? false,
  ...(departmentStoreId !== null ? { mainDepartmentId: departmentStoreId } : {}),
  variants: [
    {
      erpId: String(product.codprod),
      mainVariant: true,
      visible: !(options.blocked ?? false),
      ...(product.ean ? { ean: product.ean } : {}),
      ...(product.grossWeightKg !== null ? { weight: product.grossWeightKg } : {}),
      ...(product.heightM !== null ? { height: product.heightM } : {}),
      ...(product.widthM !== null ? { width: product.widthM } : {}),
      ...(product.lengthM !== null ? { length: product.lengthM } : {}),
    },
  ],
});

/** The create call: the same product with its variant's price and stock, so a new product costs one call. */
export const newProductPayload = (
  product: WinthorProduct,
  departmentStoreId: number | null,
  price: number,
  quantity: number,
): ProductInput => {
  const base = productPayload(product, departmentStoreId);
  return {
    ...base,
    variants: (base.variants ?? []).map((variant) => ({ ...variant, price, quantity })),
  };
};

/** A product update that also carries the variant's price (when known) and stock, like the create call. */
export const withVariantValues = (
  payload: ProductInput,
  price: number | null,
  quantity: number,
): ProductInput => ({
  ...payload,
  variants: (payload.variants ?? []).map((variant) => ({
    ...variant,
    ...(price !== null ? { price } : {}),
    quantity,
  })),
});

/** Binding keys of the per-branch values: a price lives in a price table, stock in a warehouse. */
export const priceKey = (tableErpId: string, codprod: number): string => `${tableErpId}:${codprod}`;
export const stockKey = (warehouseErpId: string, codprod: number): string => `${warehouseErpId}:${codprod}`;

export const pricePayload = (price: number) => ({ price });
export const stockPayload = (quantity: number) => ({ quantity });
