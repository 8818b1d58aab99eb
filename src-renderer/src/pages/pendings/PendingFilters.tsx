import { useTranslation } from 'react-i18next';
import {
  BranchEntityFilters,
  ChoiceFilter,
  FilterForm,
  PeriodFields,
  TextFilter,
} from '../monitor/filter-fields';
import { PENDING_ENTITY_OPTIONS } from '../monitor/use-branch-options';
import { useFilterDraft } from '../monitor/use-filter-draft';

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
  const { draft, set, apply, clear } = useFilterDraft(value, onApply);
  const kindOptions = [...kinds];
  if (draft.kind && !kinds.some((k) => k.value === draft.kind))
    kindOptions.push({ value: draft.kind, label: draft.kind });
  return (
    <FilterForm onApply={apply} onClear={clear}>
      <BranchEntityFilters
        branch={draft.branch}
        entity={draft.entity}
        entities={PENDING_ENTITY_OPTIONS}
        onChange={set}
      />
      <ChoiceFilter
        label={t('filters.kind')}
        options={kindOptions}
        value={draft.kind ?? ''}
        onChange={(v) => set('kind', v)}
        width={230}
      />
      <ChoiceFilter
        label={t('filters.state')}
        options={[
          { value: 'all', label: t('filters.all') },
          ...(['open', 'ignored', 'resolved'] as const).map((s) => ({
            value: s,
            label: t(`pendings.states.${s}`),
          })),
        ]}
        withAll={false}
        value={draft.status ?? 'open'}
        onChange={(v) => set('status', v || 'open')}
        width={140}
      />
      <PeriodFields from={draft.from} to={draft.to} onChange={set} />
      <TextFilter value={draft.text} onChange={(v) => set('text', v)} width={200} />
    </FilterForm>
  );
};
