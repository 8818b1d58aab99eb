import { ActionIcon, Badge, Card, Group, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CodeMapping, WinthorCode } from '@contract';
import { winthorLabel } from './mapping-labels';

/** The branch's mappings of one kind, each with edit and remove; a WinThor code gone from WinThor is flagged. */
export const MappingTable = ({
  branch,
  rows,
  winthor,
  onEdit,
  onRemove,
  editing,
}: {
  branch: string;
  rows: CodeMapping[];
  winthor: WinthorCode[] | undefined;
  onEdit: (index: number) => void;
  onRemove: (index: number) => void;
  editing: number | null;
}) => {
  const { t } = useTranslation();
  const byCode = new Map((winthor ?? []).map((code) => [code.code, code]));
  const title = t('mappings.list', { branch });
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('mappings.empty')}</Text>
      ) : (
        <Table striped aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('mappings.columnStore')}</Table.Th>
              <Table.Th>{t('mappings.columnWinthor')}</Table.Th>
              <Table.Th>{t('mappings.columnDescription')}</Table.Th>
              <Table.Th>{t('mappings.columnActions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => {
              const code = byCode.get(row.winthorCode);
              return (
                <Table.Tr
                  key={row.storeCode}
                  bg={editing === index ? 'var(--mantine-color-blue-light)' : undefined}
                >
                  <Table.Td>{row.storeCode}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <span>{code ? winthorLabel(code, t) : row.winthorCode}</span>
                      {winthor && !code && <Badge color="red">{t('mappings.missingInWinthor')}</Badge>}
                      {code?.blocked && <Badge color="orange">{t('mappings.blocked')}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>{row.description}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('mappings.edit', { code: row.storeCode })}
                        onClick={() => onEdit(index)}
                      >
                        <IconPencil size={18} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('mappings.remove', { code: row.storeCode })}
                        onClick={() => onRemove(index)}
                      >
                        <IconTrash size={18} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
};
