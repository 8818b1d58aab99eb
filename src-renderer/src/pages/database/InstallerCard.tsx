import { Alert, Button, Card, Code, Group, Modal, ScrollArea, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';

type Mode = 'install' | 'uninstall';

/**
 * "Criar Tabelas / Sequences / Triggers": the script is always shown first (a DBA reads it), then run only
 * after an explicit confirmation. The same for removal.
 */
export const InstallerCard = () => {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode | null>(null);
  const [confirming, setConfirming] = useState(false);
  const installPreview = useApiMutation('db.installPreview');
  const uninstallPreview = useApiMutation('db.uninstallPreview');
  const install = useApiMutation('db.install', ['db.check']);
  const uninstall = useApiMutation('db.uninstall', ['db.check']);
  const preview = mode === 'install' ? installPreview : mode === 'uninstall' ? uninstallPreview : undefined;
  const run = mode === 'uninstall' ? uninstall : install;

  const show = (next: Mode) => {
    setMode(next);
    (next === 'install' ? installPreview : uninstallPreview).mutate({});
  };

  const execute = () =>
    run.mutate(
      {},
      {
        onSuccess: (result) => {
          setConfirming(false);
          notifications.show({
            color: 'green',
            message: t(mode === 'uninstall' ? 'database.uninstalled' : 'database.installed', {
              version: result.installedVersion,
              statements: result.statements,
            }),
          });
          if (mode) (mode === 'install' ? installPreview : uninstallPreview).mutate({});
        },
      },
    );

  return (
    <Card withBorder mb="lg" aria-label={t('database.installer')} component="section">
      <Title order={4} mb="xs">
        {t('database.installer')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('database.installerHint')}
      </Text>
      <ErrorAlert
        error={installPreview.error ?? uninstallPreview.error ?? install.error ?? uninstall.error}
      />
      <Group mb="sm">
        <Button variant="default" onClick={() => show('install')} loading={installPreview.isPending}>
          {t('database.showInstallScript')}
        </Button>
        <Button
          variant="default"
          color="red"
          onClick={() => show('uninstall')}
          loading={uninstallPreview.isPending}
        >
          {t('database.showUninstallScript')}
        </Button>
      </Group>
      {preview?.data && (
        <>
          <Alert color={mode === 'uninstall' ? 'red' : 'blue'} mb="sm" data-testid="script-versions">
            {t('database.versions', {
              current: preview.data.currentVersion,
              target: preview.data.targetVersion,
              dialect: preview.data.dialect,
            })}
          </Alert>
          <ScrollArea h={320} type="auto" mb="sm">
            <Code block data-testid="script">
              {preview.data.script.trim()
                ? preview.data.script
                : t(mode === 'uninstall' ? 'database.nothingToRemove' : 'database.nothingToRun')}
            </Code>
          </ScrollArea>
          {/* An empty script has nothing to run: no button to run it. */}
          {preview.data.script.trim() !== '' && (
            <Button color={mode === 'uninstall' ? 'red' : 'blue'} onClick={() => setConfirming(true)}>
              {mode === 'uninstall' ? t('database.runUninstall') : t('database.runInstall')}
            </Button>
          )}
        </>
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={mode === 'uninstall' ? t('database.confirmUninstallTitle') : t('database.confirmInstallTitle')}
      >
        <Text mb="md">
          {mode === 'uninstall' ? t('database.confirmUninstall') : t('database.confirmInstall')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
          <Button color={mode === 'uninstall' ? 'red' : 'blue'} loading={run.isPending} onClick={execute}>
            {t('common.confirm')}
          </Button>
        </Group>
      </Modal>
    </Card>
  );
};
