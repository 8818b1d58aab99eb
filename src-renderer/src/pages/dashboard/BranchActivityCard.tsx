import { BarChart, BarsList } from '@mantine/charts';
import { Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BranchActivity } from '@contract';
import { kindLabel } from '../pendings/pending-words';

const label = (iso: string, range: '24h' | '7d', language: string) =>
  new Date(iso).toLocaleString(
    language,
    range === '24h'
      ? { hour: '2-digit', minute: '2-digit' }
      : { day: '2-digit', month: '2-digit', hour: '2-digit' },
  );

/** One branch: store calls and errors per hour, the budget left this hour, open pendências by kind. */
export const BranchActivityCard = ({
  activity,
  range,
}: {
  activity: BranchActivity;
  range: '24h' | '7d';
}) => {
  const { t, i18n } = useTranslation();
  const data = activity.buckets.map((b) => ({ ...b, hour: label(b.at, range, i18n.language) }));
  const { remaining, limit } = activity.budget;
  const calls = activity.buckets.reduce((sum, b) => sum + b.storeCalls, 0);
  const errors = activity.buckets.reduce((sum, b) => sum + b.errors, 0);
  return (
    <Card withBorder data-testid={`activity-${activity.branch}`}>
      <Title order={5} mb="xs">
        {t('filters.branch')} {activity.branch}
        {activity.name ? ` — ${activity.name}` : ''}
      </Title>
      {activity.problem && (
        <Text c="red" size="sm">
          {activity.problem}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('activity.storeCalls')}: {calls}
          </Text>
          <BarChart
            h={140}
            data={data}
            dataKey="hour"
            series={[{ name: 'storeCalls', label: t('activity.storeCalls'), color: 'blue.6' }]}
            tickLine="none"
            gridAxis="y"
            withTooltip
          />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('activity.errors')}: {errors}
          </Text>
          <BarChart
            h={140}
            data={data}
            dataKey="hour"
            series={[{ name: 'errors', label: t('activity.errors'), color: 'red.6' }]}
            tickLine="none"
            gridAxis="y"
            withTooltip
          />
        </Stack>
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('activity.budget')}
          </Text>
          {remaining !== null && limit ? (
            <Group gap="xs" wrap="nowrap">
              <Progress
                value={(remaining / limit) * 100}
                w="100%"
                color={remaining / limit < 0.1 ? 'red' : 'teal'}
              />
              <Text size="sm" data-testid={`budget-${activity.branch}`}>
                {remaining}/{limit}
              </Text>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('activity.budgetUnknown')}
            </Text>
          )}
          {activity.budget.blockedUntil && (
            <Text size="sm" c="orange" data-testid={`budget-blocked-${activity.branch}`}>
              {t('activity.budgetBlocked', { until: new Date(activity.budget.blockedUntil) })}
            </Text>
          )}
          <Text size="sm" fw={500} mt="xs">
            {t('activity.openPendings')}
          </Text>
          {activity.openPendings.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('activity.noPendings')}
            </Text>
          ) : (
            <BarsList
              data={activity.openPendings.map((p) => ({
                name: kindLabel(i18n, p.kind),
                value: p.count,
                color: 'orange.2',
              }))}
              barHeight={24}
              minBarSize={190}
            />
          )}
        </Stack>
      </SimpleGrid>
    </Card>
  );
};
