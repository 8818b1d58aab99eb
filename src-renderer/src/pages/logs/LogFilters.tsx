import { Button, NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  BranchEntityFilters,
  ChoiceFilter,
  FilterForm,
  PeriodFields,
  TextFilter,
} from '../monitor/filter-fields';
import { ENTITY_OPTIONS } from '../monitor/use-branch-options';
import { useFilterDraft } from '../monitor/use-filter-draft';

export const LOG_FILTER_KEYS = ['branch', 'entity', 'level', 'run', 'from', 'to', 'text'] as const;
export type LogFilterValues = Partial<Record<(typeof LOG_FILTER_KEYS)[number], string>>;

/** Period, branch, job, level, run and text; applied with "Filtrar" (Enter in any field). */
export const LogFilters = ({
  value,
  onApply,
}: {
  value: LogFilterValues;
  onApply: (next: LogFilterValues) => void;
}) => {
  const { t } = useTranslation();
  const { draft, set, replace, apply, clear } = useFilterDraft(value, onApply);
  return (
    <FilterForm
      onApply={apply}
      onClear={clear}
      extra={
        <Button
          variant="subtle"
          onClick={() => replace({ from: new Date(Date.now() - 86_400_000).toISOString() })}
        >
          {t('filters.last24h')}
        </Button>
      }
    >
      <PeriodFields from={draft.from} to={draft.to} onChange={set} />
      <BranchEntityFilters
        branch={draft.branch}
        entity={draft.entity}
        entities={ENTITY_OPTIONS}
        onChange={set}
      />
      <ChoiceFilter
        label={t('filters.level')}
        options={(['error', 'warn', 'info', 'debug'] as const).map((l) => ({
          value: l,
          label: t(`levels.${l}`),
        }))}
        value={draft.level ?? ''}
        onChange={(v) => set('level', v)}
        width={130}
      />
      <NumberInput
        label={t('filters.run')}
        value={draft.run ? Number(draft.run) : ''}
        onChange={(v) => set('run', v === '' ? undefined : String(v))}
        min={1}
        allowDecimal={false}
        w={110}
      />
      <TextFilter value={draft.text} onChange={(v) => set('text', v)} width={220} />
    </FilterForm>
  );
};
