/**
 * Benchmark of the order import (npm run bench:orders), on the embedded WinThor and the store sandbox:
 *  1. 1,000 orders, no added latency: engine time per order (the run that stages them, store answers on
 *     loopback included) — target < 30 ms — and peak RSS;
 *  2. 1,000 orders with 200 ms latency on every store call, at the store client's configured concurrency:
 *     orders per minute, and store calls per order against the store's hourly budget.
 * Each figure covers the whole cycle: the pull and staging run, WinThor's importer (simulator), and the run
 * that reads the result and acknowledges the orders.
 * Options: --orders 1000   --latency 200
 */
import { goodOrder, newCpf, startOrderHarness } from '../src-main/engine/orders/order-harness.test-support';
import { createTestWinthor } from '../src-main/winthor/test-winthor.test-support';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ORDERS = arg('--orders', 1000);
const LATENCY = arg('--latency', 200);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const scenario = async (latencyMs: number) => {
  const db = await createTestWinthor({ products: 300, customers: 20 });
  const h = await startOrderHarness({ db });
  const customers = Array.from({ length: 200 }, () => newCpf());
  for (let i = 0; i < ORDERS; i++) {
    const order = goodOrder([
      h.products[i % h.products.length]!,
      h.products[(i * 7 + 1) % h.products.length]!,
    ]);
    h.sandbox.injected.add({
      ...order,
      billing: { ...(order.billing as object), documentId: customers[i % customers.length] },
    });
  }
  if (latencyMs > 0) h.sandbox.faults.add({ type: 'latency', ms: latencyMs });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  h.sandbox.resetInspection();
  const started = performance.now();
  const staging = await h.run('orders');
  const stagedMs = performance.now() - started;
  await h.importInWinthor();
  const acknowledging = await h.run('orders');
  const totalMs = performance.now() - started;
  const importCalls = h.sandbox.totalCalls();
  // Status back to the store: confirmed, then invoiced with the NF-e key (one call per order and change).
  const statusStarted = performance.now();
  await h.run('orderStatus');
  await h.importInWinthor(new Date(Date.now() + 10_000));
  await h.run('orderStatus');
  const statusMs = performance.now() - statusStarted;
  clearInterval(sampler);
  const calls = importCalls;
  const statusCalls = h.sandbox.totalCalls() - importCalls;
  const staged = await h.count(`SELECT COUNT(*) AS N FROM PCPEDCFV`);
  const acked = h.sandbox.injected.list().filter((o) => o.statusProcessed).length;
  await h.close();
  return { staging, acknowledging, stagedMs, totalMs, peakRss, calls, staged, acked, statusMs, statusCalls };
};

const main = async () => {
  console.log(`Importação de pedidos — ${ORDERS} pedidos, WinThor embutido + loja sandbox\n`);
  const fast = await scenario(0);
  console.log('1. Sem latência adicional');
  console.log(`   pedidos gravados (PCPEDCFV): ${fast.staged}; confirmados à loja: ${fast.acked}`);
  console.log(
    `   tempo do motor por pedido: ${(fast.stagedMs / ORDERS).toFixed(2)} ms (meta < 30 ms); ciclo completo ${(fast.totalMs / 1000).toFixed(1)} s`,
  );
  console.log(`   pico de memória (RSS): ${mb(fast.peakRss)}`);
  console.log(`   chamadas à loja: ${fast.calls} (${(fast.calls / ORDERS).toFixed(3)} por pedido)\n`);

  const slow = await scenario(LATENCY);
  const perMinute = (ORDERS / slow.totalMs) * 60_000;
  const perOrder = slow.calls / ORDERS;
  console.log(`2. Latência de ${LATENCY} ms em toda chamada à loja (concorrência configurada do cliente: 4)`);
  console.log(`   pedidos gravados: ${slow.staged}; confirmados à loja: ${slow.acked}`);
  console.log(
    `   vazão: ${perMinute.toFixed(0)} pedidos por minuto (ciclo completo ${(slow.totalMs / 1000).toFixed(1)} s)`,
  );
  console.log(
    `   chamadas à loja por pedido: ${perOrder.toFixed(3)} (${slow.calls} chamadas); com o limite de 1000 chamadas/hora, ~${Math.floor(1000 / perOrder)} pedidos por hora cabem no orçamento`,
  );
  console.log(
    `   posição de volta à loja (confirmado, faturado com chave NF-e): ${slow.statusCalls} chamadas (${(slow.statusCalls / ORDERS).toFixed(2)} por pedido) em ${(slow.statusMs / 1000).toFixed(1)} s; com elas, ${((slow.calls + slow.statusCalls) / ORDERS).toFixed(2)} chamadas por pedido → ~${Math.floor(1000 / ((slow.calls + slow.statusCalls) / ORDERS))} pedidos por hora no limite de 1000 chamadas/hora`,
  );
  console.log(
    `   contagens da execução que grava: ${JSON.stringify(slow.staging.counts)}; da que confirma: ${JSON.stringify(slow.acknowledging.counts)}`,
  );
};

await main();
