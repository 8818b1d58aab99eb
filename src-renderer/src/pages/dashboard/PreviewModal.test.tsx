import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setupI18n } from '../../i18n';
import { renderWithProviders } from '../../test/render';
import { PreviewModal } from './PreviewModal';
import type * as Transport from '../../api/transport';

const call = vi.hoisted(() => vi.fn());
vi.mock('../../api/transport', async (original) => ({ ...(await original<typeof Transport>()), call }));

beforeEach(() => {
  call.mockReset();
  call.mockImplementation(async (method: string) => {
    switch (method) {
      case 'sync.preview':
        throw new Error('Leitura do catálogo falhou: ORA-03113');
      case 'setup.status':
        return { steps: [{ id: 'firstSync', state: 'open' }] };
      case 'app.status':
        return { engine: { state: 'running' } };
      case 'sync.run':
        return { started: [{ branch: '1', job: 'products', runId: 7 }], alreadyRunning: [], refused: [] };
    }
    throw new Error(`unexpected ${method}`);
  });
});

describe('the first-sync preview (ADR 0406)', () => {
  it('a preview that fails still offers "Iniciar primeira sincronização" while step 8 is open', async () => {
    setupI18n('pt-BR');
    renderWithProviders(<PreviewModal branch="1" opened onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText(/ORA-03113/);
    const start = await within(dialog).findByRole('button', { name: 'Iniciar primeira sincronização' });
    await waitFor(() => expect(start).toBeEnabled());
    await userEvent.click(start);
    await within(dialog).findByText(/Primeira sincronização iniciada/);
    expect(call).toHaveBeenCalledWith('sync.run', { branch: '1' });
  });
});
