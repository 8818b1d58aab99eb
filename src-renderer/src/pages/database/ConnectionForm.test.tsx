import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '@contract';
import { renderWithProviders } from '../../test/render';
import { ConnectionForm } from './ConnectionForm';

const call = vi.hoisted(() => vi.fn());
vi.mock('../../api/transport', async (original) => ({
  ...(await original<typeof import('../../api/transport')>()),
  call,
}));
vi.mock('@mantine/notifications', () => ({ notifications: { show: vi.fn() } }));

const database = () => ({
  ...defaultSettings().database,
  oracle: { ...defaultSettings().database.oracle, connectString: 'db:1521/WINT', user: 'WINTHOR' },
});

beforeEach(() => call.mockReset());

describe('ConnectionForm', () => {
  it('drops the test result once a field changes', async () => {
    call.mockResolvedValue({ ok: false, message: 'Conexão recusada.' });
    const user = userEvent.setup();
    renderWithProviders(<ConnectionForm database={database()} />);
    await user.click(screen.getByRole('button', { name: 'Testar conexão' }));
    await waitFor(() => expect(screen.getByTestId('db-test-result')).toHaveTextContent('Conexão recusada.'));
    await user.type(screen.getByLabelText('Endereço do banco (connect string)'), '2');
    expect(screen.queryByTestId('db-test-result')).toBeNull();
  });
});
