import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  PasswordInput,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Branch, type Settings } from '@contract';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BranchCodeField } from './BranchCodeField';
import { StoreTestButton } from './StoreTestButton';

const BranchesValues = z
  .object({ branches: z.array(Branch) })
  .refine((v) => new Set(v.branches.map((b) => b.code)).size === v.branches.length, {
    message: 'Filial: cada código de filial só pode aparecer uma vez.',
    path: ['branches'],
  });

const newBranch = (code: string): Settings['branches'][number] => Branch.parse({ code });

/** Per branch: the store URL and token ("URL da Loja Virtual" + "Token" in the original product). */
export const BranchesForm = ({ settings }: { settings: Settings }) => {
  const { t } = useTranslation();
  // After a save the page remounts this form with the saved settings (its key follows the branches).
  const save = useApiMutation('settings.update', ['settings.get'], {
    onSuccess: () => notifications.show({ color: 'green', message: t('settings.saved') }),
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: { branches: settings.branches },
    validate: zod4Resolver(BranchesValues),
  });
  // WinThor's branches to pick from; without an answer the code is typed (and the reason is shown).
  const winthor = useApiQuery('db.branches', {}, { retry: false });
  const winthorBranches = winthor.data?.branches;

  const submit = form.onSubmit((values) =>
    save.mutate(
      { branches: values.branches },
      {
        // Runs only when the saved branches equal the shown ones (no remount): show the masked tokens.
        onSuccess: (saved) => {
          form.setValues({ branches: saved.branches });
          form.resetDirty({ branches: saved.branches });
        },
      },
    ),
  );

  const branches = form.getValues().branches;
  return (
    <Card withBorder mb="lg" component="form" onSubmit={submit} aria-label={t('settings.branches')}>
      <Title order={4} mb="sm">
        {t('settings.branches')}
      </Title>
      <ErrorAlert error={save.error} />
      {form.errors.branches && (
        <Text c="red" size="sm" role="alert">
          {form.errors.branches}
        </Text>
      )}
      {winthor.error && (
        <Alert
          color="yellow"
          mb="sm"
          title={t('settings.winthorBranchesUnavailable')}
          data-testid="winthor-branches-error"
        >
          {winthor.error.message} {t('settings.winthorBranchesFallback')}
        </Alert>
      )}
      {branches.length === 0 && <Text c="dimmed">{t('settings.noBranches')}</Text>}
      <Stack>
        {branches.map((branch, index) => (
          <Card key={form.key(`branches.${index}`)} withBorder padding="sm" data-testid={`branch-${index}`}>
            <Group align="flex-end" wrap="wrap">
              <BranchCodeField
                value={branch.code}
                error={form.errors[`branches.${index}.code`]}
                winthor={winthorBranches}
                usedElsewhere={new Set(branches.filter((_, other) => other !== index).map((b) => b.code))}
                onChange={(code, winthorName) => {
                  const previousName = winthorBranches?.find((b) => b.code === branch.code)?.name;
                  form.setFieldValue(`branches.${index}.code`, code);
                  // Fill the name from WinThor unless the user wrote one of their own.
                  if (winthorName && (branch.name === '' || branch.name === previousName))
                    form.setFieldValue(`branches.${index}.name`, winthorName);
                }}
              />
              <TextInput
                label={t('settings.branchName')}
                w={220}
                {...form.getInputProps(`branches.${index}.name`)}
              />
              <Switch
                label={t('settings.enabled')}
                {...form.getInputProps(`branches.${index}.enabled`, { type: 'checkbox' })}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`${t('settings.removeBranch')} ${branch.code}`}
                onClick={() => form.removeListItem('branches', index)}
              >
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
            {winthorBranches && !winthorBranches.some((b) => b.code === branch.code) && (
              <Text size="xs" c="orange.8" mt={4} data-testid={`branch-not-in-winthor-${index}`}>
                {t('settings.branchNotInWinthor', { code: branch.code })}
              </Text>
            )}
            <Group grow mt="xs" align="flex-start">
              <TextInput
                label={t('settings.storeUrl')}
                description={t('settings.storeUrlHint')}
                placeholder="https://www.minhaloja.com.br"
                {...form.getInputProps(`branches.${index}.store.url`)}
              />
              <PasswordInput
                label={t('settings.token')}
                description={t('settings.tokenHint')}
                {...form.getInputProps(`branches.${index}.store.token`)}
              />
            </Group>
            <StoreTestButton branch={branch.code} url={branch.store.url} token={branch.store.token} />
          </Card>
        ))}
      </Stack>
      <Group mt="md">
        <Button
          variant="default"
          onClick={() => {
            const used = new Set(branches.map((b) => b.code));
            // The first WinThor branch not configured yet, else the next free number (typed over later).
            const fromWinthor = winthorBranches?.find((b) => !used.has(b.code));
            let next = 1;
            while (used.has(String(next))) next += 1;
            form.insertListItem(
              'branches',
              fromWinthor
                ? { ...newBranch(fromWinthor.code), name: fromWinthor.name }
                : newBranch(String(next)),
            );
          }}
        >
          {t('settings.addBranch')}
        </Button>
        <Button type="submit" loading={save.isPending}>
          {t('settings.save')}
        </Button>
      </Group>
    </Card>
  );
};
