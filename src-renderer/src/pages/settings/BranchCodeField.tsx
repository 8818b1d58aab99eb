import { Group, Select, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WinthorBranchOption } from '@contract';

interface BranchCodeFieldProps {
  value: string;
  error?: ReactNode;
  /** WinThor's branches (PCFILIAL), or undefined when the database did not answer (then a text box). */
  winthor: WinthorBranchOption[] | undefined;
  /** Codes used by the other rows: offered but disabled, marked "já configurada". */
  usedElsewhere: ReadonlySet<string>;
  onChange: (code: string, winthorName: string | undefined) => void;
  onBlur?: () => void;
}

/**
 * "Filial": picked from WinThor's PCFILIAL when the database answers (seed 3.2, "Selecione a Filial"),
 * typed otherwise. The box shows the code; the list shows code and name and can be searched by either.
 */
export const BranchCodeField = ({
  value,
  error,
  winthor,
  usedElsewhere,
  onChange,
  onBlur,
}: BranchCodeFieldProps) => {
  const { t } = useTranslation();
  if (!winthor)
    return (
      <TextInput
        label={t('settings.branchCode')}
        w={90}
        value={value}
        error={error}
        onChange={(event) => onChange(event.currentTarget.value, undefined)}
        onBlur={onBlur}
      />
    );
  const names = new Map(winthor.map((branch) => [branch.code, branch.name]));
  const known = names.has(value) || value === '';
  const data = [
    ...winthor.map((branch) => ({
      value: branch.code,
      label: branch.code,
      disabled: usedElsewhere.has(branch.code),
    })),
    ...(known ? [] : [{ value, label: value, disabled: false }]),
  ];
  return (
    <Select
      label={t('settings.branchCode')}
      w={96}
      data={data}
      value={value}
      error={error}
      searchable
      allowDeselect={false}
      nothingFoundMessage={t('settings.branchSearch')}
      comboboxProps={{ width: 360, position: 'bottom-start' }}
      filter={({ options, search }) => {
        const term = search.trim().toLowerCase();
        // The box shows the chosen code: opening it must still list every branch.
        if (!term || term === value.toLowerCase()) return options;
        return options.filter((option) => {
          const item = option as { value: string };
          return `${item.value} ${names.get(item.value) ?? ''}`.toLowerCase().includes(term);
        });
      }}
      renderOption={({ option }) => (
        <Group gap="xs" wrap="nowrap" justify="space-between" w="100%">
          <Text size="sm">
            <Text span fw={600} size="sm">
              {option.value}
            </Text>
            {names.has(option.value) ? ` — ${names.get(option.value)}` : ''}
          </Text>
          {usedElsewhere.has(option.value) && (
            <Text size="xs" c="dimmed">
              {t('settings.branchInUse')}
            </Text>
          )}
        </Group>
      )}
      onChange={(code) => code && onChange(code, names.get(code))}
      onBlur={onBlur}
    />
  );
};
