import type { LogRecord } from '../../winthor';

const LEVEL: Record<string, string> = { debug: 'depuração', info: 'info', warn: 'atenção', error: 'erro' };

/** One CSV field: quoted when it holds the separator, a quote or a line break (RFC 4180). */
const field = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  // A leading = + - @ would be a formula to a spreadsheet: a quote before it keeps it text.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

const pad = (n: number) => String(n).padStart(2, '0');
const localTime = (date: Date) =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;

/**
 * Log lines as CSV for a spreadsheet in Brazil: ";" between fields (the comma is the decimal separator
 * there), a UTF-8 BOM so accents open right, one header line in pt-BR.
 */
export const logsToCsv = (lines: readonly LogRecord[]): string => {
  const rows = [
    'Data e hora;Nível;Filial;Tarefa;Execução;Mensagem',
    ...lines.map((line) =>
      [
        localTime(line.at),
        LEVEL[line.level] ?? line.level,
        line.branch,
        line.entity,
        line.runId,
        line.message,
      ]
        .map(field)
        .join(';'),
    ),
  ];
  return `\uFEFF${rows.join('\r\n')}\r\n`;
};
