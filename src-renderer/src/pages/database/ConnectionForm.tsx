import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { DatabaseSettings, type Settings } from '@contract';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useServerText } from '../../i18n/server-text';

type DatabaseValues = Settings['database'];

/** Connection to the WinThor database: Oracle (the product) or the embedded demo database. */
export const ConnectionForm = ({ database }: { database: DatabaseValues }) => {
  const { t } = useTranslation();
  const server = useServerText();
  const save = useApiMutation('settings.update', ['settings.get', 'db.check'], {
    onSuccess: () => notifications.show({ color: 'green', message: t('settings.saved') }),
  });
  const test = useApiMutation('db.testConnection');
  const form = useForm<DatabaseValues>({
    mode: 'controlled',
    initialValues: database,
    validate: zod4Resolver(DatabaseSettings),
  });
  const values = form.getValues();
  const oracle = values.kind === 'oracle';
  // A test result (or error) is shown only while the form still holds the values it was for.
  const tested =
    test.variables !== undefined && JSON.stringify(test.variables.database) === JSON.stringify(values);
  const testResult = tested ? test.data : undefined;

  const submit = form.onSubmit((database) => save.mutate({ database }));

  return (
    <Card withBorder mb="lg" component="form" onSubmit={submit} aria-label={t('database.connection')}>
      <Title order={4} mb="sm">
        {t('database.connection')}
      </Title>
      <ErrorAlert error={save.error ?? (tested ? test.error : null)} />
      <SegmentedControl
        mb="sm"
        data={[
          { value: 'oracle', label: t('database.kindOracle') },
          { value: 'embedded', label: t('database.kindEmbedded') },
        ]}
        {...form.getInputProps('kind')}
      />
      {oracle ? (
        <Stack gap="xs">
          <Group grow align="flex-start">
            <TextInput
              label={t('database.connectString')}
              description={t('database.connectStringHint')}
              placeholder="servidor:1521/WINT"
              {...form.getInputProps('oracle.connectString')}
            />
            <TextInput
              label={t('database.schema')}
              description={t('database.schemaHint')}
              {...form.getInputProps('oracle.schema')}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput label={t('database.user')} autoComplete="off" {...form.getInputProps('oracle.user')} />
            <PasswordInput
              label={t('database.password')}
              description={t('database.passwordHint')}
              autoComplete="new-password"
              {...form.getInputProps('oracle.password')}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label={t('database.instantClientDir')}
              description={t('database.instantClientDirHint')}
              {...form.getInputProps('oracle.instantClientDir')}
            />
            <NumberInput
              label={t('database.poolMin')}
              min={0}
              max={64}
              allowDecimal={false}
              clampBehavior="strict"
              {...form.getInputProps('oracle.poolMin')}
            />
            <NumberInput
              label={t('database.poolMax')}
              min={1}
              max={64}
              allowDecimal={false}
              clampBehavior="strict"
              {...form.getInputProps('oracle.poolMax')}
            />
          </Group>
        </Stack>
      ) : (
        <TextInput
          label={t('database.embeddedFile')}
          description={t('database.embeddedFileHint')}
          {...form.getInputProps('embedded.file')}
        />
      )}
      {testResult && (
        <Alert
          mt="md"
          color={testResult.ok ? 'green' : 'red'}
          title={testResult.ok ? t('database.testOk') : t('database.testFailed')}
          data-testid="db-test-result"
        >
          <Text size="sm">{server.text(testResult.message, testResult.messageRef)}</Text>
          {testResult.serverVersion && (
            <Text size="sm">
              {t('database.serverVersion')}: {testResult.serverVersion}
              {testResult.driverMode ? ` (${testResult.driverMode})` : ''}
            </Text>
          )}
        </Alert>
      )}
      <Group mt="md">
        <Button
          variant="default"
          loading={test.isPending}
          onClick={() => test.mutate({ database: form.getValues() })}
        >
          {t('database.testConnection')}
        </Button>
        <Button type="submit" loading={save.isPending}>
          {t('settings.save')}
        </Button>
      </Group>
    </Card>
  );
};
