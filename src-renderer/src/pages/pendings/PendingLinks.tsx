import { Anchor, Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PendingDto } from '@contract';

/**
 * What the pendência is about: CODPROD, the store's order and the WinThor NUMPED once known, a category…
 * and a link to the logs that mention it (the store's own admin pages have no address we know of).
 */
export const PendingLinks = ({ pending }: { pending: PendingDto }) => {
  const { t } = useTranslation();
  const text =
    pending.links.find((l) => l.type === 'codprod' || l.type === 'storeOrder')?.value ?? pending.key;
  return (
    <Group gap={4} wrap="wrap">
      {pending.links.map((link) => (
        <Badge
          key={`${link.type}-${link.value}`}
          variant="outline"
          color="gray"
          tt="none"
          data-testid="pending-link"
        >
          {t(`pendings.links.${link.type}`, { value: link.value })}
        </Badge>
      ))}
      <Anchor
        component={Link}
        size="xs"
        to={`/monitorar/logs?branch=${encodeURIComponent(pending.branch)}&text=${encodeURIComponent(text)}`}
      >
        {t('pendings.links.logs')}
      </Anchor>
    </Group>
  );
};
