import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useServerText } from '../../i18n/server-text';

interface Props {
  branch: string;
  url: string;
  token: string;
}

/**
 * "Testar conexão" for one branch: tests what is typed on the screen (a masked token means the saved one)
 * and says which part is wrong — URL, token or network.
 */
export const StoreTestButton = ({ branch, url, token }: Props) => {
  const { t } = useTranslation();
  const server = useServerText();
  const test = useApiMutation('store.test');
  // A result (or error) is shown only while the fields still hold the values it was for.
  const tested = test.variables;
  const current =
    tested !== undefined && tested.branch === branch && tested.url === url && tested.token === token;
  const result = current ? test.data : undefined;
  return (
    <Stack gap="xs" mt="xs">
      <Button
        variant="default"
        w="fit-content"
        loading={test.isPending}
        onClick={() => test.mutate({ branch, url, token })}
      >
        {t('settings.testConnection')}
      </Button>
      <ErrorAlert error={current ? test.error : null} />
      {result && (
        <Alert
          color={result.ok ? 'green' : 'red'}
          title={result.ok ? t('settings.testOk') : t('settings.testFailed')}
          data-testid={`store-test-${branch}`}
        >
          <Text size="sm">{server.text(result.message, result.messageRef)}</Text>
          {!result.ok && <Text size="sm">{t(`settings.failedPart.${result.failed}`)}</Text>}
        </Alert>
      )}
    </Stack>
  );
};
