import { Button, Card, Group, Loader, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { serverText } from '../../i18n/server-text';

/** Saves a file the API returned as base64 (the desktop window asks where; the browser downloads it). */
const saveBase64 = (fileName: string, base64: string, type: string) => {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
};

/**
 * Configuração → "Este computador": version and folders of this installation, "Iniciar com o Windows"
 * (the desktop app's login item, ADR 0306) and "Gerar pacote de diagnóstico" (ADR 0309).
 */
export const ThisComputerCard = () => {
  const { t, i18n } = useTranslation();
  const info = useApiQuery('system.info', {});
  const startAtLogin = useApiMutation('system.setStartAtLogin', ['system.info'], {
    onSuccess: (state) =>
      notifications.show({
        color: 'green',
        message: t(state.enabled ? 'computer.startAtLoginOn' : 'computer.startAtLoginOff'),
      }),
  });
  const diagnostics = useApiMutation('system.diagnostics', [], {
    onSuccess: (result) => {
      saveBase64(result.fileName, result.contentBase64, 'application/zip');
      notifications.show({
        color: 'green',
        message: t('computer.diagnosticsDone', {
          file: result.fileName,
          size: Math.ceil(result.bytes / 1024),
        }),
      });
    },
  });

  return (
    <Card withBorder mb="lg" component="section" aria-label={t('computer.title')}>
      <Title order={4} mb="sm">
        {t('computer.title')}
      </Title>
      <ErrorAlert error={info.error ?? startAtLogin.error ?? diagnostics.error} />
      {info.isPending && <Loader size="sm" aria-label={t('errors.loading')} />}
      {info.data && (
        <Stack gap="sm">
          <Text size="sm">
            {t('computer.version', { version: info.data.version })} ·{' '}
            {t(info.data.host === 'desktop' ? 'computer.hostDesktop' : 'computer.hostHeadless')}
          </Text>
          <Text size="sm">
            {t('computer.dataDir')}: <code>{info.data.dataDir}</code>
          </Text>
          <Text size="sm">
            {t('computer.logsDir')}: <code>{info.data.logsDir}</code>
          </Text>
          <Switch
            label={t('computer.startAtLogin')}
            description={serverText(i18n, info.data.startAtLogin.note, info.data.startAtLogin.noteRef)}
            checked={info.data.startAtLogin.enabled}
            disabled={!info.data.startAtLogin.available || startAtLogin.isPending}
            onChange={(event) => startAtLogin.mutate({ enabled: event.currentTarget.checked })}
          />
          <Text size="sm" c="dimmed">
            {t('computer.diagnosticsHint')}
          </Text>
          <Group>
            <Button variant="default" loading={diagnostics.isPending} onClick={() => diagnostics.mutate({})}>
              {t('computer.diagnostics')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
};
