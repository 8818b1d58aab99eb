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

const pending = (id: number, key: string, patch = {}) => ({
  id,
  entity: 'product',
  branch: '1',
  key,
  kind: 'sem_preco',
  message: `Produto ${key} sem preço de venda na região da filial 1.`,
  fix: 'Informe o preço de venda do produto (rotina 201).',
  messageRef: { key: 'pending.sem_preco', params: { key, branch: '1', codprod: Number(key) } },
  params: { codprod: Number(key) },
  attempts: 3,
  nextAttemptAt: null,
  status: 'open' as const,
  createdAt: '2026-12-05T10:00:00.000Z',
  updatedAt: '2026-12-05T11:00:00.000Z',
  ignoreReason: null,
  ignoredBy: null,
  ignoredAt: null,
  resolvedAt: null,
  links: [{ type: 'codprod' as const, value: key }],
  ...patch,
});

beforeEach(() => {
  call.mockReset();
  call.mockImplementation(async (method: string) => {
    switch (method) {
      case 'settings.get':
        return fakeAnswer('settings.get', { schemaVersion: 2, branches: [{ code: '1', name: 'Matriz' }] });
      case 'pendings.groups':
        return fakeAnswer('pendings.groups', {
          groups: [
            { entity: 'product', kind: 'sem_preco', count: 2 },
            { entity: 'order', kind: 'sem_mapa_cobranca', count: 1 },
          ],
          total: 3,
        });
      case 'pendings.list':
        return fakeAnswer('pendings.list', {
          items: [
            pending(11, '20'),
            pending(10, '21'),
            pending(9, 'PED-7', {
              entity: 'order',
              kind: 'sem_mapa_cobranca',
              message: 'Pedido PED-7: cobrança "pix" sem mapeamento.',
              messageRef: { key: 'pending.sem_mapa_cobranca', params: { key: 'PED-7' } },
              params: {},
              links: [
                { type: 'storeOrder', value: 'PED-7' },
                { type: 'numped', value: '880077' },
              ],
            }),
          ],
          nextBeforeId: null,
        });
      case 'pendings.retry':
        return fakeAnswer('pendings.retry', {
          retried: 2,
          runs: { started: [{ branch: '1', job: 'products', runId: 40 }], alreadyRunning: [], refused: [] },
          note: null,
          noteRef: null,
        });
      case 'pendings.ignore':
        return fakeAnswer('pendings.ignore', { ignored: 1 });
      case 'pendings.history':
        return fakeAnswer('pendings.history', {
          pending: pending(11, '20'),
          events: [
            {
              at: '2026-12-05T10:00:00.000Z',
              action: 'failed',
              kind: 'sem_preco',
              message: 'Produto 20 sem preço',
              actor: null,
            },
            { at: '2026-12-05T10:30:00.000Z', action: 'retry', kind: null, message: null, actor: 'browser' },
          ],
        });
      default:
        throw new Error(`unexpected ${method}`);
    }
  });
});
afterEach(async () => {
  await setupI18n().changeLanguage('pt-BR');
});

describe('Monitorar → Pendências', () => {
  it('groups by kind with counts, links each item, and retries a whole group saying how many', async () => {
    const user = userEvent.setup();
    renderWithProviders(atPath('/monitorar/pendencias?branch=1', <PendingsPage />));
    const group = await screen.findByTestId('pending-group-sem_preco');
    expect(group).toHaveTextContent('Sem preço de venda');
    expect(group).toHaveTextContent('2');
    expect(screen.getByTestId('pending-group-sem_mapa_cobranca')).toHaveTextContent(
      'Cobrança sem mapeamento',
    );
    const order = await screen.findByTestId('pending-9');
    expect(
      within(order)
        .getAllByTestId('pending-link')
        .map((l) => l.textContent),
    ).toEqual(['Pedido na loja PED-7', 'NUMPED 880077']);
    expect(
      within(screen.getByTestId('pending-11')).getByRole('link', { name: 'Ver nos logs' }),
    ).toHaveAttribute('href', '/monitorar/logs?branch=1&text=20');
    await user.click(within(group).getByRole('button', { name: 'Tentar de novo o grupo (2)' }));
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('pendings.retry', {
        group: { branch: '1', status: 'open', kind: 'sem_preco' },
      }),
    );
  });

  it('retries the selected ones, and ignores one only with a reason', async () => {
    const user = userEvent.setup();
    renderWithProviders(atPath('/monitorar/pendencias', <PendingsPage />));
    await user.click(await screen.findByRole('checkbox', { name: 'Selecionar 20' }));
    await user.click(screen.getByRole('checkbox', { name: 'Selecionar 21' }));
    await user.click(screen.getByRole('button', { name: 'Tentar de novo as selecionadas (2)' }));
    await waitFor(() => expect(call).toHaveBeenCalledWith('pendings.retry', { ids: [11, 10] }));

    await user.click(within(screen.getByTestId('pending-11')).getByRole('button', { name: 'Ignorar' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Motivo'), 'x');
    await user.click(within(dialog).getByRole('button', { name: 'Ignorar' }));
    expect(await within(dialog).findByText(/ao menos 3 letras/)).toBeInTheDocument();
    expect(call).not.toHaveBeenCalledWith('pendings.ignore', expect.anything());
    await user.type(within(dialog).getByLabelText('Motivo'), 'Produto fora de linha');
    await user.click(within(dialog).getByRole('button', { name: 'Ignorar' }));
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('pendings.ignore', { ids: [11], reason: 'xProduto fora de linha' }),
    );
  });

  it('shows the history of attempts, and says the messages in English from their keys', async () => {
    const user = userEvent.setup();
    await setupI18n().changeLanguage('en');
    renderWithProviders(atPath('/monitorar/pendencias', <PendingsPage />));
    const row = await screen.findByTestId('pending-11');
    expect(row).toHaveTextContent('Product 20 has no sale price in the price region of branch 1.');
    expect(row).toHaveTextContent('How to fix: Enter the product’s sale price');
    // A kind the UI has no words for keeps the engine's pt-BR text.
    expect(screen.getByTestId('pending-9')).toHaveTextContent('Pedido PED-7: cobrança "pix" sem mapeamento.');
    await user.click(within(row).getByRole('button', { name: 'History' }));
    const history = await screen.findByTestId('pending-history');
    expect(history).toHaveTextContent('Failed attempt');
    expect(history).toHaveTextContent('Retry requested');
    expect(history).toHaveTextContent('browser');
  });
});
