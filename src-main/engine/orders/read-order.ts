import type { Order } from '../../ciashop/schemas';
import { isValidCep, isValidUf } from './brazil-rules';
import { toCents } from './money';
import type { OrderAddress, OrderInput, OrderLine, OrderProblem } from './order-input';
import { addressOf, num, problem, text } from './order-fields';
import { readCustomer } from './read-customer';

const ORDER_FIX = 'Corrija o pedido na loja (ou o cadastro do cliente) e aguarde a próxima execução.';

const checkAddress = (id: string, address: OrderAddress, field: string): OrderProblem | null => {
  if (!isValidCep(address.zip))
    return {
      kind: 'cep_invalido',
      message: `Pedido ${id}: CEP de entrega inválido "${address.zip}" (${field}.zipCode): são 8 dígitos.`,
      fix: 'Corrija o CEP do endereço de entrega na loja e aguarde a próxima execução.',
      params: { storeOrderId: id, zip: address.zip, field: `${field}.zipCode` },
    };
  if (!isValidUf(address.state))
    return {
      kind: 'uf_invalida',
      message: `Pedido ${id}: UF de entrega inválida "${address.state}" (${field}.state).`,
      fix: 'Corrija a UF (sigla do estado, ex.: SP) do endereço de entrega na loja e aguarde a próxima execução.',
      params: { storeOrderId: id, state: address.state, field: `${field}.state` },
    };
  return null;
};

/**
 * Reads a store order into what the import needs and checks what the store alone can get wrong: items,
 * quantities, SKU codes, the customer's name, CPF/CNPJ check digits, a company's IE, the delivery CEP and
 * UF. Mappings, products, prices and the city are checked against WinThor afterwards.
 */
export const readOrder = (
  order: Order,
): { ok: true; input: OrderInput } | { ok: false; problem: OrderProblem } => {
  const id = String(order.id);
  if (order.orderItems.length === 0)
    return problem({
      kind: 'pedido_sem_itens',
      message: `Pedido ${id} sem itens (orderItems).`,
      fix: ORDER_FIX,
      params: { storeOrderId: id },
    });
  const lines: OrderLine[] = [];
  for (const [index, item] of order.orderItems.entries()) {
    const raw = item as Record<string, unknown>;
    const sku = text(raw.erpId) || text(raw.sku);
    const codprod = Number(sku);
    if (!/^\d{1,6}$/.test(sku) || !Number.isInteger(codprod) || codprod <= 0)
      return problem({
        kind: 'sku_desconhecido',
        message: `Pedido ${id}, item ${index + 1}: SKU "${sku || text(raw.variantId)}" não é um código de produto do WinThor (orderItems[${index}].erpId).`,
        fix: 'Cadastre a variação na loja com o código do produto do WinThor (CODPROD) como código ERP e aguarde a próxima execução.',
        params: {
          storeOrderId: id,
          item: index + 1,
          sku: sku || text(raw.variantId),
          field: `orderItems[${index}].erpId`,
          context: 'notACode',
        },
      });
    if (!(item.quantity > 0))
      return problem({
        kind: 'quantidade_invalida',
        message: `Pedido ${id}, item ${index + 1} (produto ${codprod}): quantidade ${item.quantity} (orderItems[${index}].quantity); só quantidades maiores que zero são importadas.`,
        fix: 'Corrija a quantidade do item na loja (ou cancele o pedido) e aguarde a próxima execução.',
        params: {
          storeOrderId: id,
          item: index + 1,
          codprod,
          quantity: item.quantity,
          field: `orderItems[${index}].quantity`,
        },
      });
    const unitPrice = num(item.adjustedPrice) ?? item.price;
    if (!(unitPrice >= 0))
      return problem({
        kind: 'total_divergente',
        message: `Pedido ${id}, item ${index + 1} (produto ${codprod}): preço ${unitPrice} inválido (orderItems[${index}].price).`,
        fix: ORDER_FIX,
        params: {
          storeOrderId: id,
          item: index + 1,
          codprod,
          price: String(unitPrice),
          field: `orderItems[${index}].price`,
          context: 'itemPrice',
        },
      });
    lines.push({ seq: index + 1, codprod, sku, quantity: item.quantity, unitPrice });
  }
  const billing = (order.billing ?? {}) as Record<string, unknown>;
  const customer = readCustomer({ kind: 'order', id }, billing);
  if (!customer.ok) return customer;
  const shipping = order.shippingAddress as Record<string, unknown> | null | undefined;
  const delivery =
    shipping && text(shipping.zipCode)
      ? addressOf(shipping, customer.customer.name)
      : customer.customer.billing;
  const addressProblem = checkAddress(
    id,
    delivery,
    shipping && text(shipping.zipCode) ? 'shippingAddress' : 'billing',
  );
  if (addressProblem) return { ok: false, problem: addressProblem };
  const payment = order.payments?.[0];
  const freightCents = toCents(num(order.shippingMethod?.cost) ?? 0);
  const itemsCents = lines.reduce((sum, line) => sum + Math.round(line.unitPrice * line.quantity * 100), 0);
  const orderTotal = num((order as Record<string, unknown>).total);
  const paid = order.payments?.length
    ? order.payments.every((p) => num(p.value) !== null)
      ? order.payments.reduce((sum, p) => sum + toCents(p.value ?? 0), 0)
      : null
    : null;
  return {
    ok: true,
    input: {
      id,
      status: order.status,
      createdAt:
        order.createdAt && !Number.isNaN(Date.parse(order.createdAt)) ? new Date(order.createdAt) : null,
      codes: {
        paymentMethod: payment?.method?.trim() || null,
        installments: payment?.installments && payment.installments > 0 ? payment.installments : 1,
        shipping: order.shippingMethod
          ? { id: String(order.shippingMethod.id), name: order.shippingMethod.name }
          : null,
      },
      lines,
      freightCents,
      totalCents: orderTotal !== null ? toCents(orderTotal) : (paid ?? itemsCents + freightCents),
      delivery,
      customer: customer.customer,
    },
  };
};
