import { Alert, Button, Card, Group, NumberInput, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { MonitoringSettings, type Settings } from '@contract';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';

const LOCAL_ADDRESS = /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/i;

/**
 * For every branch: the address the alert mails link to (people read them on other machines), and how long
 * logs and resolved pendências are kept (ADR 0028).
 */
export const MonitoringSettingsCard = ({ monitoring }: { monitoring: Settings['monitoring'] }) => {
  const { t } = useTranslation();
  const save = useApiMutation('settings.update', ['settings.get'], {
    onSuccess: () => notifications.show({ color: 'green', message: t('email.monitoring.saved') }),
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: monitoring,
    validate: zod4Resolver(MonitoringSettings),
  });
  const uiUrl = form.getValues().uiUrl.trim();
  const onlyHere = uiUrl === '' || LOCAL_ADDRESS.test(uiUrl);
  return (
    <Card withBorder mt="lg" data-testid="monitoring-settings">
      <Title order={4}>{t('email.monitoring.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('email.monitoring.hint')}
      </Text>
      <form onSubmit={form.onSubmit((values) => save.mutate({ monitoring: values }))}>
        <TextInput
          label={t('email.monitoring.uiUrl')}
          placeholder="http://servidor-winthor:7585"
          maw={480}
          {...form.getInputProps('uiUrl')}
        />
        {onlyHere && (
          <Alert color="yellow" mt="xs" maw={640} data-testid="ui-url-local">
            {t('email.monitoring.uiUrlLocal')}
          </Alert>
        )}
        <Group mt="sm" align="flex-start">
          <NumberInput
            label={t('email.monitoring.logDays')}
            min={7}
            max={3650}
            w={220}
            {...form.getInputProps('logRetentionDays')}
          />
          <NumberInput
            label={t('email.monitoring.resolvedDays')}
            min={1}
            max={3650}
            w={260}
            {...form.getInputProps('resolvedPendingRetentionDays')}
          />
        </Group>
        <ErrorAlert error={save.error} />
        <Button type="submit" mt="md" loading={save.isPending}>
          {t('email.monitoring.save')}
        </Button>
      </form>
    </Card>
  );
};
