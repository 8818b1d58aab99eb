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
beforeEach(() => {
  resolved = false;
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
          runs: { started: [{ branch: '1', job: 'orders', runId: 7 }], alreadyRunning: [], refused: [] },
          note: null,
          noteRef: null,
        });
      case 'pendings.history': {
        // The orders job resolves it a moment after the decision.
        const status = resolved ? 'resolved' : 'open';
        resolved = true;
        return fakeAnswer('pendings.history', { pending: row(30, '900010', { status }), events: [] });
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
    await waitFor(() => expect(call).toHaveBeenCalledWith('pendings.importAnyway', { id: 30 }));
    const notice = await screen.findByTestId('import-anyway-notice');
    expect(notice).toHaveTextContent(/^Pedido 900010: decisão registrada/);
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
});
