import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LogLineDto } from '@contract';
import { formatDateTime } from '../monitor/format';

export const LEVEL_COLORS: Record<LogLineDto['level'], string> = {
  debug: 'gray',
  info: 'blue',
  warn: 'yellow',
  error: 'red',
};

/** One page of log lines; a click on a line opens its details. Live lines (not written yet) come first. */
export const LogTable = ({
  lines,
  live,
  onOpen,
}: {
  lines: LogLineDto[];
  live: Array<Omit<LogLineDto, 'id'>>;
  onOpen: (line: LogLineDto) => void;
}) => {
  const { t, i18n } = useTranslation();
  const entity = (value: string | null) => (value ? t(`entities.${value}`, { defaultValue: value }) : '—');
  return (
    <Table striped highlightOnHover withTableBorder data-testid="log-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={190}>{t('logs.when')}</Table.Th>
          <Table.Th w={110}>{t('filters.level')}</Table.Th>
          <Table.Th w={70}>{t('filters.branch')}</Table.Th>
          <Table.Th w={140}>{t('filters.entity')}</Table.Th>
          <Table.Th w={90}>{t('filters.run')}</Table.Th>
          <Table.Th>{t('logs.message')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {live.map((line, i) => (
          <Table.Tr key={`live-${i}`} data-testid="log-live-line" style={{ fontStyle: 'italic' }}>
            <Table.Td>{formatDateTime(line.at, i18n.language)}</Table.Td>
            <Table.Td>
              <Badge color={LEVEL_COLORS[line.level]} variant="light" tt="none">
                {t(`levels.${line.level}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{line.branch ?? '—'}</Table.Td>
            <Table.Td>{entity(line.entity)}</Table.Td>
            <Table.Td>{line.runId ?? '—'}</Table.Td>
            <Table.Td>{line.message}</Table.Td>
          </Table.Tr>
        ))}
        {lines.map((line) => (
          <Table.Tr
            key={line.id}
            onClick={() => onOpen(line)}
            style={{ cursor: 'pointer' }}
            data-testid="log-line"
            tabIndex={0}
            onKeyDown={(e) => e.key === 'Enter' && onOpen(line)}
          >
            <Table.Td>{formatDateTime(line.at, i18n.language)}</Table.Td>
            <Table.Td>
              <Badge color={LEVEL_COLORS[line.level]} variant="light" tt="none">
                {t(`levels.${line.level}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{line.branch ?? '—'}</Table.Td>
            <Table.Td>{entity(line.entity)}</Table.Td>
            <Table.Td>{line.runId ?? '—'}</Table.Td>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {line.message}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
};
