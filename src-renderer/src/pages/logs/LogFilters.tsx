import { Button, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_OPTIONS, useBranchOptions } from '../monitor/use-branch-options';
import { fromLocalInput, toLocalInput } from '../monitor/format';

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
  const branches = useBranchOptions();
  const [draft, setDraft] = useState<LogFilterValues>(value);
  const set = (key: keyof LogFilterValues, next: string | undefined) =>
    setDraft({ ...draft, [key]: next || undefined });
  return (
    <form
      aria-label={t('filters.apply')}
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <Group align="flex-end" wrap="wrap" mb="md">
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
            ...ENTITY_OPTIONS.map((e) => ({ value: e, label: t(`entities.${e}`) })),
          ]}
          value={draft.entity ?? ''}
          onChange={(v) => set('entity', v ?? '')}
          w={170}
          allowDeselect={false}
        />
        <Select
          label={t('filters.level')}
          data={[
            { value: '', label: t('filters.all') },
            ...(['error', 'warn', 'info', 'debug'] as const).map((l) => ({
              value: l,
              label: t(`levels.${l}`),
            })),
          ]}
          value={draft.level ?? ''}
          onChange={(v) => set('level', v ?? '')}
          w={130}
          allowDeselect={false}
        />
        <NumberInput
          label={t('filters.run')}
          value={draft.run ? Number(draft.run) : ''}
          onChange={(v) => set('run', v === '' ? undefined : String(v))}
          min={1}
          allowDecimal={false}
          w={110}
        />
        <TextInput
          label={t('filters.text')}
          value={draft.text ?? ''}
          onChange={(e) => set('text', e.currentTarget.value)}
          w={220}
        />
        <Button type="submit">{t('filters.apply')}</Button>
        <Button
          variant="subtle"
          onClick={() => {
            const last24h = { from: new Date(Date.now() - 86_400_000).toISOString() };
            setDraft(last24h);
            onApply(last24h);
          }}
        >
          {t('filters.last24h')}
        </Button>
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
