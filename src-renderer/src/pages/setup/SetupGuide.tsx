import { Alert, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SetupStepRow } from './SetupStepRow';

/**
 * "Primeiros passos" (issue #13): the eight steps measured live by `setup.status`. On the Painel it shows
 * only while a step is open (`compact`: the open steps and a link to the whole guide); its own page always.
 */
export const SetupGuide = ({ compact = false }: { compact?: boolean }) => {
  const { t, i18n } = useTranslation();
  // Every 5 s while steps are open; once complete the Painel's compact guide asks once a minute (each ask
  // runs the prerequisites' queries on WinThor).
  const setup = useApiQuery(
    'setup.status',
    {},
    { refetchInterval: (query) => (compact && query.state.data?.complete ? 60_000 : 5_000) },
  );
  const status = useApiQuery('app.status', {});
  const data = setup.data;
  if (compact && (!data || data.complete)) return null;
  const demo = status.data?.demo ?? false;
  const done = data?.steps.filter((step) => step.state === 'done').length ?? 0;
  const total = data?.steps.length ?? 8;
  const blocking = data?.steps.find((step) => step.id === data.firstBlocking);
  const steps = data ? (compact ? data.steps.filter((step) => step.state !== 'done') : data.steps) : [];
  return (
    <Card withBorder mb="md" data-testid="setup-guide" aria-label={t('setup.title')}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{t('setup.title')}</Title>
          {data && (
            <Text size="sm" c="dimmed" data-testid="setup-progress">
              {t('setup.progress', { done, total })}
            </Text>
          )}
        </Group>
        <ErrorAlert error={setup.error} />
        {data && <Progress value={(done / total) * 100} color={data.complete ? 'green' : 'orange'} />}
        <Text size="sm">{t('setup.intro')}</Text>
        {demo && data && !data.complete && (
          <Alert color="grape" variant="light" p="xs">
            {t('setup.demoIntro')}
          </Alert>
        )}
        {blocking && (
          <Alert color="orange" variant="light" p="xs" data-testid="setup-waiting">
            {t('setup.waiting', { number: blocking.number })}
          </Alert>
        )}
        {data?.complete && (
          <Alert color="green" variant="light" p="xs" data-testid="setup-complete">
            {t('setup.complete')}
          </Alert>
        )}
        <Stack gap="md" role="list">
          {steps.map((step) => (
            <SetupStepRow key={step.id} step={step} demo={demo} />
          ))}
        </Stack>
        <Group justify="space-between">
          {data && (
            <Text size="xs" c="dimmed">
              {t('setup.measuredAt', { time: new Date(data.measuredAt).toLocaleTimeString(i18n.language) })}
            </Text>
          )}
          <Group>
            <Button
              variant="subtle"
              size="xs"
              onClick={() => void setup.refetch()}
              loading={setup.isFetching}
            >
              {t('setup.remeasure')}
            </Button>
            {compact && (
              <Button component={Link} to="/primeiros-passos" variant="default" size="xs">
                {t('setup.openGuide')}
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
    </Card>
  );
};
