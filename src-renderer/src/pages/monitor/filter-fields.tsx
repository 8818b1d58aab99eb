import { Button, Group, Select, TextInput } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fromLocalInput, toLocalInput } from './format';
import { useBranchOptions } from './use-branch-options';

/**
 * The filters of a monitoring screen (Logs, Pendências): its fields in a row, "Filtrar" (Enter in any field)
 * and "Limpar"; `extra` buttons go between them.
 */
export const FilterForm = ({
  onApply,
  onClear,
  extra,
  children,
}: {
  onApply: () => void;
  onClear: () => void;
  extra?: ReactNode;
  children: ReactNode;
}) => {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply();
  };
  return (
    <form aria-label={t('filters.apply')} onSubmit={submit}>
      <Group align="flex-end" wrap="wrap" mb="md">
        {children}
        <Button type="submit">{t('filters.apply')}</Button>
        {extra}
        <Button variant="subtle" onClick={onClear}>
          {t('filters.clear')}
        </Button>
      </Group>
    </form>
  );
};

/** "Período: de" and "até", as ISO times (empty = no bound). */
export const PeriodFields = ({
  from,
  to,
  onChange,
}: {
  from: string | undefined;
  to: string | undefined;
  onChange: (key: 'from' | 'to', value: string | undefined) => void;
}) => {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        type="datetime-local"
        label={`${t('filters.period')}: ${t('filters.from')}`}
        value={toLocalInput(from)}
        onChange={(e) => onChange('from', fromLocalInput(e.currentTarget.value))}
        w={210}
      />
      <TextInput
        type="datetime-local"
        label={t('filters.to')}
        value={toLocalInput(to)}
        onChange={(e) => onChange('to', fromLocalInput(e.currentTarget.value))}
        w={210}
      />
    </>
  );
};

/** A choice among `options`, with "Todos" first (value '') unless the options bring their own. */
export const ChoiceFilter = ({
  label,
  options,
  value,
  onChange,
  width,
  withAll = true,
}: {
  label: string;
  options: Array<{ value: string; label: string }>;
  value: string;
  onChange: (value: string) => void;
  width: number;
  withAll?: boolean;
}) => {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      data={withAll ? [{ value: '', label: t('filters.all') }, ...options] : options}
      value={value}
      onChange={(v) => onChange(v ?? '')}
      w={width}
      allowDeselect={false}
    />
  );
};

/** The words filter. */
export const TextFilter = ({
  value,
  onChange,
  width,
}: {
  value: string | undefined;
  onChange: (value: string) => void;
  width: number;
}) => {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('filters.text')}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value)}
      w={width}
    />
  );
};

/** The branch (one at a time: the branches' own "all" option) and the entity (or job), with "Todos". */
export const BranchEntityFilters = ({
  branch,
  entity,
  entities,
  onChange,
}: {
  branch: string | undefined;
  entity: string | undefined;
  entities: readonly string[];
  onChange: (key: 'branch' | 'entity', value: string) => void;
}) => {
  const { t } = useTranslation();
  const branches = useBranchOptions();
  return (
    <>
      <ChoiceFilter
        label={t('filters.branch')}
        options={branches}
        withAll={false}
        value={branch ?? ''}
        onChange={(v) => onChange('branch', v)}
        width={170}
      />
      <ChoiceFilter
        label={t('filters.entity')}
        options={entities.map((e) => ({ value: e, label: t(`entities.${e}`) }))}
        value={entity ?? ''}
        onChange={(v) => onChange('entity', v)}
        width={170}
      />
    </>
  );
};
