import {
  ActionIcon,
  ColorSwatch,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BranchSyncState, JobState } from '@contract';
import { formatDateTime, formatFull, formatRelative } from '../../format/format-time';
import { RunLine, SHOWN_COUNTS } from '../../sync/RunResult';
import { runMessage } from '../../sync/run-message';
import { JOB_STATE_COLORS, jobDisplayState } from './job-state';

/** The jobs this version runs first, in the engine's order; the ones still to come after them. */
const availableFirst = (jobs: JobState[]) => [
  ...jobs.filter((job) => job.available),
  ...jobs.filter((job) => !job.available),
];

const JobStateCell = ({ job, enginePaused }: { job: JobState; enginePaused: boolean }) => {
  const { t } = useTranslation();
  const state = jobDisplayState(job, enginePaused);
  const progress = job.progress;
  const message = job.lastRun ? runMessage(job.lastRun, t) : null;
  return (
    <Stack gap={4} align="flex-start">
      <Tooltip
        label={state === 'unavailable' ? t('sync.unavailableHint') : (message ?? '')}
        disabled={state !== 'unavailable' && !(state === 'error' && message)}
        multiline
        w={300}
      >
        <Group gap={6} wrap="nowrap">
          <ColorSwatch
            color={`var(--mantine-color-${JOB_STATE_COLORS[state]}-6)`}
            size={9}
            withShadow={false}
          />
          <Text
            size="sm"
            fw={state === 'running' || state === 'error' ? 600 : undefined}
            c={state === 'unavailable' || state === 'unscheduled' ? 'dimmed' : undefined}
            style={{ whiteSpace: 'nowrap' }}
            data-testid="job-state"
          >
            {t(`dashboard.state.${state}`)}
          </Text>
        </Group>
      </Tooltip>
      {state === 'running' && (
        <>
          <Progress
            value={progress?.total ? Math.min(100, (100 * progress.done) / progress.total) : 100}
            striped={!progress?.total}
            animated
            size="sm"
            aria-label={t('dashboard.state.running')}
          />
          {progress && (
            <Text size="xs" c="dimmed">
              {progress.total
                ? t('dashboard.progressOf', { done: progress.done, total: progress.total })
                : t('dashboard.progressItems', { done: progress.done })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
};

interface NextRunCellProps {
  job: JobState;
  enginePaused: boolean;
  runBlocked: string | null;
  now: Date;
}

const NextRunCell = ({ job, enginePaused, runBlocked, now }: NextRunCellProps) => {
  const { t, i18n } = useTranslation();
  // In standby the schedule fires nothing here: a next run would be a promise this integrator does not keep.
  if (runBlocked && job.available && job.scheduled)
    return (
      <Tooltip label={runBlocked} multiline w={300}>
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="next-run-standby">
          {t('dashboard.nextStandby')}
        </Text>
      </Tooltip>
    );
  if (!job.available || !job.scheduled || enginePaused || !job.nextRunAt)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Tooltip label={formatFull(job.nextRunAt, i18n.language)}>
      <Stack gap={0}>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(job.nextRunAt, i18n.language, now)}
        </Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatRelative(job.nextRunAt, i18n.language, now)}
        </Text>
      </Stack>
    </Tooltip>
  );
};

interface JobsTableProps {
  branch: BranchSyncState;
  enginePaused: boolean;
  /** Why no run starts now (standby: another integrator holds the database); null when runs may start. */
  runBlocked: string | null;
  now: Date;
  isStarting: (job: JobState) => boolean;
  onRunNow: (job: JobState) => void;
}

/** One branch, one row per job: state, last run with its counts, next run, queue and pendências. */
export const JobsTable = ({
  branch,
  enginePaused,
  runBlocked,
  now,
  isStarting,
  onRunNow,
}: JobsTableProps) => {
  const { t } = useTranslation();
  const number = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value);
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table
        verticalSpacing={6}
        horizontalSpacing={6}
        highlightOnHover
        styles={{ th: { fontSize: 'var(--mantine-font-size-xs)' } }}
        data-testid={`jobs-${branch.branch}`}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dashboard.columns.job')}</Table.Th>
            <Table.Th w={120}>{t('dashboard.columns.state')}</Table.Th>
            <Table.Th w={150}>{t('dashboard.columns.lastRun')}</Table.Th>
            {SHOWN_COUNTS.map((key) => (
              <Table.Th key={key} ta="right" w={62}>
                {t(`sync.counts.${key}`)}
              </Table.Th>
            ))}
            <Table.Th w={100}>{t('dashboard.columns.next')}</Table.Th>
            <Table.Th ta="right" w={40}>
              {t('dashboard.columns.backlog')}
            </Table.Th>
            <Table.Th ta="right" w={76}>
              {t('dashboard.columns.pendings')}
            </Table.Th>
            <Table.Th w={36}>
              <VisuallyHidden>{t('dashboard.columns.run')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {availableFirst(branch.jobs).map((job) => {
            const counts = job.lastRun?.counts;
            const label = t(`jobs.${job.job}`);
            return (
              <Table.Tr key={job.job} data-testid={`job-${branch.branch}-${job.job}`}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {label}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <JobStateCell job={job} enginePaused={enginePaused} />
                </Table.Td>
                <Table.Td>
                  {job.available || job.lastRun ? (
                    <RunLine run={job.lastRun} now={now} />
                  ) : (
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {t('sync.unavailable')}
                    </Text>
                  )}
                </Table.Td>
                {SHOWN_COUNTS.map((key) => (
                  <Table.Td key={key} ta="right" data-testid={`count-${key}`}>
                    <Text size="sm" c={counts && (counts[key] ?? 0) > 0 ? undefined : 'dimmed'}>
                      {counts ? (counts[key] ?? 0) : '—'}
                    </Text>
                  </Table.Td>
                ))}
                <Table.Td>
                  <NextRunCell job={job} enginePaused={enginePaused} runBlocked={runBlocked} now={now} />
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" c={job.backlog ? undefined : 'dimmed'}>
                    {number(job.backlog)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text
                    size="sm"
                    c={job.openPendings > 0 ? 'orange' : 'dimmed'}
                    fw={job.openPendings > 0 ? 600 : undefined}
                  >
                    {job.openPendings}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {/* A job this version does not run has no button: its state says why. */}
                  {job.available && (
                    <Tooltip
                      label={runBlocked ?? t('sync.runNowOf', { job: label })}
                      multiline={runBlocked !== null}
                      w={runBlocked ? 300 : undefined}
                    >
                      {/* A disabled button gets no pointer events: the wrapper keeps the tooltip working. */}
                      <span>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('sync.runNowOf', { job: label })}
                          disabled={job.running || runBlocked !== null}
                          title={runBlocked ?? undefined}
                          bg={job.running || runBlocked ? 'transparent' : undefined}
                          loading={isStarting(job)}
                          onClick={() => onRunNow(job)}
                        >
                          <IconPlayerPlay size={18} />
                        </ActionIcon>
                      </span>
                    </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
