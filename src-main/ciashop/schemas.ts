import { z } from 'zod';

/**
 * Shapes of what the store sends and receives. Objects are loose (unknown extra fields are kept and
 * tolerated); a missing required field is reported as invalid_response with the field's path.
 *
 * Answer schemas (what the store sends) only CHECK: no defaults, transforms or coercion, so a valid answer
 * is returned as parsed, without a copy (store-client.ts validates, ADR 0206; schemas.test.ts enforces it).
 * Input schemas (what we send) may fill defaults.
 */
const id = z.number().int();
const money = z.number();
const optionalText = z.string().nullish();

export const Department = z.looseObject({
  id,
  name: z.string(),
  description: optionalText,
  sortOrder: z.number().nullish(),
  visible: z.boolean().nullish(),
  parentId: z.number().nullish(),
  erpId: optionalText,
});
export type Department = z.infer<typeof Department>;

export const DepartmentInput = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  sortOrder: z.number().int().optional(),
  visible: z.boolean().optional(),
  parentId: z.number().int().optional(),
  erpId: z.string().optional(),
});
export type DepartmentInput = z.infer<typeof DepartmentInput>;

export const Variant = z.looseObject({
  id: id.optional(),
  erpId: z.string(),
  quantity: z.number().nullish(),
  visible: z.boolean().nullish(),
  weight: z.number().nullish(),
  length: z.number().nullish(),
  width: z.number().nullish(),
  height: z.number().nullish(),
  price: money.nullish(),
  ean: optionalText,
  urlKey: optionalText,
  mainVariant: z.boolean().nullish(),
});
export type Variant = z.infer<typeof Variant>;

export const Product = z.looseObject({
  id,
  name: z.string(),
  erpId: z.string(),
  shortDescription: optionalText,
  blocked: z.boolean().nullish(),
  sortOrder: z.number().nullish(),
  mainDepartmentId: z.number().nullish(),
  variants: z.array(Variant).nullish(),
});
export type Product = z.infer<typeof Product>;

export const VariantInput = z.object({
  erpId: z.string().min(1),
  quantity: z.number().optional(),
  visible: z.boolean().optional(),
  weight: z.number().optional(),
  length: z.number().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  price: z.number().optional(),
  ean: z.string().optional(),
  urlKey: z.string().optional(),
  mainVariant: z.boolean().optional(),
});
export const ProductInput = z.object({
  name: z.string().min(1),
  erpId: z.string().min(1),
  shortDescription: z.string().optional(),
  blocked: z.boolean().optional(),
  sortOrder: z.number().int().optional(),
  mainDepartmentId: z.number().int().optional(),
  variants: z.array(VariantInput).default([]),
});
export type ProductInput = z.input<typeof ProductInput>;

export const StockInput = z.object({ quantity: z.number() });
export const PriceInput = z.object({
  /** Decimal reais, not cents. */
  price: z.number().nonnegative(),
  salePrice: z.number().nonnegative().optional(),
  saleDateStart: z.string().optional(),
  saleDateEnd: z.string().optional(),
});
export type PriceInput = z.infer<typeof PriceInput>;

export const Address = z.looseObject({
  street: optionalText,
  streetNumber: optionalText,
  streetComplement: optionalText,
  district: optionalText,
  city: optionalText,
  state: optionalText,
  country: optionalText,
  zipCode: optionalText,
  reference: optionalText,
  ibgeCode: optionalText,
  recipientName: optionalText,
  main: z.boolean().nullish(),
});

export const Customer = z.looseObject({
  id,
  name: z.string(),
  email: optionalText,
  customerType: optionalText,
  documentType: optionalText,
  documentId: optionalText,
  regionalDocumentType: optionalText,
  regionalDocumentId: optionalText,
  phoneAreaCode: optionalText,
  phoneNumber: optionalText,
  billingAddress: Address.nullish(),
  shippingAddresses: z.array(Address).nullish(),
  createdAt: optionalText,
  updatedAt: optionalText,
});
export type Customer = z.infer<typeof Customer>;

export const OrderItem = z.looseObject({
  variantId: z.number().nullish(),
  /** Inferred: the variant's ERP code (CODPROD), as the sandbox sends it. */
  erpId: optionalText,
  price: money,
  adjustedPrice: money.nullish(),
  quantity: z.number(),
});

export const ShippingMethod = z.looseObject({
  id: z.union([z.number(), z.string()]),
  name: z.string(),
  cost: money.nullish(),
  deliveryDeadline: z.number().nullish(),
});

export const Payment = z.looseObject({
  method: z.string(),
  installments: z.number().nullish(),
  value: money.nullish(),
});

export const Order = z.looseObject({
  id,
  status: z.string(),
  createdAt: optionalText,
  updatedAt: optionalText,
  customerId: z.number().nullish(),
  orderItems: z.array(OrderItem),
  subTotal: money.nullish(),
  shippingMethod: ShippingMethod.nullish(),
  shippingAddress: Address.nullish(),
  billing: z.looseObject({}).nullish(),
  payments: z.array(Payment).nullish(),
  statusProcessed: z.boolean().nullish(),
});
export type Order = z.infer<typeof Order>;

export const OrderStatusUpdate = z.object({
  status: z.string().min(1),
  invoice: z
    .object({
      number: z.string(),
      series: z.string().optional(),
      key: z.string().optional(),
      date: z.string().optional(),
    })
    .optional(),
  tracking: z
    .object({ code: z.string(), url: z.string().optional(), carrier: z.string().optional() })
    .optional(),
});
export type OrderStatusUpdate = z.infer<typeof OrderStatusUpdate>;

/** The error body (seen): `{responseCode, message, errors:[{message, code, moreInfo}]}`. */
export const ErrorBody = z.looseObject({
  responseCode: z.union([z.string(), z.number()]).optional(),
  message: z.string().optional(),
  errors: z
    .array(
      z.looseObject({
        message: z.string().optional(),
        code: z.string().optional(),
        moreInfo: z.string().optional(),
      }),
    )
    .optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
