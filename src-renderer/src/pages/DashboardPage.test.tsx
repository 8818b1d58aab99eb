import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSyncServer } from '../test/fake-sync-server';
import { renderWithProviders } from '../test/render';
import { DashboardPage } from './DashboardPage';
import type * as Transport from '../api/transport';

const notify = vi.hoisted(() => vi.fn());
const hide = vi.hoisted(() => vi.fn());
vi.mock('@mantine/notifications', () => ({ notifications: { show: notify, hide } }));

const server = vi.hoisted(() => ({ current: undefined as unknown as FakeSyncServer }));
vi.mock('../api/transport', async (original) => ({
  ...(await original<typeof Transport>()),
  call: (method: string, input: Record<string, unknown>) => server.current.call(method, input),
  subscribe: (event: string, callback: () => void) => server.current.subscribe(event, callback),
}));

vi.setConfig({ testTimeout: 30_000 });

beforeEach(() => {
  server.current = new FakeSyncServer();
  notify.mockClear();
  hide.mockClear();
});

describe('Painel: the engine card', () => {
  it('the main "Executar agora" says which runs started, with their numbers', async () => {
    server.current.runAnswer = () => ({
      started: [
        { branch: '1', job: 'orders', runId: 7 },
        { branch: '1', job: 'stock', runId: 8 },
      ],
      alreadyRunning: [{ branch: '2', job: 'prices', runId: 5 }],
      refused: [],
    });
    const user = userEvent.setup();
    renderWithProviders(<DashboardPage />);
    await user.click(await screen.findByRole('button', { name: 'Executar agora' }));
    await waitFor(() =>
      expect(notify).toHaveBeenCalledWith(
        expect.objectContaining({
          message:
            'Executar agora: 2 execução(ões) iniciada(s) — Pedido (filial 1) nº 7, Estoque (filial 1) nº 8. 1 já em execução — Preço (filial 2) nº 5.',
        }),
      ),
    );
    // Every branch and job: no branch or job in the call.
    expect(server.current.calls.find(([method]) => method === 'sync.run')?.[1]).toEqual({});
  });

  it('clicked again, the main "Executar agora" replaces its notice instead of stacking another', async () => {
    server.current.runAnswer = () => ({
      started: [{ branch: '1', job: 'orders', runId: 7 }],
      alreadyRunning: [],
      refused: [],
    });
    const user = userEvent.setup();
    renderWithProviders(<DashboardPage />);
    const button = await screen.findByRole('button', { name: 'Executar agora' });
    await user.click(button);
    await waitFor(() => expect(notify).toHaveBeenCalledTimes(1));
    await user.click(button);
    await waitFor(() => expect(notify).toHaveBeenCalledTimes(2));
    const ids = notify.mock.calls.map(([notice]) => (notice as { id?: string }).id);
    expect(ids[0]).toBeDefined();
    expect(ids[1]).toBe(ids[0]);
    // The earlier notice is hidden before the new one shows (Mantine ignores a second show of a live id).
    expect(hide).toHaveBeenNthCalledWith(2, ids[0]);
    expect(hide.mock.invocationCallOrder[1]).toBeLessThan(notify.mock.invocationCallOrder[1]!);
  });

  it('the state is told once, in the UI’s language (no "Em execução" beside the badge)', async () => {
    renderWithProviders(<DashboardPage />);
    expect(await screen.findByTestId('engine-state')).toHaveTextContent('Em execução');
    expect(screen.queryByTestId('engine-summary')).toBeNull();
    expect(screen.getAllByText('Em execução')).toHaveLength(1);
  });

  it('on the demo, links the demo store’s page', async () => {
    server.current.demoStoreUrl = 'http://127.0.0.1:4567/__sandbox/loja';
    renderWithProviders(<DashboardPage />);
    expect(await screen.findByRole('link', { name: 'Loja de demonstração' })).toHaveAttribute(
      'href',
      'http://127.0.0.1:4567/__sandbox/loja',
    );
  });
});
