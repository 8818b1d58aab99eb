import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MessageRef, StoreBranchState } from '@contract';
import { useApiQuery } from '../api/hooks';
import { ErrorAlert } from '../components/ErrorAlert';
import { useServerText } from '../i18n/server-text';

type ConnectionState = StoreBranchState['circuit']['state'] | 'failing';

const CONNECTION_COLORS: Record<ConnectionState, string> = {
  closed: 'green',
  'half-open': 'yellow',
  open: 'red',
  failing: 'red',
};

/**
 * What "Conexão" says: the breaker's state once it has opened, and before that the last call's outcome — a
 * store that refused the connection or timed out is in error now, even if the breaker waits for more failures.
 */
export const connectionOf = (
  branch: StoreBranchState,
): { state: ConnectionState; reason: string | null; reasonRef: MessageRef | null } => {
  if (branch.circuit.state !== 'closed')
    return {
      state: branch.circuit.state,
      reason: branch.circuit.reason,
      // The breaker's reason is the failure that opened it: the last failed call's, when it is that one.
      reasonRef:
        branch.lastCall?.reason === branch.circuit.reason ? (branch.lastCall?.reasonRef ?? null) : null,
    };
  if (branch.lastCall && !branch.lastCall.ok)
    return { state: 'failing', reason: branch.lastCall.reason, reasonRef: branch.lastCall.reasonRef ?? null };
  return { state: 'closed', reason: null, reasonRef: null };
};

/** Per branch: is the store reachable (circuit) and how much of the hourly API budget is left. */
export const StoreStateCard = () => {
  const { t } = useTranslation();
  const { text } = useServerText();
  const state = useApiQuery('store.state', {}, { refetchInterval: 15_000 });
  return (
    <Card withBorder mt="md">
      <Title order={4} mb="sm">
        {t('dashboard.stores')}
      </Title>
      <ErrorAlert error={state.error} />
      {state.data && state.data.branches.length === 0 && <Text c="dimmed">{t('settings.noBranches')}</Text>}
      {state.data && state.data.branches.length > 0 && (
        <Table withTableBorder data-testid="store-state">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.branchCode')}</Table.Th>
              <Table.Th>{t('settings.storeUrl')}</Table.Th>
              <Table.Th>{t('dashboard.circuit')}</Table.Th>
              <Table.Th>{t('dashboard.budget')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {state.data.branches.map((branch) => {
              const connection = connectionOf(branch);
              return (
                <Table.Tr key={branch.branch} data-testid={`store-state-${branch.branch}`}>
                  <Table.Td>
                    {branch.branch} {branch.name && `— ${branch.name}`}
                  </Table.Td>
                  <Table.Td>
                    {branch.apiRoot ?? (
                      <Text c="dimmed">{branch.problem ?? t('dashboard.notConfigured')}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={CONNECTION_COLORS[connection.state]}
                      variant="light"
                      data-testid="connection"
                    >
                      {t(`dashboard.circuitState.${connection.state}`)}
                    </Badge>
                    {connection.reason && (
                      <Text size="xs" c="dimmed" data-testid="connection-reason">
                        {text(connection.reason, connection.reasonRef)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {branch.budget.remaining ?? '—'}
                    {branch.budget.limit !== null && ` / ${branch.budget.limit}`}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
};
