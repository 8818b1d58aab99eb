import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeAnswer } from '../../test/fake-answer';
import { renderWithProviders } from '../../test/render';
import { atPath } from '../../test/router';
import { LogsPage } from './LogsPage';
import type * as Transport from '../../api/transport';

vi.mock('@mantine/notifications', () => ({ notifications: { show: vi.fn() } }));
const call = vi.hoisted(() => vi.fn());
vi.mock('../../api/transport', async (original) => ({
  ...(await original<typeof Transport>()),
  call,
  subscribe: () => () => {},
}));

const line = (id: number, message: string, patch = {}) => ({
  id,
  at: new Date(Date.UTC(2026, 11, 5, 13, id)).toISOString(),
  level: 'info' as const,
  branch: '1',
  entity: 'prices',
  runId: 3,
  message,
  ...patch,
});

beforeEach(() => {
  call.mockReset();
  call.mockImplementation(async (method: string, input: { before?: unknown; filter?: { text?: string } }) => {
    switch (method) {
      case 'settings.get':
        return fakeAnswer('settings.get', { schemaVersion: 2, branches: [{ code: '1', name: 'Matriz' }] });
      case 'logs.list':
        if (input.filter?.text === 'agulha')
          return fakeAnswer('logs.list', {
            lines: [],
            next: { at: '2026-12-01T10:00:00.000Z', id: 5 },
            partial: true,
          });
        return input.before
          ? fakeAnswer('logs.list', { lines: [line(1, 'Preços: início')], next: null, partial: false })
          : fakeAnswer('logs.list', {
              lines: [line(3, 'Produto 7: não enviado', { level: 'warn' }), line(2, 'Preços: enviado')],
              next: { at: line(2, '').at, id: 2 },
              partial: false,
            });
      case 'logs.get':
        return fakeAnswer('logs.get', {
          line: line(3, 'Produto 7: não enviado', { level: 'warn' }),
          details: { erpKey: '7', storeAnswer: { status: 400, kind: 'bad_request' }, token: '••••' },
          run: {
            id: 3,
            branch: '1',
            job: 'prices',
            trigger: 'schedule',
            status: 'partial',
            startedAt: line(1, '').at,
            finishedAt: line(3, '').at,
            counts: { sent: 1, failed: 1 },
            message: null,
          },
        });
      case 'logs.export':
        return fakeAnswer('logs.export', { fileName: 'logs.csv', content: 'a;b', rows: 2, truncated: false });
      default:
        throw new Error(`unexpected ${method}`);
    }
  });
});

describe('Monitorar → Logs', () => {
  it('reads its filters from the address, pages by cursor, and opens a line’s details', async () => {
    const user = userEvent.setup();
    renderWithProviders(atPath('/monitorar/logs?run=3&level=warn', <LogsPage />));
    expect(await screen.findByText('Produto 7: não enviado')).toBeInTheDocument();
    expect(call).toHaveBeenCalledWith('logs.list', { filter: { level: 'warn', runId: 3 }, limit: 50 });
    await user.click(screen.getByRole('button', { name: 'Mais antigas' }));
    expect(await screen.findByText('Preços: início')).toBeInTheDocument();
    expect(screen.getByTestId('log-page')).toHaveTextContent('Página 2');
    await user.click(screen.getByRole('button', { name: 'Mais recentes' }));
    await user.click(await screen.findByText('Produto 7: não enviado'));
    const details = await screen.findByTestId('log-details');
    expect(details).toHaveTextContent('Resposta da loja');
    expect(details).toHaveTextContent('"status": 400');
    expect(details).toHaveTextContent('••••');
    expect(within(details).getByRole('link', { name: 'Ver todas as linhas da execução 3' })).toHaveAttribute(
      'href',
      '/monitorar/logs?run=3',
    );
  });

  it('a text search that stopped short says so and goes on from where it stopped', async () => {
    const user = userEvent.setup();
    renderWithProviders(atPath('/monitorar/logs', <LogsPage />));
    await user.type(await screen.findByLabelText('Texto'), 'agulha');
    await user.click(screen.getByRole('button', { name: 'Filtrar' }));
    expect(await screen.findByTestId('log-partial')).toHaveTextContent('pode haver mais linhas antigas');
    expect(screen.getByTestId('location')).toHaveTextContent('/monitorar/logs?text=agulha');
    await user.click(screen.getByRole('button', { name: 'Continuar a busca em linhas mais antigas' }));
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('logs.list', {
        filter: { text: 'agulha' },
        before: { at: '2026-12-01T10:00:00.000Z', id: 5 },
        limit: 50,
      }),
    );
  });

  it('exports the filtered lines as CSV', async () => {
    const user = userEvent.setup();
    const created = vi.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
    renderWithProviders(atPath('/monitorar/logs?branch=1', <LogsPage />));
    await screen.findByText('Produto 7: não enviado');
    await user.click(screen.getByRole('button', { name: 'Exportar CSV' }));
    await waitFor(() => expect(call).toHaveBeenCalledWith('logs.export', { filter: { branch: '1' } }));
    expect(created).toHaveBeenCalled();
  });
});
