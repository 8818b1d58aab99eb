import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '@contract';

const SOURCE_NAME: Record<'flag' | 'env', string> = { flag: '--port', env: 'WTC_PORT' };

/**
 * Beside Configuração → Servidor web → Porta: the UI is on another port, chosen at start by --port or
 * WTC_PORT (app.status `web`), so the field is not the port in use (#12).
 */
export const PortOverrideHint = ({ web }: { web: AppStatus['web'] | undefined }) => {
  const { t } = useTranslation();
  if (!web || web.source === 'settings') return null;
  return (
    <Alert color="yellow" mt="xs" role="note" data-testid="port-override">
      {t('settings.portOverride', { port: web.port, source: SOURCE_NAME[web.source] })}
    </Alert>
  );
};
