import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSyncServer, NOW, runCounts } from '../../test/fake-sync-server';
import { renderWithProviders } from '../../test/render';
import { SyncOverviewCards } from './SyncOverviewCards';
import type * as Transport from '../../api/transport';

const notify = vi.hoisted(() => vi.fn());
vi.mock('@mantine/notifications', () => ({ notifications: { show: notify } }));

const server = vi.hoisted(() => ({ current: undefined as unknown as FakeSyncServer }));
vi.mock('../../api/transport', async (original) => ({
  ...(await original<typeof Transport>()),
  call: (method: string, input: Record<string, unknown>) => server.current.call(method, input),
  subscribe: (event: string, callback: () => void) => server.current.subscribe(event, callback),
}));

vi.setConfig({ testTimeout: 30_000 });

beforeEach(() => {
  server.current = new FakeSyncServer();
  notify.mockClear();
});

const jobRow = (branch: string, job: string) => screen.getByTestId(`job-${branch}-${job}`);
const counts = (row: HTMLElement) =>
  ['read', 'sent', 'unchanged', 'deferred', 'failed', 'storeCalls'].map(
    (key) => within(row).getByTestId(`count-${key}`).textContent,
  );

describe('Painel: sync by branch and job', () => {
  it('shows each branch with its budget, and per job the state, last run counts, next run, queue and pendências', async () => {
    renderWithProviders(<SyncOverviewCards enginePaused={false} />);
    const branch1 = await screen.findByTestId('sync-branch-1');
    expect(
      within(branch1).getByRole('heading', { name: /^Filial 1\s*— MATRIZ PORTO ALEGRE$/ }),
    ).toBeVisible();
    expect(within(branch1).getByTestId('budget-left')).toHaveTextContent('940 de 1000');
    expect(within(branch1).getByTestId('backlog-total')).toHaveTextContent('3');
    expect(within(branch1).getByTestId('drain-time')).toHaveTextContent('1 min');
    expect(screen.getByTestId('sync-branch-2')).toBeInTheDocument();

    const stock = jobRow('1', 'stock');
    expect(within(stock).getByTestId('job-state')).toHaveTextContent('Aguardando');
    expect(within(stock).getByText('Parcial')).toBeInTheDocument();
    expect(counts(stock)).toEqual(['12', '10', '0', '1', '1', '10']);
    expect(within(stock).getByText('em 15 minutos')).toBeInTheDocument();
    expect(stock).toHaveTextContent('3'); // queue
    expect(within(stock).getByRole('button', { name: 'Executar agora: Estoque' })).toBeEnabled();

    const orders = jobRow('1', 'orders');
    expect(within(orders).getByTestId('job-state')).toHaveTextContent('Indisponível');
    expect(within(orders).getByText('Disponível em breve')).toBeInTheDocument();
    expect(within(orders).queryByRole('button')).toBeNull();
    // Branch 2 has no schedules: its jobs wait for none.
    expect(within(jobRow('2', 'stock')).getByTestId('job-state')).toHaveTextContent('Sem agendamento');
  });

  it('says "Pausado" while the engine is paused and "Com erro" after a failed run', async () => {
    server.current.jobs.set('1|prices', {
      lastRun: {
        id: 7,
        branch: '1',
        job: 'prices',
        trigger: 'schedule',
        status: 'failed',
        startedAt: NOW.toISOString(),
        finishedAt: NOW.toISOString(),
        counts: runCounts({ read: 3 }),
        message: 'A loja recusou o token (HTTP 401).',
      },
    });
    const { rerender } = renderWithProviders(<SyncOverviewCards enginePaused={false} />);
    await waitFor(() =>
      expect(within(jobRow('1', 'prices')).getByTestId('job-state')).toHaveTextContent('Com erro'),
    );
    expect(within(jobRow('1', 'prices')).getByText('Falhou')).toBeInTheDocument();
    rerender(<SyncOverviewCards enginePaused />);
    expect(within(jobRow('1', 'stock')).getByTestId('job-state')).toHaveTextContent('Pausado');
  });

  it('follows a run started here: progress from the sync.run events, then the finished run with its counts', async () => {
    const user = userEvent.setup();
    renderWithProviders(<SyncOverviewCards enginePaused={false} />);
    await screen.findByTestId('sync-branch-1');
    await user.click(
      within(jobRow('1', 'reconcile')).getByRole('button', { name: 'Executar agora: Reconciliação' }),
    );
    await waitFor(() =>
      expect(notify).toHaveBeenCalledWith(
        expect.objectContaining({ message: 'Reconciliação (filial 1): execução nº 41 iniciada.' }),
      ),
    );
    expect(server.current.calls).toContainEqual(['sync.run', { branch: '1', job: 'reconcile' }]);

    act(() =>
      server.current.emit({ phase: 'started', runId: 41, branch: '1', job: 'reconcile', status: 'running' }),
    );
    act(() =>
      server.current.emit({
        phase: 'progress',
        runId: 41,
        branch: '1',
        job: 'reconcile',
        status: 'running',
        progress: { done: 400, total: 1643 },
      }),
    );
    const row = jobRow('1', 'reconcile');
    await waitFor(() => expect(within(row).getByTestId('job-state')).toHaveTextContent('Em execução'));
    expect(within(row).getByText('400 de 1643')).toBeInTheDocument();
    expect(within(row).getByRole('progressbar')).toBeInTheDocument();

    // The engine records the run, then says it finished: the overview is read again.
    server.current.jobs.set('1|reconcile', {
      lastRun: {
        id: 41,
        branch: '1',
        job: 'reconcile',
        trigger: 'manual',
        status: 'ok',
        startedAt: NOW.toISOString(),
        finishedAt: NOW.toISOString(),
        counts: runCounts({ read: 1643, sent: 12, unchanged: 1631, storeCalls: 12 }),
        message: null,
      },
    });
    act(() =>
      server.current.emit({ phase: 'finished', runId: 41, branch: '1', job: 'reconcile', status: 'ok' }),
    );
    await waitFor(() => expect(within(row).getByTestId('job-state')).toHaveTextContent('Aguardando'));
    await waitFor(() => expect(counts(row)).toEqual(['1643', '12', '1631', '0', '0', '12']));
    expect(within(row).getByText('Concluída')).toBeInTheDocument();
  });

  it('shows the first-sync preview: counts by record and action, store calls, time, samples, and that nothing was sent', async () => {
    const user = userEvent.setup();
    renderWithProviders(<SyncOverviewCards enginePaused={false} />);
    const branch1 = await screen.findByTestId('sync-branch-1');
    await user.click(within(branch1).getByRole('button', { name: 'Prévia da primeira sincronização' }));
    const dialog = await screen.findByRole('dialog', { name: 'Prévia da primeira sincronização — filial 1' });
    expect(within(dialog).getByTestId('preview-nothing-sent')).toHaveTextContent('Nada foi enviado à loja');
    await waitFor(() => expect(within(dialog).getByTestId('preview-store-calls')).toHaveTextContent('580'));
    expect(within(dialog).getByTestId('preview-estimated')).toHaveTextContent('35 min');
    expect(within(dialog).getByTestId('preview-estimated')).toHaveTextContent('a 1000 chamadas por hora');
    const products = within(dialog).getByTestId('preview-products');
    expect(products).toHaveTextContent('Produtos');
    expect(
      within(products)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Produtos', '531', '—', '—', '—', '—', '2']);
    expect(within(dialog).getByTestId('preview-all')).toHaveTextContent('1063');
    await user.click(within(dialog).getByRole('button', { name: /Categorias\s*Criar\s*BEBIDAS/ }));
    expect(within(dialog).getByText(/"name": "BEBIDAS"/)).toBeInTheDocument();
    expect(server.current.calls).toContainEqual(['sync.preview', { branch: '1' }]);
  });
});

describe('Painel in standby (another integrator holds the database)', () => {
  const reason = 'Em espera: outro integrador está ativo neste banco (host SRV, pasta C:\\x, desde 03:57).';

  it('disables every job\'s ▷ saying why, and promises no next run ("em espera" instead of "em 15 minutos")', async () => {
    const user = userEvent.setup();
    renderWithProviders(<SyncOverviewCards enginePaused={false} runBlocked={reason} />);
    const stock = await screen.findByTestId('job-1-stock');
    const run = within(stock).getByRole('button', { name: 'Executar agora: Estoque' });
    expect(run).toBeDisabled();
    expect(run).toHaveAttribute('title', reason);
    expect(within(stock).queryByText('em 15 minutos')).toBeNull();
    expect(within(stock).getByTestId('next-run-standby')).toHaveTextContent('em espera');
    for (const button of within(screen.getByTestId('jobs-1')).getAllByRole('button'))
      expect(button).toBeDisabled();
    await user.click(run);
    expect(server.current.calls.filter(([method]) => method === 'sync.run')).toEqual([]);
  });
});
