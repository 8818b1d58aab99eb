import { Anchor, Button, Card, Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageTitle } from '../components/PageTitle';
import { ActivityCharts } from './dashboard/ActivityCharts';
import { EngineBadge } from '../layout/EngineBadge';
import { formatDuration } from '../format/format-duration';
import { StoreStateCard } from './StoreStateCard';
import { SyncOverviewCards } from './dashboard/SyncOverviewCards';
import { SetupGuide } from './setup/SetupGuide';
import { useEngineErrorsFollowState } from './setup/use-engine-errors-follow-state';
import { useRunAll } from '../sync/use-run-now';
import { serverText } from '../i18n/server-text';
import { TakeOverButton, useRunBlocked, useStandbyText } from './dashboard/TakeOverButton';

const Fact = ({ label, value, testId }: { label: string; value: string; testId?: string }) => (
  <Card withBorder padding="sm">
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text fw={500} data-testid={testId}>
      {value}
    </Text>
  </Card>
);

export const DashboardPage = () => {
  const { t, i18n } = useTranslation();
  const status = useApiQuery('app.status', {}, { refetchInterval: 10_000 });
  const runNow = useRunAll();
  const pause = useApiMutation('engine.pause', ['app.status']);
  const resume = useApiMutation('engine.resume', ['app.status']);
  const data = status.data;
  const paused = data?.engine.state === 'paused';
  // Paused or waiting for the first-run guide: the engine refuses a run, so the button says so first.
  const canRun = data?.engine.state === 'running' || data?.engine.state === 'error';
  // A refusal ("pausado") belongs to the state it was said in: it goes when the state changes.
  useEngineErrorsFollowState(data?.engine.state, [runNow, pause, resume]);
  const standbyText = useStandbyText(data?.engine.standby);
  const runBlocked = useRunBlocked(data?.engine);
  // What the badge does not say (who holds the database, the step waited for, the failure, no sync
  // configured, a first sync held for its preview), in the UI's language by its key (ADR 0025).
  const engineDetail = data
    ? (standbyText ?? serverText(i18n, data.engine.detail, data.engine.detailRef))
    : '';

  return (
    <>
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <ErrorAlert error={status.error ?? runNow.error ?? pause.error ?? resume.error} />
      <SetupGuide compact />
      {data && (
        <>
          <Card withBorder mb="md">
            <Group justify="space-between">
              <Group>
                <Text fw={600}>{t('dashboard.engine')}</Text>
                <EngineBadge state={data.engine.state} />
                {engineDetail && (
                  <Text c="dimmed" data-testid="engine-summary">
                    {engineDetail}
                  </Text>
                )}
              </Group>
              <Group>
                {data.engine.state === 'standby' && data.engine.standby && (
                  <TakeOverButton standby={data.engine.standby} />
                )}
                <Button onClick={() => runNow.mutate({})} loading={runNow.isPending} disabled={!canRun}>
                  {t('dashboard.runNow')}
                </Button>
                <Button
                  variant="default"
                  onClick={() => (paused ? resume.mutate({}) : pause.mutate({}))}
                  loading={pause.isPending || resume.isPending}
                >
                  {paused ? t('dashboard.resume') : t('dashboard.pause')}
                </Button>
              </Group>
            </Group>
          </Card>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <Fact label={t('dashboard.version')} value={data.version} testId="app-version" />
            <Fact label={t('dashboard.uptime')} value={formatDuration(data.uptimeSeconds)} />
            <Fact
              label={t('dashboard.host')}
              value={t(
                data.host === 'desktop'
                  ? 'dashboard.hostDesktop'
                  : data.service
                    ? 'dashboard.hostService'
                    : 'dashboard.hostHeadless',
              )}
            />
            <Fact
              label={t('dashboard.lastRun')}
              value={
                data.engine.lastRunAt
                  ? new Date(data.engine.lastRunAt).toLocaleString(i18n.language)
                  : t('dashboard.never')
              }
              testId="last-run"
            />
          </SimpleGrid>
          {data.demoStoreUrl && (
            <Text size="sm" mt="sm">
              {t('dashboard.demoStoreIntro')}{' '}
              <Anchor href={data.demoStoreUrl} target="_blank" rel="noreferrer">
                {t('dashboard.demoStoreLink')}
              </Anchor>
            </Text>
          )}
          <SyncOverviewCards enginePaused={paused} runBlocked={runBlocked} />
          <StoreStateCard />
          <ActivityCharts />
        </>
      )}
    </>
  );
};
