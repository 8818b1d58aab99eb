import { Button, Card, Group, NumberInput, Select, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { INTERVAL_UNITS, SCHEDULE_JOBS, type IntervalUnit, type ScheduleJob } from '@contract';
import { EMPTY_FORM, validateSchedule, type ScheduleFormValues } from './schedule-values';

interface ScheduleFormProps {
  /** The row being edited, or undefined for "Novo agendamento". */
  editing?: ScheduleFormValues;
  /** Jobs this version runs (the others are offered with "disponível em breve"). */
  isAvailable: (job: ScheduleJob) => boolean;
  saving: boolean;
  onSubmit: (values: ScheduleFormValues) => void;
  onCancel: () => void;
}

/**
 * "Tipo de agendamento", "Tipo de intervalo", "Intervalo" and the optional "Expressão cron" on one line,
 * with "Adicionar" (or "Salvar alteração" while a row is edited). A cron expression replaces the interval,
 * so the interval boxes are greyed out while one is typed.
 */
export const ScheduleForm = ({ editing, isAvailable, saving, onSubmit, onCancel }: ScheduleFormProps) => {
  const { t } = useTranslation();
  const form = useForm<ScheduleFormValues>({
    mode: 'controlled',
    initialValues: editing ?? EMPTY_FORM,
    validate: (values) => validateSchedule(values, t),
  });
  const cronFilled = form.getValues().cron.trim() !== '';
  const jobs = SCHEDULE_JOBS.map((job) => ({
    value: job,
    label: isAvailable(job)
      ? t(`jobs.${job}`)
      : `${t(`jobs.${job}`)} (${t('sync.unavailable').toLowerCase()})`,
  }));
  const units = INTERVAL_UNITS.map((unit: IntervalUnit) => ({ value: unit, label: t(`units.${unit}`) }));

  return (
    <Card
      withBorder
      mb="md"
      component="form"
      aria-label={editing ? t('schedule.editTitle') : t('schedule.newTitle')}
      onSubmit={form.onSubmit((values) => onSubmit(values))}
    >
      <Title order={5} mb="xs">
        {editing ? t('schedule.editTitle') : t('schedule.newTitle')}
      </Title>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <Select
          label={t('schedule.job')}
          data={jobs}
          allowDeselect={false}
          w={260}
          {...form.getInputProps('job')}
        />
        <Select
          label={t('schedule.unit')}
          data={units}
          allowDeselect={false}
          w={150}
          disabled={cronFilled}
          {...form.getInputProps('unit')}
        />
        <NumberInput
          label={t('schedule.every')}
          min={1}
          max={9999}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          w={110}
          disabled={cronFilled}
          {...form.getInputProps('every')}
        />
        <TextInput
          label={t('schedule.cron')}
          placeholder={t('schedule.cronPlaceholder')}
          w={250}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...form.getInputProps('cron')}
        />
        <Group gap="xs" mt={25}>
          <Button type="submit" loading={saving}>
            {editing ? t('schedule.saveEdit') : t('schedule.add')}
          </Button>
          {editing && (
            <Button variant="default" onClick={onCancel}>
              {t('schedule.cancelEdit')}
            </Button>
          )}
        </Group>
      </Group>
      <Text size="xs" c="dimmed" mt="xs">
        {cronFilled ? `${t('schedule.cronReplaces')}. ` : ''}
        {t('schedule.cronHint')}
      </Text>
    </Card>
  );
};
