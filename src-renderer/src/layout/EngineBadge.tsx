import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '@contract';

const COLORS: Record<AppStatus['engine']['state'], string> = {
  starting: 'gray',
  running: 'green',
  paused: 'yellow',
  error: 'red',
  stopped: 'gray',
  setup: 'orange',
  standby: 'grape',
};

export const EngineBadge = ({ state }: { state: AppStatus['engine']['state'] }) => {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[state]} variant="light" data-testid="engine-state">
      {t(`engine.${state}`)}
    </Badge>
  );
};
