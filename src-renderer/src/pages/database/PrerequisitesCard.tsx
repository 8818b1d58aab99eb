import { Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DbCheck } from '@contract';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useServerText } from '../../i18n/server-text';

const COLORS: Record<DbCheck['status'], string> = { ok: 'green', warning: 'yellow', error: 'red' };

/** WinThor prerequisites: connection, grants, parameters 2829/4008–4014, integration schema version. */
export const PrerequisitesCard = () => {
  const { t } = useTranslation();
  const server = useServerText();
  // A query, run first by the button (it connects to the database), then refreshed whenever something
  // invalidates it: an install, a removal, a saved connection.
  const [requested, setRequested] = useState(false);
  const check = useApiQuery('db.check', {}, { enabled: requested });
  const running = check.isFetching;
  return (
    <Card withBorder mb="lg" aria-label={t('database.prerequisites')} component="section">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('database.prerequisites')}</Title>
        <Button
          variant="default"
          loading={running}
          onClick={() => (requested ? void check.refetch() : setRequested(true))}
        >
          {t('database.runCheck')}
        </Button>
      </Group>
      <ErrorAlert error={check.error} />
      {!check.data && !running && <Text c="dimmed">{t('database.checkHint')}</Text>}
      {check.data && (
        <Table striped withTableBorder data-testid="prerequisites">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('database.item')}</Table.Th>
              <Table.Th>{t('database.status')}</Table.Th>
              <Table.Th>{t('database.detail')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {check.data.checks.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{server.text(item.label, item.labelRef)}</Table.Td>
                <Table.Td>
                  <Badge color={COLORS[item.status]} variant="light">
                    {t(`database.check.${item.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{server.text(item.detail, item.detailRef)}</Text>
                  {item.fix && (
                    <Text size="sm" c="dimmed">
                      {server.text(item.fix, item.fixRef)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
};
