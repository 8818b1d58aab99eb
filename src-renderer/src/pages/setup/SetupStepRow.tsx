import { Alert, Badge, Button, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SetupStep } from '@contract';
import { stepDetailText } from './step-detail-text';
import { setupStepPath } from './setup-paths';

const STATE_COLORS: Record<SetupStep['state'], string> = {
  done: 'green',
  open: 'orange',
  failing: 'red',
  optional: 'gray',
};

/** One step of the guide: its number and state, why it matters, what was measured and the screen that does it. */
export const SetupStepRow = ({ step, demo }: { step: SetupStep; demo: boolean }) => {
  const { t, i18n } = useTranslation();
  const done = step.state === 'done';
  return (
    <Group
      align="flex-start"
      wrap="nowrap"
      data-testid={`setup-step-${step.id}`}
      data-state={step.state}
      role="listitem"
      aria-label={`${step.number}. ${t(`setup.steps.${step.id}.title`)}`}
    >
      <ThemeIcon radius="xl" color={STATE_COLORS[step.state]} variant={done ? 'filled' : 'light'}>
        <Text size="sm" fw={700}>
          {step.number}
        </Text>
      </ThemeIcon>
      <Stack gap={2} style={{ flex: 1 }}>
        <Group gap="xs">
          <Text fw={600}>{t(`setup.steps.${step.id}.title`)}</Text>
          <Badge color={STATE_COLORS[step.state]} variant="light" data-testid="setup-step-state">
            {t(`setup.state.${step.state}`)}
          </Badge>
          {step.blocking && !done && (
            <Text size="xs" c="dimmed">
              {t('setup.blockingHint')}
            </Text>
          )}
          {demo && step.needsPerson && (
            <Badge color="grape" variant="outline" data-testid="setup-step-needs-person">
              {t('setup.needsPerson')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t(`setup.steps.${step.id}.why`)}
        </Text>
        <Text size="sm" data-testid="setup-step-detail">
          {stepDetailText(i18n, step)}
        </Text>
        {step.id === 'prerequisites' && (
          <Alert color="blue" variant="light" p="xs" mt={4} title={t('setup.winthorReminder.title')}>
            <Text size="sm">{t('setup.winthorReminder.body')}</Text>
          </Alert>
        )}
      </Stack>
      {!done && (
        <Button component={Link} to={setupStepPath(step)} variant="light" size="xs">
          {t(`setup.steps.${step.id}.action`)}
        </Button>
      )}
    </Group>
  );
};
