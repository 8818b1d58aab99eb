import type { DbSession } from '../db/db';
import type { TrackingColumns } from '../repositories/order-status-repository';
import { readTableColumns } from './table-columns';
import { locateTables } from './table-locations';

/**
 * WinThor columns the product reads only where they exist (newer versions), with what is lost without each
 * (pt-BR, and the English key's name): the prerequisites warn, nothing fails (ADR 0216). Their SQL is built
 * only after they were found.
 */
export const OPTIONAL_COLUMN_LOSSES: Readonly<
  Record<string, { lost: string; key: 'trackingCode' | 'trackingLink' }>
> = {
  'PCPEDC.CODIGORASTREIOFRETEVENDA': {
    lost: 'o código de rastreio não é enviado à loja (a posição e a nota fiscal são)',
    key: 'trackingCode',
  },
  'PCPEDC.CODFORNECFRETE': {
    lost: 'o link de rastreio da transportadora não é enviado (o código é)',
    key: 'trackingLink',
  },
  'PCFORNEC.URLBASERASTREIO': {
    lost: 'o link de rastreio da transportadora não é enviado (o código é)',
    key: 'trackingLink',
  },
};

export const OPTIONAL_WINTHOR_COLUMNS: Readonly<Record<string, readonly string[]>> = Object.keys(
  OPTIONAL_COLUMN_LOSSES,
).reduce<Record<string, string[]>>((tables, name) => {
  const [table, column] = name.split('.') as [string, string];
  (tables[table] ??= []).push(column);
  return tables;
}, {});

/** The optional columns this database has, as `TABLE.COLUMN`. */
export const readOptionalColumns = async (db: DbSession): Promise<Set<string>> => {
  const locations = await locateTables(db, Object.keys(OPTIONAL_WINTHOR_COLUMNS));
  const columns = await readTableColumns(db, [...locations.values()]);
  const present = new Set<string>();
  for (const [table, wanted] of Object.entries(OPTIONAL_WINTHOR_COLUMNS)) {
    const names = new Set((columns.get(table) ?? []).map((c) => c.name));
    for (const column of wanted) if (names.has(column)) present.add(`${table}.${column}`);
  }
  return present;
};

/**
 * Which tracking columns the order status can read. A dictionary that cannot be read fails the run (it is
 * asked again next run), rather than sending statuses as if this WinThor had no tracking.
 */
export const readTrackingColumns = async (db: DbSession): Promise<TrackingColumns> => {
  const present = await readOptionalColumns(db);
  return {
    code: present.has('PCPEDC.CODIGORASTREIOFRETEVENDA'),
    urlBase: present.has('PCFORNEC.URLBASERASTREIO') && present.has('PCPEDC.CODFORNECFRETE'),
  };
};
