import { Button, Card, FileButton, Group, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';

const download = (fileName: string, content: string) => {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
};

export const ExportImportCard = ({ onImported }: { onImported?: () => void }) => {
  const { t } = useTranslation();
  const exportSettings = useApiMutation('settings.export');
  const importSettings = useApiMutation('settings.import', ['settings.get'], {
    onSuccess: () => {
      onImported?.();
      notifications.show({ color: 'green', message: t('settings.imported') });
    },
  });

  return (
    <Card withBorder mb="lg">
      <Title order={4} mb="sm">
        {t('settings.exportImport')}
      </Title>
      <ErrorAlert error={exportSettings.error ?? importSettings.error} />
      <Text size="sm" c="dimmed" mb="sm">
        {t('settings.exportHint')}
      </Text>
      <Group>
        <Button
          variant="default"
          loading={exportSettings.isPending}
          onClick={() =>
            exportSettings.mutate({}, { onSuccess: (file) => download(file.fileName, file.content) })
          }
        >
          {t('settings.export')}
        </Button>
        <FileButton
          accept="application/json,.json"
          onChange={(file) => {
            if (!file) return;
            void file.text().then((content) => importSettings.mutate({ content, fileName: file.name }));
          }}
        >
          {(props) => (
            <Button variant="default" loading={importSettings.isPending} {...props}>
              {t('settings.import')}
            </Button>
          )}
        </FileButton>
      </Group>
    </Card>
  );
};
