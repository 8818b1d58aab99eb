import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreBranchState } from '@contract';
import { setupI18n } from '../i18n';
import { fakeAnswer } from '../test/fake-answer';
import { renderWithProviders } from '../test/render';
import { StoreStateCard } from './StoreStateCard';
import type * as Transport from '../api/transport';

const server = vi.hoisted(() => ({ branches: [] as unknown[] }));
vi.mock('../api/transport', async (original) => ({
  ...(await original<typeof Transport>()),
  call: vi.fn(async (method: string) => {
    if (method === 'store.state')
      return fakeAnswer('store.state', { branches: server.branches as StoreBranchState[] });
    throw new Error(`unexpected ${method}`);
  }),
}));

const REFUSED =
  'Não foi possível falar com a loja: a conexão foi recusada (GET orders?status[]=PaymentApproved&limit=100&page=1).';

const branch = (code: string, overrides: Partial<StoreBranchState>): StoreBranchState => ({
  branch: code,
  name: `FILIAL ${code}`,
  configured: true,
  apiRoot: 'http://127.0.0.1:39691/api/v1/',
  problem: null,
  circuit: { state: 'closed', reason: null, until: null, consecutiveFailures: 0 },
  budget: { limit: 1000, second: 246, remaining: 754, semantics: 'unknown', blockedUntil: null },
  calls: 3,
  lastCall: { ok: true, reason: null, at: '2026-12-06T03:58:00.000Z' },
  ...overrides,
});

beforeEach(async () => {
  server.branches = [];
  await setupI18n().changeLanguage('pt-BR');
});

describe('Painel → Lojas virtuais: "Conexão"', () => {
  it('says "Com erro" with the reason when the last call was refused, though the circuit is still closed', async () => {
    server.branches = [
      branch('1', {
        circuit: { state: 'closed', reason: null, until: null, consecutiveFailures: 1 },
        lastCall: { ok: false, reason: REFUSED, at: '2026-12-06T03:58:00.000Z' },
      }),
      branch('2', {}),
    ];
    renderWithProviders(<StoreStateCard />);
    const failing = await screen.findByTestId('store-state-1');
    expect(within(failing).getByTestId('connection')).toHaveTextContent('Com erro');
    expect(within(failing).getByTestId('connection-reason')).toHaveTextContent(REFUSED);
    const fine = screen.getByTestId('store-state-2');
    expect(within(fine).getByTestId('connection')).toHaveTextContent('Normal');
    expect(within(fine).queryByTestId('connection-reason')).toBeNull();
  });

  it('keeps "Suspensa" with the breaker\'s reason once the circuit has opened', async () => {
    server.branches = [
      branch('1', {
        circuit: {
          state: 'open',
          reason: REFUSED,
          until: '2026-12-06T04:00:00.000Z',
          consecutiveFailures: 5,
        },
        lastCall: { ok: false, reason: REFUSED, at: '2026-12-06T03:58:00.000Z' },
      }),
    ];
    renderWithProviders(<StoreStateCard />);
    const row = await screen.findByTestId('store-state-1');
    expect(within(row).getByTestId('connection')).toHaveTextContent('Suspensa');
    expect(within(row).getByTestId('connection-reason')).toHaveTextContent(REFUSED);
  });

  it('in English, says the reason in English by its key (a pt-BR reason alone stays pt-BR)', async () => {
    await setupI18n().changeLanguage('en');
    server.branches = [
      branch('1', {
        circuit: { state: 'closed', reason: null, until: null, consecutiveFailures: 1 },
        lastCall: {
          ok: false,
          reason: REFUSED,
          reasonRef: {
            key: 'store.reason.network',
            params: { status: 0, call: 'GET orders?status[]=PaymentApproved&limit=100&page=1' },
          },
          at: '2026-12-06T03:58:00.000Z',
        },
      }),
    ];
    renderWithProviders(<StoreStateCard />);
    const row = await screen.findByTestId('store-state-1');
    expect(within(row).getByTestId('connection-reason')).toHaveTextContent(
      'Could not talk to the store (GET orders?status[]=PaymentApproved&limit=100&page=1): check the store URL',
    );
  });
});
