import { Badge, Button, Checkbox, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PendingDto } from '@contract';
import { formatDateTime } from '../monitor/format';
import { offersImportAnyway } from './import-anyway-words';
import { PendingLinks } from './PendingLinks';
import { kindLabel, pendingWords } from './pending-words';

const STATE_COLORS: Record<PendingDto['status'], string> = {
  open: 'red',
  ignored: 'gray',
  resolved: 'green',
};

/**
 * Pendências with their message, the fix in words, attempts and next attempt; per row retry, ignore, history,
 * and "Importar mesmo assim" on an order's possible duplicate.
 */
export const PendingTable = ({
  items,
  selected,
  onSelect,
  onRetry,
  onIgnore,
  onImportAnyway,
  onHistory,
}: {
  items: PendingDto[];
  selected: Set<number>;
  onSelect: (ids: number[], on: boolean) => void;
  onRetry: (id: number) => void;
  onIgnore: (id: number) => void;
  /** "Importar mesmo assim": only on an order's possible duplicate (ADR 0219). */
  onImportAnyway: (pending: PendingDto) => void;
  onHistory: (id: number) => void;
}) => {
  const { t, i18n } = useTranslation();
  const all = items.length > 0 && items.every((p) => selected.has(p.id));
  return (
    <Table withTableBorder verticalSpacing="xs" data-testid="pending-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={36}>
            <Checkbox
              aria-label={t('pendings.selectAll')}
              checked={all}
              onChange={(e) =>
                onSelect(
                  items.map((p) => p.id),
                  e.currentTarget.checked,
                )
              }
            />
          </Table.Th>
          <Table.Th w={210}>{t('pendings.item')}</Table.Th>
          <Table.Th>{t('pendings.message')}</Table.Th>
          <Table.Th w={190}>{t('pendings.attempts')}</Table.Th>
          <Table.Th w={110}>{t('pendings.status')}</Table.Th>
          <Table.Th w={130}>{t('pendings.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((pending) => {
          const words = pendingWords(i18n, pending);
          return (
            <Table.Tr key={pending.id} data-testid={`pending-${pending.id}`}>
              <Table.Td>
                <Checkbox
                  aria-label={t('pendings.select', { key: pending.key })}
                  checked={selected.has(pending.id)}
                  onChange={(e) => onSelect([pending.id], e.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm" fw={500}>
                    {t(`entities.${pending.entity}`, { defaultValue: pending.entity })} ·{' '}
                    {t('filters.branch')} {pending.branch}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {kindLabel(i18n, pending.kind)}
                  </Text>
                  <PendingLinks pending={pending} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{words.message}</Text>
                {words.fix && (
                  <Text size="sm" c="dimmed">
                    {t('pendings.fix')}: {words.fix}
                  </Text>
                )}
                {pending.status === 'ignored' && pending.ignoreReason && (
                  <Text size="xs" c="dimmed" fs="italic">
                    {t('pendings.ignoredBy', {
                      actor: t(`actors.${pending.ignoredBy}`, { defaultValue: pending.ignoredBy ?? '' }),
                      at: formatDateTime(pending.ignoredAt, i18n.language),
                      reason: pending.ignoreReason,
                    })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{pending.attempts}</Text>
                <Text size="xs" c="dimmed">
                  {t('pendings.updated')}: {formatDateTime(pending.updatedAt, i18n.language)}
                </Text>
                {pending.status === 'open' && pending.nextAttemptAt && (
                  <Text size="xs" c="dimmed">
                    {t('pendings.nextAttempt')}: {formatDateTime(pending.nextAttemptAt, i18n.language)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={STATE_COLORS[pending.status]} variant="light">
                  {t(`pendings.states.${pending.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  {pending.status !== 'resolved' && (
                    <Button size="compact-xs" variant="light" onClick={() => onRetry(pending.id)}>
                      {t('pendings.retry')}
                    </Button>
                  )}
                  {pending.status === 'open' && (
                    <Button
                      size="compact-xs"
                      variant="light"
                      color="gray"
                      onClick={() => onIgnore(pending.id)}
                    >
                      {t('pendings.ignore')}
                    </Button>
                  )}
                  {offersImportAnyway(pending) && (
                    <Button
                      size="compact-xs"
                      variant="light"
                      color="orange"
                      onClick={() => onImportAnyway(pending)}
                    >
                      {t('pendings.importAnyway.action')}
                    </Button>
                  )}
                  <Button size="compact-xs" variant="subtle" onClick={() => onHistory(pending.id)}>
                    {t('pendings.history')}
                  </Button>
                </Stack>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
};
