import { Alert, Code, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EmailTestResult } from '@contract';
import { useServerText } from '../../i18n/server-text';

/** The test's verdict: sent (with the server's answer) or what failed, in the server's own words too. */
export const EmailTestResultCard = ({ result }: { result: EmailTestResult }) => {
  const { t } = useTranslation();
  const server = useServerText();
  return (
    <Alert
      color={result.ok ? 'green' : 'red'}
      title={result.ok ? t('email.testOk') : t('email.testFailed')}
      data-testid="email-test-result"
    >
      <Text size="sm">{server.text(result.message, result.messageRef)}</Text>
      {!result.ok && <Text size="sm">{t(`email.failedPart.${result.failed}`)}</Text>}
      {result.serverResponse && (
        <Text size="sm" mt="xs">
          {t('email.serverAnswer')}: <Code>{result.serverResponse}</Code>
        </Text>
      )}
    </Alert>
  );
};
