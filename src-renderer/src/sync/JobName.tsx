import { Badge, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScheduleJob } from '@contract';

/** A job's name and, when this version does not run it, a badge saying so (with the reason on hover). */
export const JobName = ({ job, available }: { job: ScheduleJob; available: boolean }) => {
  const { t } = useTranslation();
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm" fw={500}>
        {t(`jobs.${job}`)}
      </Text>
      {!available && (
        <Tooltip label={t('sync.unavailableHint')} multiline w={280}>
          <Badge color="gray" variant="outline" size="xs">
            {t('sync.unavailable')}
          </Badge>
        </Tooltip>
      )}
    </Stack>
  );
};
