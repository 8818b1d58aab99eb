import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromLocalInput, toLocalInput } from '../monitor/format';
import { PENDING_ENTITY_OPTIONS, useBranchOptions } from '../monitor/use-branch-options';

export const PENDING_FILTER_KEYS = ['branch', 'entity', 'kind', 'status', 'from', 'to', 'text'] as const;
export type PendingFilterValues = Partial<Record<(typeof PENDING_FILTER_KEYS)[number], string>>;

/** Branch, entity, kind, state, period (last attempt) and text (the item's key or words of the message). */
export const PendingFilters = ({
  value,
  kinds,
  onApply,
}: {
  value: PendingFilterValues;
  kinds: Array<{ value: string; label: string }>;
  onApply: (next: PendingFilterValues) => void;
}) => {
  const { t } = useTranslation();
  const branches = useBranchOptions();
  const [draft, setDraft] = useState<PendingFilterValues>(value);
  const set = (key: keyof PendingFilterValues, next: string | undefined) =>
    setDraft({ ...draft, [key]: next || undefined });
  const kindOptions = [{ value: '', label: t('filters.all') }, ...kinds];
  if (draft.kind && !kinds.some((k) => k.value === draft.kind))
    kindOptions.push({ value: draft.kind, label: draft.kind });
  return (
    <form
      aria-label={t('filters.apply')}
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <Group align="flex-end" wrap="wrap" mb="md">
        <Select
          label={t('filters.branch')}
          data={branches}
          value={draft.branch ?? ''}
          onChange={(v) => set('branch', v ?? '')}
          w={170}
          allowDeselect={false}
        />
        <Select
          label={t('filters.entity')}
          data={[
            { value: '', label: t('filters.all') },
            ...PENDING_ENTITY_OPTIONS.map((e) => ({ value: e, label: t(`entities.${e}`) })),
          ]}
          value={draft.entity ?? ''}
          onChange={(v) => set('entity', v ?? '')}
          w={170}
          allowDeselect={false}
        />
        <Select
          label={t('filters.kind')}
          data={kindOptions}
          value={draft.kind ?? ''}
          onChange={(v) => set('kind', v ?? '')}
          w={230}
          allowDeselect={false}
        />
        <Select
          label={t('filters.state')}
          data={[
            { value: 'all', label: t('filters.all') },
            ...(['open', 'ignored', 'resolved'] as const).map((s) => ({
              value: s,
              label: t(`pendings.states.${s}`),
            })),
          ]}
          value={draft.status ?? 'open'}
          onChange={(v) => set('status', v ?? 'open')}
          w={140}
          allowDeselect={false}
        />
        <TextInput
          type="datetime-local"
          label={`${t('filters.period')}: ${t('filters.from')}`}
          value={toLocalInput(draft.from)}
          onChange={(e) => set('from', fromLocalInput(e.currentTarget.value))}
          w={210}
        />
        <TextInput
          type="datetime-local"
          label={t('filters.to')}
          value={toLocalInput(draft.to)}
          onChange={(e) => set('to', fromLocalInput(e.currentTarget.value))}
          w={210}
        />
        <TextInput
          label={t('filters.text')}
          value={draft.text ?? ''}
          onChange={(e) => set('text', e.currentTarget.value)}
          w={200}
        />
        <Button type="submit">{t('filters.apply')}</Button>
        <Button
          variant="subtle"
          onClick={() => {
            setDraft({});
            onApply({});
          }}
        >
          {t('filters.clear')}
        </Button>
      </Group>
    </form>
  );
};
