import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RunSummary } from '@contract';
import { formatDateTime, formatFull } from '../format/format-time';
import { runMessage } from './run-message';

export const RUN_STATUS_COLORS: Record<RunSummary['status'], string> = {
  running: 'blue',
  ok: 'green',
  partial: 'yellow',
  failed: 'red',
  cancelled: 'gray',
  interrupted: 'orange',
};

/** The counts the screens show, in this order (the run records a few more: changed, hidden, starved). */
export const SHOWN_COUNTS = ['read', 'sent', 'unchanged', 'deferred', 'failed', 'storeCalls'] as const;

/** A run's status as a coloured badge. */
export const RunStatusBadge = ({ status }: { status: RunSummary['status'] }) => {
  const { t } = useTranslation();
  return (
    <Badge color={RUN_STATUS_COLORS[status]} variant="light" size="sm">
      {t(`sync.status.${status}`)}
    </Badge>
  );
};

/** When a run started, its status badge and, below, its message (cut to two lines, whole in the tooltip). */
export const RunWhen = ({
  run,
  now,
  withMessage = true,
}: {
  run: RunSummary | null;
  now: Date;
  /** False when the caller shows the message itself. */
  withMessage?: boolean;
}) => {
  const { t, i18n } = useTranslation();
  if (!run)
    return (
      <Text size="sm" c="dimmed">
        {t('sync.never')}
      </Text>
    );
  const message = withMessage ? runMessage(run, t) : null;
  return (
    <Stack gap={2} data-testid="last-run" data-run-id={run.id}>
      <Group gap={6} wrap="nowrap">
        <Tooltip
          label={`${formatFull(run.startedAt, i18n.language)} · ${t('sync.runNumber', { id: run.id })}`}
        >
          <Text size="sm">{formatDateTime(run.startedAt, i18n.language, now)}</Text>
        </Tooltip>
        <RunStatusBadge status={run.status} />
      </Group>
      {message && (
        <Text size="xs" c="dimmed" lineClamp={2} title={message}>
          {message}
        </Text>
      )}
    </Stack>
  );
};

/**
 * A run on one line, for a dense table: when and the status in colour; the message (if any) on hover, marked
 * by an info icon.
 */
export const RunLine = ({ run, now }: { run: RunSummary | null; now: Date }) => {
  const { t, i18n } = useTranslation();
  if (!run)
    return (
      <Text size="sm" c="dimmed">
        {t('sync.never')}
      </Text>
    );
  const message = runMessage(run, t);
  const tip = [
    `${formatFull(run.startedAt, i18n.language)} · ${t('sync.runNumber', { id: run.id })}`,
    message,
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <Tooltip label={tip} multiline w={320} style={{ whiteSpace: 'pre-line' }}>
      <Group gap={6} wrap="nowrap" data-testid="last-run-line" data-run-id={run.id}>
        <Text size="sm">{formatDateTime(run.startedAt, i18n.language, now)}</Text>
        <Text size="sm" fw={600} c={`${RUN_STATUS_COLORS[run.status]}.7`}>
          {t(`sync.status.${run.status}`)}
        </Text>
        {message && <IconInfoCircle size={14} color="var(--mantine-color-dimmed)" />}
      </Group>
    </Tooltip>
  );
};

/** "Lidos 50 · Enviados 0 · Adiados 45 · Falhas 1 · Chamadas à loja 1": read and sent always, the rest when not 0. */
export const countsSummary = (
  counts: Record<string, number>,
  label: (key: (typeof SHOWN_COUNTS)[number]) => string,
): string =>
  SHOWN_COUNTS.filter((key) => key === 'read' || key === 'sent' || (counts[key] ?? 0) > 0)
    .map((key) => `${label(key)} ${counts[key] ?? 0}`)
    .join(' · ');

/** A run in one cell: when, status, counts and message (the Agendamento list). */
export const RunResult = ({ run, now }: { run: RunSummary | null; now: Date }) => {
  const { t } = useTranslation();
  const message = run ? runMessage(run, t) : null;
  return (
    <Stack gap={2}>
      <RunWhen run={run} now={now} withMessage={false} />
      {run && (
        <Text size="xs" data-testid="run-counts">
          {countsSummary(run.counts, (key) => t(`sync.counts.${key}`))}
        </Text>
      )}
      {message && (
        <Text size="xs" c="dimmed" lineClamp={2} title={message}>
          {message}
        </Text>
      )}
    </Stack>
  );
};
