import {
  Accordion,
  Alert,
  Button,
  Code,
  Group,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncPreview } from '@contract';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatFull, formatMinutes } from '../../format/format-time';

const ACTIONS: SyncPreview['actions'][number]['action'][] = [
  'create',
  'update',
  'hide',
  'unchanged',
  'problem',
  'deferred',
];
const ENTITY_ORDER = ['categories', 'products', 'prices', 'stock', 'all'];

/** Known entities in catalogue order, unknown ones after them, "all" (the unchanged total) last. */
const rank = (entity: string) => {
  const index = ENTITY_ORDER.indexOf(entity);
  return entity === 'all' ? 100 : index === -1 ? 50 : index;
};

/** What names a sample in its title: the payload's name, or its ERP id. */
const sampleName = (payload: unknown): string | undefined => {
  if (!payload || typeof payload !== 'object') return undefined;
  const { name, erpId, variantErpId } = payload as Record<string, unknown>;
  const label = [name, erpId, variantErpId].find((value) => typeof value === 'string' && value !== '');
  return label as string | undefined;
};

const entityLabel = (entity: string, t: (key: string) => string) =>
  ENTITY_ORDER.includes(entity) ? t(`preview.entities.${entity}`) : entity;

const Figure = ({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId?: string;
}) => (
  <div data-testid={testId}>
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text fw={600} size="lg">
      {value}
    </Text>
    {hint && (
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    )}
  </div>
);

const PreviewBody = ({ preview }: { preview: SyncPreview }) => {
  const { t, i18n } = useTranslation();
  const entities = [...new Set(preview.actions.map((a) => a.entity))].sort((a, b) => rank(a) - rank(b));
  const count = (entity: string, action: string) =>
    preview.actions.find((a) => a.entity === entity && a.action === action)?.count;
  return (
    <Stack>
      <SimpleGrid cols={3}>
        <Figure
          label={t('preview.storeCalls')}
          value={String(preview.storeCalls)}
          testId="preview-store-calls"
        />
        <Figure
          label={t('preview.estimated')}
          value={formatMinutes(preview.estimatedMinutes)}
          hint={t('preview.estimatedAt', { limit: preview.hourlyLimit })}
          testId="preview-estimated"
        />
        <Figure label={t('preview.generatedAt')} value={formatFull(preview.generatedAt, i18n.language)} />
      </SimpleGrid>
      {entities.length === 0 ? (
        <Text c="dimmed">{t('preview.nothingToDo')}</Text>
      ) : (
        <Table withTableBorder withColumnBorders data-testid="preview-actions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('preview.entity')}</Table.Th>
              {ACTIONS.map((action) => (
                <Table.Th key={action} ta="right">
                  {t(`preview.actions.${action}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entities.map((entity) => (
              <Table.Tr key={entity} data-testid={`preview-${entity}`}>
                <Table.Td fw={500}>{entityLabel(entity, t)}</Table.Td>
                {ACTIONS.map((action) => {
                  const value = count(entity, action);
                  return (
                    <Table.Td key={action} ta="right" c={value ? undefined : 'dimmed'}>
                      {value ?? '—'}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {preview.samples.length > 0 && (
        <div>
          <Text fw={600} size="sm" mb={4}>
            {t('preview.samples')}
          </Text>
          <Accordion variant="contained" chevronPosition="left" data-testid="preview-samples">
            {preview.samples.map((sample, index) => (
              <Accordion.Item key={index} value={String(index)}>
                <Accordion.Control>
                  <Group gap="xs">
                    <Text size="sm" fw={500}>
                      {entityLabel(sample.entity, t)}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {ACTIONS.includes(sample.action as (typeof ACTIONS)[number])
                        ? t(`preview.actions.${sample.action}`)
                        : sample.action}
                    </Text>
                    {sampleName(sample.payload) && <Text size="sm">{sampleName(sample.payload)}</Text>}
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Code block>{JSON.stringify(sample.payload, null, 2)}</Code>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </div>
      )}
    </Stack>
  );
};

/** "Prévia da primeira sincronização": computed on open, nothing sent (the engine records, not calls). */
export const PreviewModal = ({
  branch,
  opened,
  onClose,
}: {
  branch: string;
  opened: boolean;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const preview = useApiQuery('sync.preview', { branch }, { enabled: opened, retry: false });
  // While step 8 of "Primeiros passos" is open, the preview is where the first sync starts (ADR 0406).
  const setup = useApiQuery('setup.status', {}, { enabled: opened });
  const status = useApiQuery('app.status', {}, { enabled: opened });
  const firstSyncOpen = setup.data?.steps.some((step) => step.id === 'firstSync' && step.state !== 'done');
  // Offered from the moment the preview opens with step 8 open, until it closes: only this start (or
  // "Executar agora") releases the held catalogue, whose first run may end (closing step 8) while it is open.
  const [offerStart, setOfferStart] = useState(false);
  if (!opened && offerStart) setOfferStart(false);
  if (opened && firstSyncOpen && !offerStart) setOfferStart(true);
  const canRun = status.data?.engine.state === 'running' || status.data?.engine.state === 'error';
  const start = useApiMutation('sync.run', ['app.status', 'sync.overview', 'setup.status']);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('preview.close') }}
      size="xl"
      title={<Text fw={600}>{t('preview.title', { branch })}</Text>}
    >
      <Alert color="blue" icon={<IconInfoCircle />} mb="md" data-testid="preview-nothing-sent">
        {t('preview.nothingSent')}
      </Alert>
      <ErrorAlert error={preview.error} />
      {preview.isFetching && !preview.data && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            {t('preview.loading')}
          </Text>
        </Group>
      )}
      {preview.data && <PreviewBody preview={preview.data} />}
      {/* Also when the preview fails: the start must not depend on a preview that cannot be computed. */}
      {offerStart && (preview.data || preview.error) && (
        <Group justify="flex-end" mt="md">
          <ErrorAlert error={start.error} />
          {start.isSuccess ? (
            <Text size="sm" c="green" data-testid="preview-first-sync-started">
              {t('preview.firstSyncStarted')}
            </Text>
          ) : (
            <Button onClick={() => start.mutate({ branch })} loading={start.isPending} disabled={!canRun}>
              {t('preview.startFirstSync')}
            </Button>
          )}
        </Group>
      )}
    </Modal>
  );
};
