import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeAnswer } from '../../test/fake-answer';
import { renderWithProviders } from '../../test/render';
import { ImportAnywayWatch } from './ImportAnywayWatch';
import type * as Transport from '../../api/transport';

const call = vi.hoisted(() => vi.fn());
vi.mock('../../api/transport', async (original) => ({ ...(await original<typeof Transport>()), call }));

const pending = {
  id: 30,
  entity: 'order',
  branch: '1',
  key: '900010',
  kind: 'possivel_duplicado',
  message: 'Pedido 900010: possível pedido duplicado.',
  fix: null,
  messageRef: { key: 'pending.possivel_duplicado', params: {} },
  params: {},
  attempts: 1,
  nextAttemptAt: null,
  status: 'open' as const,
  createdAt: '2026-12-05T10:00:00.000Z',
  updatedAt: '2026-12-05T11:00:00.000Z',
  ignoreReason: null,
  ignoredBy: null,
  ignoredAt: null,
  resolvedAt: null,
  links: [],
};

beforeEach(() => {
  call.mockReset();
  call.mockImplementation(async () => fakeAnswer('pendings.history', { pending, events: [] }));
});

describe('ImportAnywayWatch (ADR 0219)', () => {
  it('stops reading the pendência after its time limit and says so', async () => {
    renderWithProviders(
      <ImportAnywayWatch
        watching={{ id: 30, order: '900010', run: 'started' }}
        onClose={() => {}}
        limitMs={300}
      />,
    );
    expect(await screen.findByTestId('import-anyway-notice')).toHaveTextContent('(iniciada agora)');
    await waitFor(
      () =>
        expect(screen.getByTestId('import-anyway-notice')).toHaveTextContent(
          'Pedido 900010: decisão registrada, ainda não importado; a tela parou de acompanhar depois de 10 minutos — atualize a lista mais tarde.',
        ),
      { timeout: 3_000 },
    );
    const reads = call.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect(call.mock.calls.length).toBe(reads);
  }, 10_000);
});
