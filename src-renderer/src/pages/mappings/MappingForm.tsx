import { Autocomplete, Button, Card, Group, Select, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MappingKind, StoreCodeSeen, WinthorCode } from '@contract';
import { winthorLabel } from './mapping-labels';

export interface MappingValues {
  storeCode: string;
  winthorCode: string;
  description: string;
}

/**
 * "Adicionar" / edit form: the store's code picked from the codes seen on orders or typed by hand, and the
 * WinThor code picked from WinThor's own list (searchable).
 */
export const MappingForm = ({
  kind,
  form,
  onSubmit,
  winthor,
  seen,
  editingCode,
  onCancel,
  saving,
}: {
  kind: MappingKind;
  form: UseFormReturnType<MappingValues>;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  winthor: WinthorCode[] | undefined;
  seen: StoreCodeSeen[];
  editingCode: string | null;
  onCancel: () => void;
  saving: boolean;
}) => {
  const { t } = useTranslation();
  const names = new Map(seen.map((code) => [code.code, code.name]));
  const title =
    editingCode === null ? t('mappings.newMapping') : t('mappings.editMapping', { code: editingCode });
  return (
    <Card withBorder component="form" onSubmit={onSubmit} aria-label={title}>
      <Title order={4} mb="sm">
        {title}
      </Title>
      <Group align="flex-start" wrap="wrap">
        <Autocomplete
          label={t(`mappings.kinds.${kind}.storeCode`)}
          description={t(`mappings.kinds.${kind}.storeCodeHint`)}
          data={
            seen.length ? [{ group: t('mappings.suggestionsLabel'), items: seen.map((c) => c.code) }] : []
          }
          renderOption={({ option }) => (
            <Group gap="xs">
              <Text size="sm">{option.value}</Text>
              {names.get(option.value) && names.get(option.value) !== option.value && (
                <Text size="xs" c="dimmed">
                  {names.get(option.value)}
                </Text>
              )}
            </Group>
          )}
          w={300}
          withAsterisk
          {...form.getInputProps('storeCode')}
        />
        <Select
          label={t(`mappings.kinds.${kind}.winthorCode`)}
          description={winthor ? ' ' : t('mappings.winthorLoading')}
          data={(winthor ?? []).map((code) => ({
            value: code.code,
            label: code.blocked
              ? `${winthorLabel(code, t)} · ${t('mappings.blocked')}`
              : winthorLabel(code, t),
          }))}
          searchable
          nothingFoundMessage={t('mappings.nothingFound')}
          w={380}
          withAsterisk
          {...form.getInputProps('winthorCode')}
          // null, not '': a searchable Select keeps the old label on screen for a value it does not list.
          value={form.values.winthorCode || null}
          onChange={(value) => form.setFieldValue('winthorCode', value ?? '')}
        />
        <TextInput
          label={t('mappings.description')}
          description={t('mappings.descriptionHint')}
          w={260}
          maxLength={200}
          {...form.getInputProps('description')}
        />
      </Group>
      <Group mt="md">
        <Button type="submit" loading={saving}>
          {editingCode === null ? t('mappings.add') : t('mappings.saveEdit')}
        </Button>
        {editingCode !== null && (
          <Button variant="default" onClick={onCancel}>
            {t('mappings.cancelEdit')}
          </Button>
        )}
      </Group>
    </Card>
  );
};
