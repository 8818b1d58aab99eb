import type { JobContext } from '../job-context';
import type { StagingResult, StoreOrderRecord } from '../../winthor';
import { isCancelled } from './order-input';
import { ORDER_ENTITY } from './order-entity';

const PAGE = 500;

/**
 * Each record in `state` whose staging WinThor can be asked about, with what WinThor's importer did with it,
 * page by page (PAGE records), until the end or the run's signal.
 */
const forEachStaging = async (
  context: JobContext,
  state: 'staged' | 'rejected',
  visit: (record: StoreOrderRecord, result: StagingResult) => Promise<void>,
): Promise<void> => {
  const data = context.data.orders;
  let afterId = 0;
  for (;;) {
    const page = await data.list([state], afterId, PAGE);
    for (const record of page) {
      if (context.signal.aborted) return;
      if (record.codusur === null || !record.cgccli || !record.openedAt) continue;
      const result = await data.stagingResult({
        numpedrca: record.id,
        codusur: record.codusur,
        cgccli: record.cgccli,
        openedAt: record.openedAt,
      });
      await visit(record, result);
    }
    if (page.length < PAGE) return;
    afterId = page[page.length - 1]!.id;
  }
};

/**
 * What WinThor's importer did with the staged orders: IMPORTADO = 2 → imported (NUMPED kept; the store is
 * told at the end of the run); 3 → rejected, one pendência with WinThor's own reason (OBSERVACAO_PC, header
 * and items) that waits for "reprocessar"; 1 or 4 → still waiting. A header that vanished is said plainly.
 */
export const watchStaged = async (context: JobContext): Promise<void> => {
  await watchRejected(context);
  if (context.signal.aborted) return;
  const data = context.data.orders;
  await forEachStaging(context, 'staged', async (record, result) => {
    if (result.status === 'imported') {
      await data.move(record.id, ['staged'], 'imported', { numped: result.numped });
      context.log('info', `Pedido ${record.storeOrderId} importado pelo WinThor: pedido ${result.numped}.`, {
        order: record.storeOrderId,
        numped: result.numped,
      });
    } else if (result.status === 'rejected') {
      const reason = [
        result.message,
        ...result.itemMessages.map(
          (item) => `item ${item.numseq} (produto ${item.codprod}): ${item.message}`,
        ),
      ]
        .filter(Boolean)
        .join('; ');
      if (isCancelled(record.storeStatus ?? '')) {
        // Cancelled in the store meanwhile: nothing to import, nothing to cancel in WinThor.
        await data.move(record.id, ['staged'], 'cancelled', {
          message: `Rejeitado pelo WinThor: ${reason}`,
        });
        await context.data.pendings.resolve(ORDER_ENTITY, [record.storeOrderId]);
        return;
      }
      await data.move(record.id, ['staged'], 'rejected', { message: reason });
      const message = `Pedido ${record.storeOrderId} rejeitado pelo WinThor: ${reason || 'sem motivo informado (OBSERVACAO_PC vazio)'}.`;
      await context.data.pendings.record({
        entity: ORDER_ENTITY,
        erpKey: record.storeOrderId,
        kind: 'rejeitado_winthor',
        message,
        fix: 'Corrija a causa no WinThor (cliente, produto, crédito, estoque…) e use "reprocessar" nesta pendência: o pedido é gravado de novo para importação, sem duplicar.',
        // WinThor's own reason (OBSERVACAO_PC) is said as WinThor wrote it.
        params: { storeOrderId: record.storeOrderId, reason: reason || '-' },
      });
      context.counts.failed += 1;
      context.log('warn', message, { order: record.storeOrderId });
    } else if (result.status === 'missing') {
      await context.data.pendings.record({
        entity: ORDER_ENTITY,
        erpKey: record.storeOrderId,
        kind: 'staging_ausente',
        message: `Pedido ${record.storeOrderId}: o registro gravado para importação (PCPEDCFV, NUMPEDRCA ${record.id}) não existe mais no WinThor.`,
        fix: 'Verifique com o suporte do WinThor quem removeu o registro; confira se o pedido foi lançado à mão antes de lançá-lo de novo.',
        params: { storeOrderId: record.storeOrderId, numpedrca: record.id },
      });
      context.counts.failed += 1;
    }
  });
};

/**
 * Rejected orders that WinThor's own people reprocessed (IMPORTADO set back from 3 to 1, then imported):
 * the record follows WinThor — back to `staged` while it waits, `imported` with its NUMPED once imported —
 * and the `rejeitado_winthor` pendência closes. Without this the order stayed rejected forever and the
 * store never heard of it.
 */
export const watchRejected = async (context: JobContext): Promise<void> => {
  const data = context.data.orders;
  await forEachStaging(context, 'rejected', async (record, result) => {
    if (result.status === 'imported') {
      if (!(await data.move(record.id, ['rejected'], 'imported', { numped: result.numped, message: null })))
        return;
      await context.data.pendings.resolve(ORDER_ENTITY, [record.storeOrderId]);
      context.counts.changed += 1;
      context.log(
        'info',
        `Pedido ${record.storeOrderId}, antes rejeitado, foi reprocessado e importado pelo WinThor: pedido ${result.numped}.`,
        { order: record.storeOrderId, numped: result.numped },
      );
    } else if (result.status === 'waiting' || result.status === 'processing') {
      if (!(await data.move(record.id, ['rejected'], 'staged', { message: null }))) return;
      await context.data.pendings.resolve(ORDER_ENTITY, [record.storeOrderId]);
      context.counts.changed += 1;
      context.log(
        'info',
        `Pedido ${record.storeOrderId}, antes rejeitado, foi reenviado à importação no próprio WinThor (IMPORTADO = ${result.importado}).`,
        { order: record.storeOrderId },
      );
    }
  });
};
