import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeAnswer } from '../../test/fake-answer';
import { renderWithProviders } from '../../test/render';
import { ActivityCharts } from './ActivityCharts';
import type * as Transport from '../../api/transport';

const call = vi.hoisted(() => vi.fn());
vi.mock('../../api/transport', async (original) => ({ ...(await original<typeof Transport>()), call }));

beforeEach(() => {
  call.mockReset();
  call.mockImplementation(async (method: string) => {
    if (method === 'monitor.health')
      return fakeAnswer('monitor.health', {
        level: 'warning',
        summary: '3 pendência(s) aberta(s) esperando correção',
        summaryRef: { key: 'health.pendings', params: { count: 3 } },
      });
    if (method === 'monitor.activity')
      return fakeAnswer('monitor.activity', {
        range: '24h',
        branches: [
          {
            branch: '1',
            name: 'Matriz',
            buckets: Array.from({ length: 24 }, (_, i) => ({
              at: new Date(Date.UTC(2026, 11, 5, i)).toISOString(),
              storeCalls: i === 23 ? 40 : 2,
              errors: i === 22 ? 3 : 0,
              runs: 4,
            })),
            budget: { remaining: 640, limit: 1000 },
            openPendings: [
              { entity: 'product', kind: 'sem_preco', count: 2 },
              { entity: 'product', kind: 'ean_invalido', count: 1 },
            ],
            problem: null,
          },
        ],
      });
    throw new Error(`unexpected ${method}`);
  });
});

describe('Painel: activity per branch', () => {
  it('shows calls and errors over the range, the budget left and open pendências by kind, with the health', async () => {
    renderWithProviders(<ActivityCharts />);
    const card = await screen.findByTestId('activity-1');
    expect(card).toHaveTextContent('Filial 1 — Matriz');
    expect(card).toHaveTextContent('Chamadas à loja: 86');
    expect(card).toHaveTextContent('Erros: 3');
    expect(screen.getByTestId('budget-1')).toHaveTextContent('640/1000');
    expect(card).toHaveTextContent('Sem preço de venda');
    expect(card).toHaveTextContent('EAN inválido');
    expect(await screen.findByTestId('health')).toHaveTextContent(
      'Atenção3 pendência(s) aberta(s) esperando correção',
    );
    expect(call).toHaveBeenCalledWith('monitor.activity', { range: '24h' });
  });
});
