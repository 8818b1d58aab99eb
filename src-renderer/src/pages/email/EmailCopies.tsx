import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { looksLikeAddress } from './email-form';

/** "E-mails para cópia": add (checked: an address, not twice) and remove; saved with the branch's e-mail. */
export const EmailCopies = ({ value, onChange }: { value: string[]; onChange: (next: string[]) => void }) => {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const address = draft.trim();
    if (!looksLikeAddress(address)) return setError(t('email.invalidAddress'));
    if (value.some((a) => a.toLowerCase() === address.toLowerCase()))
      return setError(t('email.repeatedAddress'));
    onChange([...value, address]);
    setDraft('');
    setError(null);
  };
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('email.copies')}
      </Text>
      {value.length === 0 && <Text c="dimmed">{t('email.noCopies')}</Text>}
      <Stack gap={4} data-testid="email-copies">
        {value.map((address) => (
          <Group key={address} gap="xs">
            <Text>{address}</Text>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('email.removeCopy', { address })}
              onClick={() => onChange(value.filter((a) => a !== address))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      <Group align="flex-start">
        <TextInput
          label={t('email.newCopy')}
          value={draft}
          onChange={(e) => {
            setDraft(e.currentTarget.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          error={error}
          w={320}
        />
        <Button mt={25} variant="default" onClick={add}>
          {t('email.addCopy')}
        </Button>
      </Group>
    </Stack>
  );
};
