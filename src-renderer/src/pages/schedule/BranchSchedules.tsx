import { Alert, Button, Card, Group, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SCHEDULES, type Branch, type JobState, type Schedule, type SyncOverview } from '@contract';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNow } from '../../sync/use-sync-overview';
import { useRunNow } from '../../sync/use-run-now';
import { ScheduleForm } from './ScheduleForm';
import { ScheduleTable } from './ScheduleTable';
import { nextScheduleId, toSchedule, type ScheduleFormValues } from './schedule-values';

interface BranchSchedulesProps {
  branch: Branch;
  /** The engine's picture (next runs, last runs, which jobs this version runs); undefined until read. */
  overview: SyncOverview | undefined;
  enginePaused: boolean;
  /** Why no run starts now (standby: another integrator holds the database); null when runs may start. */
  runBlocked: string | null;
}

/**
 * One branch's schedules: the form on top, the list below. Every change (add, edit, remove, on/off, the
 * defaults) is saved at once through `schedules.save` with the branch's whole list (ADR 0014).
 */
export const BranchSchedules = ({ branch, overview, enginePaused, runBlocked }: BranchSchedulesProps) => {
  const { t } = useTranslation();
  const now = useNow();
  const runNow = useRunNow();
  const [editingId, setEditingId] = useState<string | null>(null);
  const save = useApiMutation('schedules.save', ['settings.get', 'sync.overview']);

  const state = overview?.branches.find((candidate) => candidate.branch === branch.code);
  const jobState = (job: Schedule['job']): JobState | undefined => state?.jobs.find((j) => j.job === job);
  const isAvailable = (job: Schedule['job']) => jobState(job)?.available ?? true;
  const nextRunOf = (schedule: Schedule) =>
    overview?.schedules.find((s) => s.branch === branch.code && s.scheduleId === schedule.id)?.nextRunAt ??
    null;

  const store = (schedules: Schedule[], done: string, after?: () => void) => {
    save.mutate(
      { branch: branch.code, schedules },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: done });
          after?.();
        },
      },
    );
  };

  const editing = branch.schedules.find((schedule) => schedule.id === editingId);
  const submit = (values: ScheduleFormValues) => {
    if (editing) {
      const changed = toSchedule(values, editing.id, editing.enabled);
      store(
        branch.schedules.map((schedule) => (schedule.id === editing.id ? changed : schedule)),
        t('schedule.saved'),
        () => setEditingId(null),
      );
    } else {
      const added = toSchedule(values, nextScheduleId(values.job, branch.schedules), true);
      store([...branch.schedules, added], t('schedule.added'));
    }
  };

  return (
    <>
      {!branch.enabled && (
        <Alert color="yellow" mb="md">
          {t('schedule.branchDisabled')}
        </Alert>
      )}
      <ErrorAlert error={save.error} />
      <ScheduleForm
        key={editingId ?? 'new'}
        editing={
          editing
            ? { job: editing.job, unit: editing.unit, every: editing.every, cron: editing.cron }
            : undefined
        }
        isAvailable={isAvailable}
        saving={save.isPending}
        onSubmit={submit}
        onCancel={() => setEditingId(null)}
      />
      <Card withBorder>
        <Title order={5} mb="xs">
          {t('schedule.listTitle', { branch: branch.name ? `${branch.code} — ${branch.name}` : branch.code })}
        </Title>
        {branch.schedules.length === 0 ? (
          <Group justify="space-between" align="center" data-testid="no-schedules">
            <div>
              <Text>{t('schedule.empty')}</Text>
              <Text size="sm" c="dimmed" maw={720}>
                {t('schedule.defaultsHint')}
              </Text>
            </div>
            <Button
              variant="light"
              loading={save.isPending}
              onClick={() =>
                store(
                  DEFAULT_SCHEDULES.map((schedule) => ({ ...schedule })),
                  t('schedule.defaultsSaved'),
                )
              }
            >
              {t('schedule.useDefaults')}
            </Button>
          </Group>
        ) : (
          <ScheduleTable
            schedules={branch.schedules}
            context={(schedule) => ({ job: jobState(schedule.job), nextRunAt: nextRunOf(schedule) })}
            branchEnabled={branch.enabled}
            enginePaused={enginePaused}
            editingId={editingId}
            now={now}
            busy={save.isPending}
            isStarting={(schedule) => runNow.isStarting(branch.code, schedule.job)}
            onEdit={(schedule) => setEditingId(schedule.id)}
            onRemove={(schedule) =>
              store(
                branch.schedules.filter((s) => s.id !== schedule.id),
                t('schedule.removed'),
                () => editingId === schedule.id && setEditingId(null),
              )
            }
            onToggle={(schedule, enabled) =>
              store(
                branch.schedules.map((s) => (s.id === schedule.id ? { ...s, enabled } : s)),
                enabled ? t('schedule.enabledMessage') : t('schedule.disabledMessage'),
              )
            }
            runBlocked={runBlocked}
            onRunNow={(schedule) => runNow.run(branch.code, schedule.job)}
          />
        )}
      </Card>
    </>
  );
};
