import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Popover,
  Progress,
  Stack,
  Switch,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconPencil, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobState, Schedule } from '@contract';
import { formatDateTime, formatFull, formatRelative } from '../../format/format-time';
import { JobName } from '../../sync/JobName';
import { RunResult } from '../../sync/RunResult';
import { describeFrequency } from './schedule-values';

export interface ScheduleRowContext {
  job: JobState | undefined;
  nextRunAt: string | null;
}

interface ScheduleTableProps {
  schedules: Schedule[];
  context: (schedule: Schedule) => ScheduleRowContext;
  branchEnabled: boolean;
  enginePaused: boolean;
  /** Why no run starts now (standby); the "Executar agora" buttons are disabled saying it. */
  runBlocked: string | null;
  editingId: string | null;
  now: Date;
  busy: boolean;
  isStarting: (schedule: Schedule) => boolean;
  onEdit: (schedule: Schedule) => void;
  onRemove: (schedule: Schedule) => void;
  onToggle: (schedule: Schedule, enabled: boolean) => void;
  onRunNow: (schedule: Schedule) => void;
}

/** When the schedule runs next, or why it does not. */
const NextRun = ({
  schedule,
  row,
  branchEnabled,
  enginePaused,
  now,
}: {
  schedule: Schedule;
  row: ScheduleRowContext;
  branchEnabled: boolean;
  enginePaused: boolean;
  now: Date;
}) => {
  const { t, i18n } = useTranslation();
  const dimmed = (text: string) => (
    <Text size="sm" c="dimmed">
      {text}
    </Text>
  );
  if (row.job && !row.job.available) return dimmed(t('schedule.unavailableNext'));
  if (!schedule.enabled) return dimmed(t('schedule.disabled'));
  if (!branchEnabled) return dimmed(t('schedule.branchOff'));
  if (enginePaused) return dimmed(t('schedule.enginePaused'));
  if (!row.nextRunAt) return dimmed(t('schedule.notPlanned'));
  return (
    <Tooltip label={formatFull(row.nextRunAt, i18n.language)}>
      <Stack gap={0}>
        <Text size="sm">{formatDateTime(row.nextRunAt, i18n.language, now)}</Text>
        <Text size="xs" c="dimmed">
          {formatRelative(row.nextRunAt, i18n.language, now)}
        </Text>
      </Stack>
    </Tooltip>
  );
};

/** The last run of the schedule's job, or the run going on now with its progress. */
const LastRun = ({ row, now }: { row: ScheduleRowContext; now: Date }) => {
  const { t } = useTranslation();
  const job = row.job;
  if (job?.running) {
    const progress = job.progress;
    return (
      <Stack gap={4}>
        <Badge color="blue" variant="light" size="sm">
          {t('sync.status.running')}
        </Badge>
        {progress && progress.total ? (
          <Progress value={(100 * progress.done) / progress.total} size="sm" animated />
        ) : (
          <Progress value={100} size="sm" animated striped />
        )}
      </Stack>
    );
  }
  return <RunResult run={job?.lastRun ?? null} now={now} />;
};

const RemoveButton = ({
  label,
  question,
  onConfirm,
}: {
  label: string;
  question: string;
  onConfirm: () => void;
}) => {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Tooltip label={label}>
          <ActionIcon variant="subtle" color="red" aria-label={label} onClick={() => setOpened((o) => !o)}>
            <IconTrash size={18} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" mb="xs" maw={260}>
          {question}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={() => setOpened(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            size="xs"
            color="red"
            onClick={() => {
              setOpened(false);
              onConfirm();
            }}
          >
            {t('schedule.remove')}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
};

/** Every schedule of the branch: what, how often, on/off, next run, last result, and the row's actions. */
export const ScheduleTable = (props: ScheduleTableProps) => {
  const { t } = useTranslation();
  const { schedules, context, editingId, now, busy } = props;
  const runLabel = (available: boolean) =>
    props.runBlocked ?? (available ? t('sync.runNow') : t('schedule.runUnavailable'));
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="schedules">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('schedule.columns.job')}</Table.Th>
            <Table.Th>{t('schedule.columns.frequency')}</Table.Th>
            <Table.Th>{t('schedule.columns.enabled')}</Table.Th>
            <Table.Th>{t('schedule.columns.next')}</Table.Th>
            <Table.Th>{t('schedule.columns.last')}</Table.Th>
            <Table.Th ta="right">{t('schedule.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {schedules.map((schedule) => {
            const row = context(schedule);
            const available = row.job?.available ?? true;
            const frequency = describeFrequency(schedule, t);
            const jobLabel = t(`jobs.${schedule.job}`);
            return (
              <Table.Tr
                key={schedule.id}
                data-testid={`schedule-${schedule.id}`}
                bg={editingId === schedule.id ? 'var(--mantine-color-blue-light)' : undefined}
              >
                <Table.Td>
                  <JobName job={schedule.job} available={available} />
                </Table.Td>
                <Table.Td>
                  <Text
                    size="sm"
                    ff={schedule.cron.trim() ? 'monospace' : undefined}
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {frequency}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Switch
                    checked={schedule.enabled}
                    disabled={busy}
                    aria-label={t('schedule.toggleOf', { job: jobLabel, frequency })}
                    onChange={(event) => props.onToggle(schedule, event.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  <NextRun
                    schedule={schedule}
                    row={row}
                    branchEnabled={props.branchEnabled}
                    enginePaused={props.enginePaused}
                    now={now}
                  />
                </Table.Td>
                <Table.Td maw={320}>
                  <LastRun row={row} now={now} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Tooltip
                      label={runLabel(available)}
                      multiline
                      w={available && !props.runBlocked ? undefined : 260}
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {/* A disabled button gets no pointer events: the wrapper keeps the tooltip working. */}
                      <span>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('sync.runNow')}
                          disabled={!available || props.runBlocked !== null}
                          title={props.runBlocked ?? undefined}
                          bg={available && !props.runBlocked ? undefined : 'transparent'}
                          loading={props.isStarting(schedule)}
                          onClick={() => props.onRunNow(schedule)}
                        >
                          <IconPlayerPlay size={18} />
                        </ActionIcon>
                      </span>
                    </Tooltip>
                    <Tooltip label={t('schedule.edit')}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('schedule.edit')}
                        disabled={busy}
                        onClick={() => props.onEdit(schedule)}
                      >
                        <IconPencil size={18} />
                      </ActionIcon>
                    </Tooltip>
                    <RemoveButton
                      label={t('schedule.remove')}
                      question={t('schedule.removeConfirm', { job: jobLabel, frequency })}
                      onConfirm={() => props.onRemove(schedule)}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
