import { Button, Group, Modal, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';

/** "Ignorar" with a reason (at least 3 letters); who and when are recorded by the server. */
export const IgnoreModal = ({
  ids,
  onClose,
  onDone,
}: {
  ids: number[];
  onClose: () => void;
  onDone: (count: number) => void;
}) => {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const ignore = useApiMutation('pendings.ignore', ['pendings.list', 'pendings.groups'], {
    onSuccess: (result) => onDone(result.ignored),
  });
  const tooShort = reason.trim().length < 3;
  return (
    <Modal opened={ids.length > 0} onClose={onClose} title={t('pendings.ignoreTitle', { count: ids.length })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (!tooShort) ignore.mutate({ ids, reason: reason.trim() });
        }}
      >
        <ErrorAlert error={ignore.error} />
        <Textarea
          label={t('pendings.ignoreReason')}
          description={t('pendings.ignoreHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={touched && tooShort ? t('pendings.ignoreReasonShort') : undefined}
          rows={3}
          data-autofocus
        />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="gray" loading={ignore.isPending}>
            {t('pendings.ignore')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
};
