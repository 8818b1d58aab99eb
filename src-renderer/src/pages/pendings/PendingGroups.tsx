import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '@contract';
import { kindLabel } from './pending-words';

type Groups = MethodOutput<'pendings.groups'>;

/** Pendências grouped by kind with counts: show a group, or retry it whole (saying how many). */
export const PendingGroups = ({
  groups,
  selectedKind,
  retrying,
  onShow,
  onRetry,
}: {
  groups: Groups;
  selectedKind: string | undefined;
  retrying: boolean;
  onShow: (kind: string) => void;
  onRetry: (kind: string, count: number) => void;
}) => {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder mb="md" data-testid="pending-groups">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('pendings.groups')}</Title>
        <Text size="sm" c="dimmed">
          {t('pendings.groupsTotal', { total: groups.total })}
        </Text>
      </Group>
      {groups.groups.length === 0 && <Text c="dimmed">{t('pendings.noGroups')}</Text>}
      <Stack gap="xs">
        {groups.groups.map((group) => (
          <Group
            key={`${group.entity}|${group.kind}`}
            justify="space-between"
            data-testid={`pending-group-${group.kind}`}
            bg={selectedKind === group.kind ? 'var(--mantine-color-blue-light)' : undefined}
            p={4}
          >
            <Group gap="xs">
              <Badge variant="light">{t(`entities.${group.entity}`, { defaultValue: group.entity })}</Badge>
              <Text fw={500}>{kindLabel(i18n, group.kind)}</Text>
              <Text size="xs" c="dimmed">
                {group.kind}
              </Text>
              <Badge color="gray">{group.count}</Badge>
            </Group>
            <Group gap="xs">
              <Button size="xs" variant="subtle" onClick={() => onShow(group.kind)}>
                {t('pendings.showGroup')}
              </Button>
              <Button
                size="xs"
                variant="light"
                loading={retrying}
                onClick={() => onRetry(group.kind, group.count)}
              >
                {t('pendings.retryGroup', { count: group.count })}
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
    </Card>
  );
};
