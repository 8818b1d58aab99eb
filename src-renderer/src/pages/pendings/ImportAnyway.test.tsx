import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupI18n } from '../../i18n';
import { fakeAnswer } from '../../test/fake-answer';
import { renderWithProviders } from '../../test/render';
import { atPath } from '../../test/router';
import { PendingsPage } from './PendingsPage';
import type * as Transport from '../../api/transport';

vi.mock('@mantine/notifications', () => ({ notifications: { show: vi.fn() } }));
const call = vi.hoisted(() => vi.fn());
vi.mock('../../api/transport', async (original) => ({ ...(await original<typeof Transport>()), call }));

const row = (id: number, key: string, patch = {}) => ({
  id,
  entity: 'order',
  branch: '1',
  key,
  kind: 'possivel_duplicado',
  message: `Pedido ${key}: possível pedido duplicado — já existe no WinThor com o mesmo número do pedido na loja (NUMPEDCLI), RCA e cliente: é o pedido 880077 do WinThor. Não foi gravado de novo.`,
  fix: 'Confira o pedido 880077 do WinThor no WinThor.',
  messageRef: { key: 'pending.possivel_duplicado', params: {} },
  params: { storeOrderId: key, numped: 880077, winthorOrder: 880077, numpedrca: '-', context: 'numped' },
  attempts: 1,
  nextAttemptAt: null,
  status: 'open' as const,
  createdAt: '2026-12-05T10:00:00.000Z',
  updatedAt: '2026-12-05T11:00:00.000Z',
  ignoreReason: null,
  ignoredBy: null,
  ignoredAt: null,
  resolvedAt: null,
  links: [{ type: 'storeOrder' as const, value: key }],
  ...patch,
});

let resolved = false;
/** What pendings.importAnyway and the history answer (a case may change them). */
let runs: { started: unknown[]; alreadyRunning: unknown[]; refused: unknown[] };
let resolution: { message: string | null } = {
  message: 'Pedido 900010 gravado para importação no WinThor (NUMPEDRCA 7).',
};
const event = (action: 'failed' | 'import_anyway' | 'resolved', message: string | null = null) => ({
  at: '2026-12-05T11:00:00.000Z',
  action,
  kind: null,
  message,
  actor: null,
});
beforeEach(() => {
  resolved = false;
  runs = { started: [{ branch: '1', job: 'orders', runId: 7 }], alreadyRunning: [], refused: [] };
  resolution = { message: 'Pedido 900010 gravado para importação no WinThor (NUMPEDRCA 7).' };
  call.mockReset();
  call.mockImplementation(async (method: string) => {
    switch (method) {
      case 'settings.get':
        return fakeAnswer('settings.get', { schemaVersion: 2, branches: [{ code: '1', name: 'Matriz' }] });
      case 'pendings.groups':
        return fakeAnswer('pendings.groups', {
          groups: [{ entity: 'order', kind: 'possivel_duplicado', count: 1 }],
          total: 2,
        });
      case 'pendings.list':
        return fakeAnswer('pendings.list', {
          items: [
            row(30, '900010'),
            row(31, '900011', {
              kind: 'sem_mapa_cobranca',
              message: 'Pedido 900011: cobrança "pix" sem mapeamento.',
              params: {},
            }),
            row(32, '900012', { status: 'resolved' }),
          ],
          nextBeforeId: null,
        });
      case 'pendings.importAnyway':
        return fakeAnswer('pendings.importAnyway', {
          storeOrderId: '900010',
          runs: runs as never,
          note: null,
          noteRef: null,
        });
      case 'pendings.history': {
        // The orders job resolves it a moment after the decision.
        const status = resolved ? 'resolved' : 'open';
        resolved = true;
        const events = [event('failed'), event('import_anyway')];
        if (status === 'resolved') events.push(event('resolved', resolution.message));
        return fakeAnswer('pendings.history', { pending: row(30, '900010', { status }), events });
      }
      default:
        throw new Error(`unexpected ${method}`);
    }
  });
});
afterEach(async () => {
  await setupI18n().changeLanguage('pt-BR');
});

describe('Pendências → "Importar mesmo assim" (ADR 0219)', () => {
  it('is offered only on an open possible duplicate; confirms naming the WinThor order; follows it to resolved', async () => {
    const user = userEvent.setup();
    renderWithProviders(atPath('/monitorar/pendencias', <PendingsPage />));
    const duplicate = await screen.findByTestId('pending-30');
    expect(
      within(screen.getByTestId('pending-31')).queryByRole('button', { name: 'Importar mesmo assim' }),
    ).toBeNull();
    expect(
      within(screen.getByTestId('pending-32')).queryByRole('button', { name: 'Importar mesmo assim' }),
    ).toBeNull();

    await user.click(within(duplicate).getByRole('button', { name: 'Importar mesmo assim' }));
    const dialog = await screen.findByRole('dialog', { name: 'Importar mesmo assim?' });
    expect(dialog).toHaveTextContent('O pedido 900010 da loja parece com o pedido 880077 do WinThor');
    // Cancel writes nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Cancelar' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(call).not.toHaveBeenCalledWith('pendings.importAnyway', expect.anything());

    await user.click(within(duplicate).getByRole('button', { name: 'Importar mesmo assim' }));
    const again = await screen.findByRole('dialog', { name: 'Importar mesmo assim?' });
    await user.click(within(again).getByRole('button', { name: 'Importar mesmo assim' }));
    // The copy the operator was shown goes with the decision (the server refuses it if it changed).
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('pendings.importAnyway', {
        id: 30,
        resembles: { numped: 880077, numpedrca: null },
      }),
    );
    const notice = await screen.findByTestId('import-anyway-notice');
    expect(notice).toHaveTextContent(/^Pedido 900010: decisão registrada/);
    expect(notice).toHaveTextContent('(iniciada agora)');
    await waitFor(
      () =>
        expect(screen.getByTestId('import-anyway-notice')).toHaveTextContent(
          'Pedido 900010 importado mesmo assim: gravado para importação no WinThor; a pendência foi resolvida.',
        ),
      { timeout: 8_000 },
    );
  }, 15_000);

  it('in English: the action, the order it resembles and what is skipped', async () => {
    const user = userEvent.setup();
    await setupI18n().changeLanguage('en');
    renderWithProviders(atPath('/monitorar/pendencias', <PendingsPage />));
    const duplicate = await screen.findByTestId('pending-30');
    await user.click(within(duplicate).getByRole('button', { name: 'Import anyway' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import anyway?' });
    expect(dialog).toHaveTextContent('Store order 900010 looks like WinThor order 880077');
    expect(dialog).toHaveTextContent(
      'Only the guard against duplicate orders is skipped, and only for this order',
    );
  });

  it('found in WinThor: says the store order number matches an order typed there — never "bought the same total again"', async () => {
    const user = userEvent.setup();
    renderWithProviders(atPath('/monitorar/pendencias', <PendingsPage />));
    await user.click(
      within(await screen.findByTestId('pending-30')).getByRole('button', { name: 'Importar mesmo assim' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Importar mesmo assim?' });
    expect(within(dialog).getByTestId('import-anyway-warning')).toHaveTextContent(
      'o número do pedido na loja coincide com um pedido lançado à mão no WinThor',
    );
    expect(dialog).not.toHaveTextContent('comprou');
  });

  it('found in the integration’s own records: warns it is almost surely the same order, import only for different stores', async () => {
    const user = userEvent.setup();
    const base = call.getMockImplementation()!;
    call.mockImplementation(async (method: string, input: unknown) =>
      method === 'pendings.list'
        ? fakeAnswer('pendings.list', {
            items: [
              row(30, '900010', {
                params: {
                  storeOrderId: '900010',
                  winthorOrder: '-',
                  numpedrca: 41,
                  context: 'staged',
                  how: '@pendingPart.duplicateByIntegrator',
                },
              }),
            ],
            nextBeforeId: null,
          })
        : base(method, input),
    );
    renderWithProviders(atPath('/monitorar/pendencias', <PendingsPage />));
    await user.click(
      within(await screen.findByTestId('pending-30')).getByRole('button', { name: 'Importar mesmo assim' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Importar mesmo assim?' });
    expect(within(dialog).getByTestId('import-anyway-warning')).toHaveTextContent(
      'É quase certamente o mesmo pedido',
    );
    expect(within(dialog).getByTestId('import-anyway-warning')).toHaveTextContent(
      'Só importe se forem lojas diferentes',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Importar mesmo assim' }));
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('pendings.importAnyway', {
        id: 30,
        resembles: { numped: null, numpedrca: 41 },
      }),
    );
  });

  it('a run already going: says it is imported by it or the next run; resolved without staging (cancelled): does not say imported', async () => {
    const user = userEvent.setup();
    runs = { started: [], alreadyRunning: [{ branch: '1', job: 'orders', runId: 6 }], refused: [] };
    resolution = { message: null };
    renderWithProviders(atPath('/monitorar/pendencias', <PendingsPage />));
    await user.click(
      within(await screen.findByTestId('pending-30')).getByRole('button', { name: 'Importar mesmo assim' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Importar mesmo assim?' });
    await user.click(within(dialog).getByRole('button', { name: 'Importar mesmo assim' }));
    const notice = await screen.findByTestId('import-anyway-notice');
    expect(notice).toHaveTextContent(
      'Pedido 900010: decisão registrada — a tarefa de pedidos já está em andamento; ele será importado nela ou na próxima execução.',
    );
    expect(notice).not.toHaveTextContent('iniciada agora');
    await waitFor(
      () =>
        expect(screen.getByTestId('import-anyway-notice')).toHaveTextContent(
          'Pedido 900010: a pendência foi resolvida sem importar o pedido (por exemplo, cancelado na loja) — veja o histórico.',
        ),
      { timeout: 8_000 },
    );
    expect(screen.getByTestId('import-anyway-notice')).not.toHaveTextContent('importado mesmo assim');
  }, 15_000);
});
