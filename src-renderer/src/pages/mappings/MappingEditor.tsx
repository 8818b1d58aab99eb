import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normalisePlanStoreCode, type CodeMapping, type MappingKind } from '@contract';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ApiCallError } from '../../api/transport';
import { ErrorAlert } from '../../components/ErrorAlert';
import { otherFormClash, sameStoreCode } from './mapping-labels';
import { MappingForm, type MappingValues } from './MappingForm';
import { MappingTable } from './MappingTable';
import { UnmappedCodes } from './UnmappedCodes';

const EMPTY: MappingValues = { storeCode: '', winthorCode: '', description: '' };

/** One branch's mappings of one kind: the codes seen with no mapping, the add/edit form and the list. */
export const MappingEditor = ({
  kind,
  branch,
  rows,
}: {
  kind: MappingKind;
  branch: string;
  rows: CodeMapping[];
}) => {
  const { t } = useTranslation();
  const winthor = useApiQuery('mappings.winthorCodes', { kind });
  const seen = useApiQuery('mappings.storeCodes', { branch, kind });
  const save = useApiMutation('mappings.save', ['settings.get', 'mappings.storeCodes']);
  // The list as it was when an edit or a removal began (`editing` and `removing` are positions in it): the
  // change is made on it and the server refuses it if the saved list is no longer that one (changed in
  // another window), so no row is lost or mistaken. Nothing begun: the list as shown.
  const [base, setBase] = useState<CodeMapping[] | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const list = base ?? rows;
  const client = useQueryClient();
  const formTop = useRef<HTMLDivElement>(null);

  const form = useForm<MappingValues>({
    mode: 'controlled',
    initialValues: EMPTY,
    validate: {
      storeCode: (value, values) => {
        if (!value.trim()) return t('mappings.required', { field: t(`mappings.kinds.${kind}.storeCode`) });
        // Plans: instalments or method:instalments, compared normalised (CreditCard:03 is CreditCard:3).
        const code = kind === 'plans' ? normalisePlanStoreCode(value) : value;
        if (code === null) return t('mappings.planFormat', { code: value.trim() });
        const clash = list.findIndex((row, index) => index !== editing && sameStoreCode(row.storeCode, code));
        if (clash >= 0) return t('mappings.duplicate', { code: value.trim() });
        const other =
          kind === 'carriers'
            ? otherFormClash(code, values.winthorCode, list, seen.data?.codes ?? [], editing)
            : null;
        return other
          ? t('mappings.otherFormMapped', {
              code: value.trim(),
              id: other.method.code,
              name: other.method.name,
              mapped: other.row.storeCode,
              winthor: other.row.winthorCode,
            })
          : null;
      },
      winthorCode: (value) =>
        value ? null : t('mappings.required', { field: t(`mappings.kinds.${kind}.winthorCode`) }),
    },
  });

  const startOver = () => {
    setEditing(null);
    setRemoving(null);
    setBase(null);
    form.setValues(EMPTY);
    form.resetDirty(EMPTY);
    form.clearErrors();
  };

  /** Saves the whole list of this kind; a refusal naming a row's field shows on the form's field. */
  const persist = (from: CodeMapping[], next: CodeMapping[], done: string, after: () => void) =>
    save.mutate(
      { branch, kind, rows: next, expected: from },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: done });
          after();
        },
        onError: (error) => {
          if (error instanceof ApiCallError && error.body.code === 'mappings_changed') {
            startOver();
            void client.invalidateQueries({ queryKey: ['settings.get'] });
            return;
          }
          const field = error instanceof ApiCallError ? error.body.field : undefined;
          const name = /^rows\.\d+\.(storeCode|winthorCode)$/.exec(field ?? '')?.[1];
          if (name) form.setFieldError(name, error.message);
        },
      },
    );

  const submit = form.onSubmit((values) => {
    const typed = values.storeCode.trim();
    const row = {
      ...values,
      storeCode: kind === 'plans' ? (normalisePlanStoreCode(typed) ?? typed) : typed,
    };
    if (editing === null) persist(list, [...list, row], t('mappings.added'), startOver);
    else
      persist(
        list,
        list.map((old, index) => (index === editing ? row : old)),
        t('mappings.updated'),
        startOver,
      );
  });

  /** `index` is the row's position in the list shown; the edit is made on that list as it is now. */
  const edit = (index: number) => {
    const row = rows[index];
    if (!row) return;
    setRemoving(null);
    setBase(rows);
    setEditing(index);
    form.setValues(row);
    form.clearErrors();
    formTop.current?.scrollIntoView?.({ block: 'nearest' });
  };

  const mapCode = (code: string, name: string) => {
    setEditing(null);
    setBase(null);
    form.setValues({ storeCode: code, winthorCode: '', description: name === code ? '' : name });
    form.clearErrors();
    formTop.current?.scrollIntoView?.({ block: 'nearest' });
  };

  /** Asking to remove a row leaves any edit: the removal is made on the list as it is now. */
  const askRemoval = (index: number) => {
    if (editing !== null) {
      form.setValues(EMPTY);
      form.resetDirty(EMPTY);
      form.clearErrors();
      setEditing(null);
    }
    setBase(rows);
    setRemoving(index);
  };
  /** The removal done or given up: what is typed in the form for a new row stays. */
  const endRemoval = () => {
    setRemoving(null);
    setBase(null);
  };
  const removal = removing === null ? undefined : list[removing];
  // The row being edited, where it is in the list shown (which may have been refreshed meanwhile).
  const editingCode = editing === null ? null : (list[editing]?.storeCode ?? null);
  const editingShown =
    editingCode === null ? null : rows.findIndex((row) => sameStoreCode(row.storeCode, editingCode));
  return (
    <Stack>
      <UnmappedCodes kind={kind} branch={branch} query={seen} onMap={mapCode} />
      <div ref={formTop}>
        <ErrorAlert error={save.error ?? winthor.error} />
        <MappingForm
          kind={kind}
          form={form}
          onSubmit={submit}
          winthor={winthor.data?.codes}
          seen={seen.data?.codes ?? []}
          editingCode={editingCode}
          onCancel={startOver}
          saving={save.isPending}
        />
      </div>
      <MappingTable
        branch={branch}
        rows={rows}
        winthor={winthor.data?.codes}
        onEdit={edit}
        onRemove={askRemoval}
        editing={editingShown === -1 ? null : editingShown}
      />
      <Modal opened={removal !== undefined} onClose={startOver} title={t('mappings.removeTitle')}>
        <Text mb="md">{t('mappings.removeText', { code: removal?.storeCode ?? '' })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={endRemoval}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={save.isPending}
            onClick={() =>
              persist(
                list,
                list.filter((_, index) => index !== removing),
                t('mappings.removed'),
                endRemoval,
              )
            }
          >
            {t('common.confirm')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
};
