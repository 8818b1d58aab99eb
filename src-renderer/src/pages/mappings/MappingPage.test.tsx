import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  Branch,
  defaultSettings,
  planStoreCodeMessage,
  type CodeMapping,
  type MappingKind,
  type Settings,
} from '@contract';
import { ApiCallError } from '../../api/transport';
import { fakeAnswer, fakeError } from '../../test/fake-answer';
import { renderWithProviders } from '../../test/render';
import { MappingPage } from './MappingPage';
import type * as Transport from '../../api/transport';

const notify = vi.hoisted(() => vi.fn());
vi.mock('@mantine/notifications', () => ({ notifications: { show: notify } }));

/** A fake API: the settings, WinThor's lists and the codes seen, and what mappings.save received. */
const server = vi.hoisted(() => ({
  settings: undefined as unknown,
  calls: [] as Array<[string, Record<string, unknown>]>,
  refuseSave: undefined as unknown,
  problem: null as string | null,
}));

const WINTHOR = {
  billing: [
    ['BK', 'BOLETO BANCARIO'],
    ['CART', 'CARTAO DE CREDITO'],
    ['PIX', 'PIX'],
  ],
  plans: [
    ['1', 'A VISTA'],
    ['3', '3X SEM JUROS'],
  ],
  carriers: [
    ['9', 'TRANSPORTADORA RAPIDA SUL'],
    ['11', 'TRANSPORTADORA LOG FACIL'],
  ],
} as const;

const SEEN: Record<MappingKind, Array<[string, string, number]>> = {
  billing: [
    ['Pix', 'Pix', 12],
    ['CreditCard', 'CreditCard', 30],
  ],
  plans: [['3', 'CreditCard', 9]],
  carriers: [['2', 'Correios SEDEX', 7]],
};

const rowsOf = (branch: string, kind: MappingKind): CodeMapping[] =>
  (server.settings as Settings).branches.find((b) => b.code === branch)?.mappings[kind] ?? [];

vi.mock('../../api/transport', async (original) => ({
  ...(await original<typeof Transport>()),
  call: vi.fn(async (method: string, input: Record<string, unknown>) => {
    server.calls.push([method, input]);
    const settings = server.settings as Settings;
    if (method === 'settings.get') return fakeAnswer('settings.get', settings);
    if (method === 'mappings.winthorCodes') {
      const kind = input.kind as MappingKind;
      return fakeAnswer('mappings.winthorCodes', {
        kind,
        table: kind === 'billing' ? 'PCCOB' : kind === 'plans' ? 'PCPLPAG' : 'PCFORNEC',
        codes: WINTHOR[kind].map(([code, description]) => ({
          code,
          description,
          installments: kind === 'plans' ? Number(code) : null,
          days: kind === 'plans' ? 30 : null,
          document: null,
          blocked: code === '11',
        })),
      });
    }
    if (method === 'mappings.storeCodes') {
      const kind = input.kind as MappingKind;
      const rows = rowsOf(input.branch as string, kind);
      return fakeAnswer('mappings.storeCodes', {
        branch: input.branch as string,
        kind,
        source: server.problem ? 'none' : 'store',
        readAt: server.problem ? null : '2026-12-05T12:00:00.000Z',
        orders: server.problem ? 0 : 40,
        problem: server.problem,
        codes: server.problem
          ? []
          : SEEN[kind].map(([code, name, count]) => ({
              code,
              name,
              count,
              lastSeenAt: '2026-11-30T10:00:00.000Z',
              mapped: rows.some((row) => row.storeCode.toLowerCase() === code.toLowerCase()),
            })),
      });
    }
    if (method === 'mappings.save') {
      if (server.refuseSave) throw server.refuseSave;
      const { branch, kind, rows } = input as { branch: string; kind: MappingKind; rows: CodeMapping[] };
      server.settings = {
        ...settings,
        branches: settings.branches.map((b) =>
          b.code === branch ? { ...b, mappings: { ...b.mappings, [kind]: rows } } : b,
        ),
      };
      return fakeAnswer('mappings.save', { rows });
    }
    throw new Error(`unexpected ${method}`);
  }),
}));

const row = (storeCode: string, winthorCode: string, description = '') => ({
  storeCode,
  winthorCode,
  description,
});

beforeEach(() => {
  server.settings = {
    ...defaultSettings(),
    branches: [
      Branch.parse({ code: '1', name: 'Matriz', mappings: { billing: [row('Boleto', 'BK', 'boleto')] } }),
      Branch.parse({ code: '2', name: 'Filial SP', mappings: { billing: [row('Pix', 'GONE')] } }),
    ],
  };
  server.calls = [];
  server.refuseSave = undefined;
  server.problem = null;
  notify.mockClear();
});

const saves = () => server.calls.filter(([method]) => method === 'mappings.save').map(([, input]) => input);

/** Picks an option of a Mantine Select by its visible text. */
const pick = async (user: ReturnType<typeof userEvent.setup>, label: string, option: RegExp) => {
  await user.click(await screen.findByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
};

describe('MappingPage (Cobrança)', () => {
  it('lists the codes seen with no mapping; "Mapear" fills the form and "Adicionar" saves the new row', async () => {
    const user = userEvent.setup();
    renderWithProviders(<MappingPage kind="billing" />);
    const warnings = await screen.findByRole('region', { name: 'Códigos vistos nos pedidos sem mapeamento' });
    expect(await within(warnings).findByText('CreditCard')).toBeInTheDocument();
    expect(within(warnings).getByText('Pix')).toBeInTheDocument();
    expect(within(warnings).getByText(/Lidos de 40 pedido\(s\) aguardando importação/)).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Mapeamentos da filial 1' })).toHaveTextContent(
      'BK — BOLETO BANCARIO',
    );

    await user.click(within(warnings).getByRole('button', { name: 'Mapear Pix' }));
    expect(screen.getByRole('combobox', { name: 'Forma de pagamento na loja' })).toHaveValue('Pix');
    await pick(user, 'Cobrança no WinThor', /^PIX — PIX/);
    await user.click(screen.getByRole('button', { name: 'Adicionar' }));

    await waitFor(() => expect(saves()).toHaveLength(1));
    expect(saves()[0]).toEqual({
      branch: '1',
      kind: 'billing',
      rows: [row('Boleto', 'BK', 'boleto'), row('Pix', 'PIX')],
      // The list the change was made on: refused by the server if another window changed it meanwhile.
      expected: [row('Boleto', 'BK', 'boleto')],
    });
    await waitFor(() => expect(within(warnings).queryByText('Pix')).toBeNull());
    expect(screen.getByRole('table', { name: 'Mapeamentos da filial 1' })).toHaveTextContent('PIX — PIX');
    expect(notify).toHaveBeenCalledWith(expect.objectContaining({ message: 'Mapeamento adicionado.' }));
    expect(screen.getByRole('combobox', { name: 'Forma de pagamento na loja' })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Cobrança no WinThor' })).toHaveValue('');
  });

  it('refuses an empty field and a store code already mapped before calling the API', async () => {
    const user = userEvent.setup();
    renderWithProviders(<MappingPage kind="billing" />);
    const storeCode = await screen.findByRole('combobox', { name: 'Forma de pagamento na loja' });
    await user.click(screen.getByRole('button', { name: 'Adicionar' }));
    expect(await screen.findByText('Obrigatório: Forma de pagamento na loja.')).toBeInTheDocument();
    expect(screen.getByText('Obrigatório: Cobrança no WinThor.')).toBeInTheDocument();

    await user.type(storeCode, ' boleto ');
    await pick(user, 'Cobrança no WinThor', /^CART/);
    await user.click(screen.getByRole('button', { name: 'Adicionar' }));
    expect(
      await screen.findByText(
        'O código "boleto" já está mapeado nesta filial: edite a linha existente em vez de adicionar outra.',
      ),
    ).toBeInTheDocument();
    expect(saves()).toEqual([]);
  });

  it('shows the server’s refusal on the field it names, keeping what was typed', async () => {
    server.refuseSave = new ApiCallError(
      fakeError({
        code: 'unknown_winthor_code',
        message: 'Código no WinThor: cobrança "CART" não existe no WinThor (PCCOB).',
        field: 'rows.1.winthorCode',
        fix: 'Escolha um código da lista do WinThor; se o código ainda não existe, cadastre-o no WinThor antes.',
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<MappingPage kind="billing" />);
    await user.type(
      await screen.findByRole('combobox', { name: 'Forma de pagamento na loja' }),
      'CreditCard',
    );
    await pick(user, 'Cobrança no WinThor', /^CART/);
    await user.click(screen.getByRole('button', { name: 'Adicionar' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('cadastre-o no WinThor antes');
    expect(
      screen.getAllByText('Código no WinThor: cobrança "CART" não existe no WinThor (PCCOB).').length,
    ).toBe(2);
    expect(screen.getByRole('combobox', { name: 'Forma de pagamento na loja' })).toHaveValue('CreditCard');
  });

  it('edits a row and removes one after confirming', async () => {
    const user = userEvent.setup();
    renderWithProviders(<MappingPage kind="billing" />);
    await user.click(await screen.findByRole('button', { name: 'Editar Boleto' }));
    expect(screen.getByRole('form', { name: 'Editar mapeamento de "Boleto"' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Descrição (opcional)' })).toHaveValue('boleto');
    await pick(user, 'Cobrança no WinThor', /^CART/);
    await user.click(screen.getByRole('button', { name: 'Salvar alteração' }));
    await waitFor(() => expect(saves()).toHaveLength(1));
    expect(saves()[0]?.rows).toEqual([row('Boleto', 'CART', 'boleto')]);
    expect(await screen.findByRole('form', { name: 'Novo mapeamento' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Cobrança no WinThor' })).toHaveValue('');

    await user.click(screen.getByRole('button', { name: 'Remover Boleto' }));
    expect(await screen.findByText(/Remover o mapeamento de "Boleto"\?/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Confirmar' }));
    await waitFor(() => expect(saves()).toHaveLength(2));
    expect(saves()[1]?.rows).toEqual([]);
    expect(await screen.findByText('Nenhum mapeamento nesta filial ainda.')).toBeInTheDocument();
  });

  it('an edit begun before the list refreshed stays on its row and is made on the list it began from', async () => {
    const user = userEvent.setup();
    server.settings = {
      ...(server.settings as Settings),
      branches: [
        Branch.parse({
          code: '1',
          name: 'Matriz',
          mappings: { billing: [row('Boleto', 'BK'), row('Pix', 'PIX')] },
        }),
      ],
    };
    const { client } = renderWithProviders(<MappingPage kind="billing" />);
    await user.click(await screen.findByRole('button', { name: 'Editar Pix' }));
    // Another window removed Boleto; this window's list refreshes (any save here invalidates it).
    const before = rowsOf('1', 'billing');
    server.settings = {
      ...(server.settings as Settings),
      branches: [Branch.parse({ code: '1', name: 'Matriz', mappings: { billing: [row('Pix', 'PIX')] } })],
    };
    await client.invalidateQueries({ queryKey: ['settings.get'] });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Editar Boleto' })).toBeNull());
    // The form still names Pix, and its own code is not taken for a duplicate.
    expect(screen.getByRole('form', { name: 'Editar mapeamento de "Pix"' })).toBeInTheDocument();
    await pick(user, 'Cobrança no WinThor', /^CART/);
    server.refuseSave = new ApiCallError({
      code: 'mappings_changed',
      message:
        'Os mapeamentos de cobrança da filial 1 foram alterados em outra janela depois que esta tela os leu; nada foi salvo.',
      fix: 'A lista foi recarregada: confira e refaça a alteração.',
    });
    await user.click(screen.getByRole('button', { name: 'Salvar alteração' }));
    await waitFor(() => expect(saves()).toHaveLength(1));
    // Made on the list the edit began from, which the server compares with what it has.
    expect(saves()[0]).toMatchObject({
      rows: [row('Boleto', 'BK'), row('Pix', 'CART')],
      expected: before,
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('foram alterados em outra janela');
    expect(await screen.findByRole('form', { name: 'Novo mapeamento' })).toBeInTheDocument();
  });

  it('per branch: another branch shows its own rows, and a code gone from WinThor is flagged', async () => {
    const user = userEvent.setup();
    renderWithProviders(<MappingPage kind="billing" />);
    await pick(user, 'Filial', /^2 — Filial SP/);
    const table = await screen.findByRole('table', { name: 'Mapeamentos da filial 2' });
    expect(within(table).getByText('GONE')).toBeInTheDocument();
    expect(within(table).getByText('não existe no WinThor')).toBeInTheDocument();
    await waitFor(() =>
      expect(server.calls).toContainEqual(['mappings.storeCodes', { branch: '2', kind: 'billing' }]),
    );
  });

  it('says why the codes could not be read, and the screen still works by hand', async () => {
    server.problem =
      'A filial 1 não tem a URL e o token da loja configurados: os códigos dos pedidos não podem ser lidos. Configure a loja em Configuração, ou digite os códigos.';
    const user = userEvent.setup();
    renderWithProviders(<MappingPage kind="billing" />);
    expect(await screen.findByText(/não tem a URL e o token da loja configurados/)).toBeInTheDocument();
    await user.type(screen.getByRole('combobox', { name: 'Forma de pagamento na loja' }), 'Dinheiro');
    await pick(user, 'Cobrança no WinThor', /^BK/);
    await user.click(screen.getByRole('button', { name: 'Adicionar' }));
    await waitFor(() => expect(saves()).toHaveLength(1));
  });
});

describe('MappingPage (Plano de Pagamento, Transportadora)', () => {
  it('plans show instalments and days; carriers flag a blocked one', async () => {
    const user = userEvent.setup();
    const { unmount } = renderWithProviders(<MappingPage kind="plans" />);
    expect(await screen.findByRole('heading', { name: 'Plano de Pagamento' })).toBeInTheDocument();
    await user.click(await screen.findByRole('combobox', { name: 'Plano de pagamento no WinThor' }));
    expect(
      await screen.findByRole('option', { name: '3 — 3X SEM JUROS (3 parcela(s), 30 dias)' }),
    ).toBeVisible();
    unmount();

    renderWithProviders(<MappingPage kind="carriers" />);
    const warnings = await screen.findByRole('region', { name: 'Códigos vistos nos pedidos sem mapeamento' });
    expect(await within(warnings).findByText('Correios SEDEX')).toBeInTheDocument();
    await user.click(within(warnings).getByRole('button', { name: 'Mapear 2' }));
    expect(screen.getByRole('combobox', { name: 'Forma de envio na loja' })).toHaveValue('2');
    expect(screen.getByRole('textbox', { name: 'Descrição (opcional)' })).toHaveValue('Correios SEDEX');
    await user.click(screen.getByRole('combobox', { name: 'Transportadora no WinThor' }));
    expect(
      await screen.findByRole('option', { name: '11 — TRANSPORTADORA LOG FACIL · bloqueada no WinThor' }),
    ).toBeInTheDocument();
  });

  it('Plano de Pagamento refuses a code no order carries, with the contract’s message, and saves CreditCard:03 as CreditCard:3', async () => {
    const user = userEvent.setup();
    renderWithProviders(<MappingPage kind="plans" />);
    const storeCode = await screen.findByRole('combobox', { name: 'Parcelas na loja' });
    await pick(user, 'Plano de pagamento no WinThor', /^3 — 3X/);
    // Each format is refused by the contract (plan-store-code.test.ts); here, the screen shows it.
    for (const bad of ['abc', '2x', 'Credit Card:2']) {
      await user.clear(storeCode);
      await user.type(storeCode, bad);
      await user.click(screen.getByRole('button', { name: 'Adicionar' }));
      // The same text the API answers with (contract/mapping-settings.ts).
      expect(await screen.findByText(planStoreCodeMessage(bad))).toBeInTheDocument();
    }
    expect(saves()).toEqual([]);

    await user.clear(storeCode);
    await user.type(storeCode, 'CreditCard:03');
    await user.click(screen.getByRole('button', { name: 'Adicionar' }));
    await waitFor(() => expect(saves()).toHaveLength(1));
    expect(saves()[0]?.rows).toEqual([row('CreditCard:3', '3')]);

    // CreditCard:3 is now mapped: "creditcard:03" is the same code.
    await user.type(storeCode, 'creditcard:03');
    await pick(user, 'Plano de pagamento no WinThor', /^1 — A VISTA/);
    await user.click(screen.getByRole('button', { name: 'Adicionar' }));
    expect(
      await screen.findByText(/O código "creditcard:03" já está mapeado nesta filial/),
    ).toBeInTheDocument();
    expect(saves()).toHaveLength(1);
  }, 20_000);

  it('Transportadora refuses a shipping method mapped under its other form (id or name) to another carrier', async () => {
    (server.settings as Settings).branches[0]!.mappings.carriers = [row('2', '9', 'Correios SEDEX')];
    const user = userEvent.setup();
    renderWithProviders(<MappingPage kind="carriers" />);
    const storeCode = await screen.findByRole('combobox', { name: 'Forma de envio na loja' });
    await user.type(storeCode, 'correios sedex');
    await pick(user, 'Transportadora no WinThor', /^11 — /);
    await user.click(screen.getByRole('button', { name: 'Adicionar' }));
    expect(
      await screen.findByText(
        '"correios sedex" é a mesma forma de envio que "2" (código 2, nome "Correios SEDEX"), já mapeada nesta filial para a transportadora 9: edite aquela linha em vez de mapear a forma de envio duas vezes.',
      ),
    ).toBeInTheDocument();
    expect(saves()).toEqual([]);

    // The same carrier under both forms changes nothing the import does: accepted.
    await pick(user, 'Transportadora no WinThor', /^9 — /);
    await user.click(screen.getByRole('button', { name: 'Adicionar' }));
    await waitFor(() => expect(saves()).toHaveLength(1));
  });
});
