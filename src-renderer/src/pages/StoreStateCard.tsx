import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StoreBranchState } from '@contract';
import { useApiQuery } from '../api/hooks';
import { ErrorAlert } from '../components/ErrorAlert';

const CIRCUIT_COLORS: Record<StoreBranchState['circuit']['state'], string> = {
  closed: 'green',
  'half-open': 'yellow',
  open: 'red',
};

/** Per branch: is the store reachable (circuit) and how much of the hourly API budget is left. */
export const StoreStateCard = () => {
  const { t } = useTranslation();
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
            {state.data.branches.map((branch) => (
              <Table.Tr key={branch.branch}>
                <Table.Td>
                  {branch.branch} {branch.name && `— ${branch.name}`}
                </Table.Td>
                <Table.Td>
                  {branch.apiRoot ?? <Text c="dimmed">{branch.problem ?? t('dashboard.notConfigured')}</Text>}
                </Table.Td>
                <Table.Td>
                  <Badge color={CIRCUIT_COLORS[branch.circuit.state]} variant="light">
                    {t(`dashboard.circuitState.${branch.circuit.state}`)}
                  </Badge>
                  {branch.circuit.reason && (
                    <Text size="xs" c="dimmed">
                      {branch.circuit.reason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {branch.budget.remaining ?? '—'}
                  {branch.budget.limit !== null && ` / ${branch.budget.limit}`}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
};
