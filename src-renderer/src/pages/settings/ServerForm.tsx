import { Button, Card, Group, NumberInput, PasswordInput, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { AppStatus, Settings } from '@contract';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PortOverrideHint } from './PortOverrideHint';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1)$/;

const PORT_MESSAGE = 'Porta: use um número inteiro entre 1 e 65535.';

const ServerValues = z
  .object({
    port: z
      .number({ error: PORT_MESSAGE })
      .int({ error: PORT_MESSAGE })
      .min(1, { error: PORT_MESSAGE })
      .max(65535, { error: PORT_MESSAGE }),
    host: z.string().min(1, 'Endereço de escuta: informe 127.0.0.1 ou o endereço da placa de rede.'),
    allowedHosts: z.string(),
    loginPassword: z.string(),
  })
  .refine((v) => LOOPBACK.test(v.host) || v.loginPassword !== '', {
    message: 'Senha de acesso: defina uma senha antes de abrir a porta a outras máquinas.',
    path: ['loginPassword'],
  });

export const ServerForm = ({
  settings,
  web,
}: {
  settings: Settings;
  /** The port in use and what chose it (app.status): a hint when --port or WTC_PORT overrides the field. */
  web?: AppStatus['web'];
}) => {
  const { t } = useTranslation();
  const save = useApiMutation('settings.update', ['settings.get'], {
    onSuccess: () => notifications.show({ color: 'green', message: t('settings.saved') }),
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      port: settings.server.port,
      host: settings.server.host,
      allowedHosts: settings.server.allowedHosts.join(', '),
      loginPassword: settings.server.loginPassword,
    },
    validate: zod4Resolver(ServerValues),
  });

  const submit = form.onSubmit((values) =>
    save.mutate({
      server: {
        port: values.port,
        host: values.host.trim(),
        allowedHosts: values.allowedHosts
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean),
        loginPassword: values.loginPassword,
      },
    }),
  );

  return (
    <Card withBorder mb="lg" component="form" onSubmit={submit} aria-label={t('settings.server')}>
      <Title order={4} mb="sm">
        {t('settings.server')}
      </Title>
      <ErrorAlert error={save.error} />
      <Group grow align="flex-start">
        <NumberInput
          label={t('settings.port')}
          min={1}
          max={65535}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          {...form.getInputProps('port')}
        />
        <TextInput
          label={t('settings.host')}
          description={t('settings.hostHint')}
          {...form.getInputProps('host')}
        />
      </Group>
      <PortOverrideHint web={web} />
      <Group grow align="flex-start" mt="xs">
        <TextInput
          label={t('settings.allowedHosts')}
          description={t('settings.allowedHostsHint')}
          {...form.getInputProps('allowedHosts')}
        />
        <PasswordInput label={t('settings.loginPassword')} {...form.getInputProps('loginPassword')} />
      </Group>
      <Text size="sm" c="dimmed" mt="xs">
        {t('settings.restartHint')}
      </Text>
      <Group mt="md">
        <Button type="submit" loading={save.isPending}>
          {t('settings.save')}
        </Button>
      </Group>
    </Card>
  );
};
