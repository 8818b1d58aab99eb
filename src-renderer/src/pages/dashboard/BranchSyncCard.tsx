import { Alert, Badge, Button, Card, Group, Text, Title } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BranchSyncState } from '@contract';
import { formatMinutes } from '../../format/format-time';
import { JobsTable } from './JobsTable';
import { PreviewModal } from './PreviewModal';

const Stat = ({ label, value, testId }: { label: string; value: string; testId: string }) => (
  <div>
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text size="sm" fw={600} data-testid={testId}>
      {value}
    </Text>
  </div>
);

interface BranchSyncCardProps {
  branch: BranchSyncState;
  enginePaused: boolean;
  /** Why no run starts now (standby); the jobs' ▷ are disabled saying it and no next run is promised. */
  runBlocked: string | null;
  now: Date;
  isStarting: (branch: string, job: BranchSyncState['jobs'][number]['job']) => boolean;
  onRunNow: (branch: string, job: BranchSyncState['jobs'][number]['job']) => void;
}

/** One branch on the Painel: the store's budget and the queue, the preview action, and the jobs table. */
export const BranchSyncCard = ({
  branch,
  enginePaused,
  runBlocked,
  now,
  isStarting,
  onRunNow,
}: BranchSyncCardProps) => {
  const { t } = useTranslation();
  const [previewing, setPreviewing] = useState(false);
  const backlog = branch.jobs.reduce((sum, job) => sum + (job.backlog ?? 0), 0);
  const { remaining, limit, drainMinutes } = branch.budget;
  return (
    <Card withBorder mt="md" data-testid={`sync-branch-${branch.branch}`}>
      <Group justify="space-between" align="center" mb="xs">
        <Group gap="xs">
          <Title order={4}>
            {t('dashboard.branchTitle', { code: branch.branch })}
            {branch.name && (
              <Text span c="dimmed" fw={400} inherit>
                {` — ${branch.name}`}
              </Text>
            )}
          </Title>
          {!branch.enabled && (
            <Badge color="gray" variant="outline">
              {t('dashboard.branchDisabled')}
            </Badge>
          )}
        </Group>
        <Button variant="light" leftSection={<IconEye size={16} />} onClick={() => setPreviewing(true)}>
          {t('dashboard.preview')}
        </Button>
      </Group>
      <Group gap={48} mb="sm">
        <Stat
          label={t('dashboard.budgetLeft')}
          value={
            remaining !== null && limit !== null
              ? t('dashboard.budgetValue', { remaining, limit })
              : t('dashboard.budgetUnknown')
          }
          testId="budget-left"
        />
        <Stat label={t('dashboard.backlogTotal')} value={String(backlog)} testId="backlog-total" />
        <Stat
          label={t('dashboard.drain')}
          value={drainMinutes === null ? t('dashboard.drainUnknown') : formatMinutes(drainMinutes)}
          testId="drain-time"
        />
      </Group>
      {branch.problem && (
        <Alert color="yellow" mb="sm" data-testid="branch-problem">
          {branch.problem}
        </Alert>
      )}
      <JobsTable
        branch={branch}
        enginePaused={enginePaused}
        runBlocked={runBlocked}
        now={now}
        isStarting={(job) => isStarting(branch.branch, job.job)}
        onRunNow={(job) => onRunNow(branch.branch, job.job)}
      />
      <PreviewModal branch={branch.branch} opened={previewing} onClose={() => setPreviewing(false)} />
    </Card>
  );
};
