import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SCHEDULES, type Schedule } from '@contract';
import { FakeSyncServer } from '../../test/fake-sync-server';
import { renderWithProviders } from '../../test/render';
import { SchedulePage } from './SchedulePage';
import type * as Transport from '../../api/transport';

const notify = vi.hoisted(() => vi.fn());
vi.mock('@mantine/notifications', () => ({ notifications: { show: notify } }));

const server = vi.hoisted(() => ({ current: undefined as unknown as FakeSyncServer }));
vi.mock('../../api/transport', async (original) => ({
  ...(await original<typeof Transport>()),
  call: (method: string, input: Record<string, unknown>) => server.current.call(method, input),
  subscribe: (event: string, callback: () => void) => server.current.subscribe(event, callback),
}));

// Mantine under jsdom is slow on a shared machine: each test clicks through several saves.
vi.setConfig({ testTimeout: 30_000 });

beforeEach(() => {
  server.current = new FakeSyncServer();
  notify.mockClear();
});

const open = (path = '/cadastrar/agendamento') =>
  renderWithProviders(
    <MemoryRouter initialEntries={[path]}>
      <SchedulePage />
    </MemoryRouter>,
  );

const row = (id: string) => screen.getByTestId(`schedule-${id}`);
const saved = (): Schedule[] => {
  const saves = server.current.calls.filter(([method]) => method === 'schedules.save');
  return (saves.at(-1)?.[1] as { schedules: Schedule[] }).schedules;
};
const notified = (message: string | RegExp) =>
  waitFor(() =>
    expect(notify).toHaveBeenCalledWith(
      expect.objectContaining({
        message: typeof message === 'string' ? message : (expect.stringMatching(message) as unknown),
      }),
    ),
  );

/** Picks `option` in the Mantine select labelled `label`. */
const choose = async (user: ReturnType<typeof userEvent.setup>, label: string, option: string) => {
  await user.click(screen.getByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
};

describe('Cadastrar → Agendamento', () => {
  it('lists the branch schedules: job, frequency, next run, last result, and the jobs this version does not run', async () => {
    open();
    await waitFor(() => expect(row('stock')).toBeInTheDocument());
    expect(screen.getByRole('combobox', { name: 'Filial' })).toHaveValue('1 — MATRIZ PORTO ALEGRE');
    expect(screen.getAllByRole('row')).toHaveLength(DEFAULT_SCHEDULES.length + 1);
    const stock = within(row('stock'));
    expect(stock.getByText('a cada 15 minutos')).toBeInTheDocument();
    await waitFor(() => expect(stock.getByText('em 15 minutos')).toBeInTheDocument());
    expect(stock.getByText('Parcial')).toBeInTheDocument();
    expect(stock.getByTestId('run-counts')).toHaveTextContent(
      'Lidos 12 · Enviados 10 · Adiados 1 · Falhas 1 · Chamadas à loja 10',
    );
    expect(stock.getByText('1 item(ns) com pendência.')).toBeInTheDocument();
    expect(stock.getByRole('switch')).toBeChecked();

    const orders = within(row('orders'));
    expect(orders.getByText('Disponível em breve')).toBeInTheDocument();
    expect(orders.getByText('Não executa nesta versão')).toBeInTheDocument();
    expect(orders.getByRole('button', { name: 'Executar agora' })).toBeDisabled();
    expect(within(row('reconcile')).getByText('a cada dia')).toBeInTheDocument();
  });

  it('adds a schedule through schedules.save and refuses an interval that is not a whole number from 1', async () => {
    const user = userEvent.setup();
    open();
    await waitFor(() => expect(row('stock')).toBeInTheDocument());
    await choose(user, 'Tipo de agendamento', 'Preço');
    await choose(user, 'Tipo de intervalo', 'Horas');
    const every = screen.getByRole('textbox', { name: 'Intervalo' });
    await user.clear(every);
    await user.type(every, '0');
    await user.click(screen.getByRole('button', { name: 'Adicionar' }));
    expect(await screen.findByText('Intervalo: informe um número inteiro de 1 a 9999.')).toBeInTheDocument();
    expect(server.current.calls.some(([method]) => method === 'schedules.save')).toBe(false);

    await user.clear(every);
    await user.type(every, '2');
    await user.click(screen.getByRole('button', { name: 'Adicionar' }));
    await notified('Agendamento adicionado.');
    expect(saved().at(-1)).toEqual({
      id: 'prices-2',
      job: 'prices',
      enabled: true,
      every: 2,
      unit: 'hours',
      cron: '',
    });
    expect(await screen.findByText('a cada 2 horas')).toBeInTheDocument();
  });

  it('takes a cron expression instead of the interval, and names the fix when it is malformed', async () => {
    const user = userEvent.setup();
    open();
    await waitFor(() => expect(row('stock')).toBeInTheDocument());
    const cron = screen.getByRole('textbox', { name: 'Expressão cron' });
    await user.type(cron, 'todo dia');
    expect(screen.getByRole('textbox', { name: 'Intervalo' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Adicionar' }));
    expect(
      await screen.findByText(
        'Expressão cron: use 5 campos (minuto hora dia mês dia-da-semana), ex.: "*/15 * * * *".',
      ),
    ).toBeInTheDocument();
    await user.clear(cron);
    await user.type(cron, '0 6 * * 1-5');
    await user.click(screen.getByRole('button', { name: 'Adicionar' }));
    await notified('Agendamento adicionado.');
    expect(saved().at(-1)).toMatchObject({ id: 'stock-2', job: 'stock', cron: '0 6 * * 1-5' });
    expect(await screen.findByText('cron 0 6 * * 1-5')).toBeInTheDocument();
  });

  it('edits, disables and removes a row, each saved at once', async () => {
    const user = userEvent.setup();
    open();
    await waitFor(() => expect(row('stock')).toBeInTheDocument());
    await user.click(within(row('stock')).getByRole('button', { name: 'Editar' }));
    const form = screen.getByRole('form', { name: 'Editar agendamento' });
    const every = within(form).getByRole('textbox', { name: 'Intervalo' });
    expect(every).toHaveValue('15');
    await user.clear(every);
    await user.type(every, '20');
    await user.click(within(form).getByRole('button', { name: 'Salvar alteração' }));
    await notified('Agendamento salvo.');
    expect(saved().find((s) => s.id === 'stock')).toMatchObject({
      every: 20,
      unit: 'minutes',
      enabled: true,
    });
    expect(saved()).toHaveLength(DEFAULT_SCHEDULES.length);
    await waitFor(() => expect(screen.getByRole('form', { name: 'Novo agendamento' })).toBeInTheDocument());

    await user.click(within(row('prices')).getByRole('switch'));
    await notified('Agendamento desativado.');
    expect(saved().find((s) => s.id === 'prices')?.enabled).toBe(false);
    await waitFor(() => expect(within(row('prices')).getByText('Desativado')).toBeInTheDocument());

    await user.click(within(row('categories')).getByRole('button', { name: 'Remover' }));
    const confirm = await screen.findByRole('dialog');
    expect(confirm).toHaveTextContent('Remover o agendamento "Categoria — a cada 6 horas"?');
    await user.click(within(confirm).getByRole('button', { name: 'Remover' }));
    await notified('Agendamento removido.');
    expect(saved().map((s) => s.id)).not.toContain('categories');
    await waitFor(() => expect(screen.queryByTestId('schedule-categories')).toBeNull());
  });

  it('"Executar agora" tells the run number, "já em execução" or why it was refused', async () => {
    const user = userEvent.setup();
    open();
    await waitFor(() => expect(row('stock')).toBeInTheDocument());
    await user.click(within(row('stock')).getByRole('button', { name: 'Executar agora' }));
    await notified('Estoque (filial 1): execução nº 41 iniciada.');
    expect(server.current.calls).toContainEqual(['sync.run', { branch: '1', job: 'stock' }]);

    server.current.runAnswer = ({ branch, job }) => ({
      started: [],
      alreadyRunning: [{ branch, job, runId: 41 }],
      refused: [],
    });
    await user.click(within(row('stock')).getByRole('button', { name: 'Executar agora' }));
    await notified('Estoque (filial 1): já em execução (nº 41).');

    server.current.runAnswer = ({ branch, job }) => ({
      started: [],
      alreadyRunning: [],
      refused: [{ branch, job, message: 'Filial 1 está desativada.' }],
    });
    await user.click(within(row('prices')).getByRole('button', { name: 'Executar agora' }));
    await notified('Preço (filial 1): Filial 1 está desativada.');

    server.current.enginePaused = true;
    await user.click(within(row('prices')).getByRole('button', { name: 'Executar agora' }));
    await notified(/O integrador está pausado: nenhuma sincronização começa agora. Clique em "Retomar"/);
  });

  it('in standby because this engine could not renew its lease, the buttons point to the database connection, not "Assumir"', async () => {
    server.current.engine = {
      state: 'standby',
      summary: 'Em espera: sem renovar a posse do banco há 60 s: sincronização parada até o banco responder',
      detail: 'sem renovar a posse do banco há 60 s: sincronização parada até o banco responder',
      detailRef: { key: 'engineState.leaseStale', params: { seconds: 60 } },
      standby: null,
    };
    open();
    await waitFor(() => expect(row('stock')).toBeInTheDocument());
    const button = within(row('stock')).getByRole('button', { name: 'Executar agora' });
    await waitFor(() => expect(button).toBeDisabled());
    expect(button).toHaveAttribute(
      'title',
      'Em espera: sem renovar a posse do banco há 60 s: sincronização parada até o banco responder. Nenhuma sincronização começa neste integrador. Verifique a conexão com o banco do WinThor (rede, servidor, conexões livres): a sincronização volta sozinha quando a posse for renovada.',
    );
    expect(button.getAttribute('title')).not.toContain('Assumir');
  });

  it('offers the default schedules to a branch without any, and keeps the branch in the address', async () => {
    const user = userEvent.setup();
    open('/cadastrar/agendamento?filial=2');
    expect(await screen.findByTestId('no-schedules')).toHaveTextContent(
      'Esta filial não tem agendamentos: nada é sincronizado automaticamente.',
    );
    expect(screen.getByRole('combobox', { name: 'Filial' })).toHaveValue('2 — FILIAL SAO PAULO');
    await user.click(screen.getByRole('button', { name: 'Usar agendamentos padrão' }));
    await notified('Agendamentos padrão aplicados.');
    expect(saved()).toEqual(DEFAULT_SCHEDULES);
    expect(server.current.calls.find(([method]) => method === 'schedules.save')?.[1]).toMatchObject({
      branch: '2',
    });
    await waitFor(() => expect(row('orders')).toBeInTheDocument());

    await choose(user, 'Filial', '1 — MATRIZ PORTO ALEGRE');
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { name: 'Agendamentos da filial 1 — MATRIZ PORTO ALEGRE' }),
      ).toBeVisible(),
    );
  });
});
