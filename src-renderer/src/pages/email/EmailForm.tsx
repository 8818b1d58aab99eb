import {
  Button,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  Stack,
  Switch,
  Tabs,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { SMTP_PROTOCOLS } from '@contract';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmailCopies } from './EmailCopies';
import { EmailTestResultCard } from './EmailTestResultCard';
import {
  fromFormValues,
  looksLikeAddress,
  toFormValues,
  type BranchEmail,
  type EmailFormValues,
} from './email-form';

const DEFAULT_PORT: Record<(typeof SMTP_PROTOCOLS)[number], number> = { smtp: 25, starttls: 587, smtps: 465 };

/** One branch's e-mail: "Configuração", "E-mails para cópia" and "Alertas", one Salvar, "Enviar teste". */
export const EmailForm = ({ branch, email }: { branch: string; email: BranchEmail }) => {
  const { t } = useTranslation();
  const form = useForm<EmailFormValues>({
    mode: 'controlled',
    initialValues: toFormValues(email),
    validate: {
      from: (value) => (value && !looksLikeAddress(value) ? t('email.invalidAddress') : null),
      to: (value) =>
        value
          .split(/[,;\s]+/)
          .filter(Boolean)
          .every(looksLikeAddress)
          ? null
          : t('email.invalidAddress'),
    },
  });
  const save = useApiMutation('email.save', ['settings.get'], {
    onSuccess: () => notifications.show({ color: 'green', message: t('email.saved') }),
  });
  const test = useApiMutation('email.test');
  const values = form.getValues();
  const submit = form.onSubmit((v) =>
    save.mutate(
      { branch, email: fromFormValues(v) },
      { onSuccess: (saved) => form.setValues(toFormValues(saved.email)) },
    ),
  );
  const buttons = (
    <Group mt="md">
      <Button type="submit" loading={save.isPending}>
        {t('email.save')}
      </Button>
      <Button
        variant="default"
        loading={test.isPending}
        onClick={() => {
          if (!form.validate().hasErrors) test.mutate({ branch, email: fromFormValues(form.getValues()) });
        }}
      >
        {t('email.test')}
      </Button>
    </Group>
  );
  return (
    <form onSubmit={submit} aria-label={t('email.title')}>
      <ErrorAlert error={save.error ?? test.error} />
      <Tabs defaultValue="config" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="config">{t('email.configTab')}</Tabs.Tab>
          <Tabs.Tab value="copies">{t('email.copiesTab')}</Tabs.Tab>
          <Tabs.Tab value="alerts">{t('email.alertsTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="config">
          <Stack maw={640}>
            <Switch label={t('email.enabled')} {...form.getInputProps('enabled', { type: 'checkbox' })} />
            <Group grow align="flex-start">
              <TextInput
                label={t('email.host')}
                placeholder={t('email.hostHint')}
                {...form.getInputProps('host')}
              />
              <NumberInput
                label={t('email.port')}
                min={1}
                max={65535}
                allowDecimal={false}
                {...form.getInputProps('port')}
              />
            </Group>
            <Select
              label={t('email.protocol')}
              data={SMTP_PROTOCOLS.map((p) => ({ value: p, label: t(`email.protocols.${p}`) }))}
              allowDeselect={false}
              value={values.protocol}
              onChange={(protocol) => {
                if (!protocol) return;
                const previous = DEFAULT_PORT[values.protocol];
                form.setFieldValue('protocol', protocol as EmailFormValues['protocol']);
                // The usual port follows the protocol, unless someone typed another one.
                if (values.port === previous)
                  form.setFieldValue('port', DEFAULT_PORT[protocol as EmailFormValues['protocol']]);
              }}
            />
            <TextInput
              label={t('email.from')}
              placeholder="integrador@empresa.com.br"
              {...form.getInputProps('from')}
            />
            <Group grow align="flex-start">
              <TextInput label={t('email.user')} autoComplete="off" {...form.getInputProps('user')} />
              <PasswordInput
                label={t('email.password')}
                description={t('email.passwordHint')}
                autoComplete="new-password"
                {...form.getInputProps('password')}
              />
            </Group>
            <TextInput label={t('email.to')} description={t('email.toHint')} {...form.getInputProps('to')} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="copies">
          <EmailCopies value={values.cc} onChange={(cc) => form.setFieldValue('cc', cc)} />
        </Tabs.Panel>
        <Tabs.Panel value="alerts">
          <Stack maw={640}>
            <Group grow>
              <NumberInput
                label={t('email.stillFailingMinutes')}
                min={5}
                max={10080}
                allowDecimal={false}
                {...form.getInputProps('alerts.stillFailingMinutes')}
              />
              <NumberInput
                label={t('email.maxPerHour')}
                min={1}
                max={60}
                allowDecimal={false}
                {...form.getInputProps('alerts.maxPerHour')}
              />
            </Group>
            <Group grow>
              <Switch
                label={t('email.dailySummary')}
                {...form.getInputProps('alerts.dailySummary', { type: 'checkbox' })}
              />
              <NumberInput
                label={t('email.dailySummaryHour')}
                min={0}
                max={23}
                allowDecimal={false}
                {...form.getInputProps('alerts.dailySummaryHour')}
              />
            </Group>
          </Stack>
        </Tabs.Panel>
      </Tabs>
      {buttons}
      {test.data && <EmailTestResultCard result={test.data} />}
    </form>
  );
};
