import { mapDbError } from '../db/db-errors';
import type { DbSession } from '../db/db';
import { readTableColumns, type ColumnInfo } from '../catalog/table-columns';
import { locateTables, type TableLocation } from '../catalog/table-locations';
import { WINTHOR_COLUMNS_USED, WINTHOR_TABLES_USED } from '../catalog/columns-used';
import { OPTIONAL_COLUMN_LOSSES, OPTIONAL_WINTHOR_COLUMNS } from '../catalog/optional-columns';
import { QUEUE_TRIGGERS } from '../schema/integration-objects';
import { triggerColumns } from '../catalog/columns-used';
import { CUSTOMER_INSERT_COLUMNS } from '../repositories/customers-repository';
import {
  ORDER_HEADER_INSERT_COLUMNS,
  ORDER_ITEM_INSERT_COLUMNS,
} from '../repositories/order-staging-repository';
import type { PrerequisiteCheck } from './prerequisite-check';

/** The tables the integration inserts into, and the columns its inserts fill. */
export const INSERTED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  PCCLIENT: CUSTOMER_INSERT_COLUMNS,
  PCPEDCFV: ORDER_HEADER_INSERT_COLUMNS,
  PCPEDIFV: ORDER_ITEM_INSERT_COLUMNS,
};

const watchedBy = (table: string, column: string): string | undefined =>
  QUEUE_TRIGGERS.find((t) => t.table === table && triggerColumns(t).includes(column))?.name;

/**
 * Every WinThor column the product's SQL names, asked of the connected database (ALL_TAB_COLUMNS): an older
 * WinThor without one (ENVIAECOMMERCE on PCDEPTO, …) is named here, before anything is installed.
 */
export const checkColumnsUsed = (
  locations: Map<string, TableLocation>,
  columns: Map<string, ColumnInfo[]>,
  unreadable: readonly string[],
): PrerequisiteCheck => {
  const lines: string[] = [];
  let checked = 0;
  for (const [table, used] of Object.entries(WINTHOR_COLUMNS_USED)) {
    if (!locations.has(table)) {
      // A table SELECT could not read is already reported by the read check.
      if (!unreadable.includes(table))
        lines.push(`${table}: tabela não encontrada no esquema configurado nem por sinônimo`);
      continue;
    }
    const present = new Set((columns.get(table) ?? []).map((c) => c.name));
    checked += used.length;
    for (const column of used.filter((c) => !present.has(c))) {
      const trigger = watchedBy(table, column);
      lines.push(`${table}.${column}${trigger ? ` (vigiada pela trigger ${trigger})` : ''}`);
    }
  }
  const label = 'Colunas do WinThor usadas pela integração';
  const labelRef = { key: 'prereq.columns.label' };
  const optionalMissing = Object.entries(OPTIONAL_WINTHOR_COLUMNS).flatMap(([table, wanted]) => {
    if (!locations.has(table)) return [];
    const present = new Set((columns.get(table) ?? []).map((c) => c.name));
    return wanted.filter((c) => !present.has(c)).map((c) => `${table}.${c}`);
  });
  // One line per thing lost, naming the columns it needs (the link needs two).
  const losses = [...new Set(optionalMissing.map((name) => OPTIONAL_COLUMN_LOSSES[name]!.key))].map((key) => {
    const names = optionalMissing.filter((name) => OPTIONAL_COLUMN_LOSSES[name]!.key === key);
    return { key, names, lost: OPTIONAL_COLUMN_LOSSES[names[0]!]!.lost };
  });
  const optionalText = losses.map((l) => `Sem ${l.names.join(' e ')}, ${l.lost}.`).join(' ');
  if (lines.length === 0 && losses.length > 0)
    return {
      id: 'columns.used',
      label,
      labelRef,
      status: 'warning',
      detail: `${checked} colunas de ${Object.keys(WINTHOR_COLUMNS_USED).length} tabelas existem neste banco (versões mais antigas do WinThor não têm as do rastreio). ${optionalText}`,
      detailRef: {
        key: `prereq.columns.optionalMissing_${losses.map((l) => l.key).join('_')}`,
        params: {
          columns: checked,
          tables: Object.keys(WINTHOR_COLUMNS_USED).length,
          code: losses.find((l) => l.key === 'trackingCode')?.names.join(', ') ?? '',
          link: losses.find((l) => l.key === 'trackingLink')?.names.join(', ') ?? '',
        },
      },
      fix: 'Para enviar o rastreio, atualize o WinThor para uma versão com essas colunas; nada mais depende delas.',
      fixRef: { key: 'prereq.columns.optionalFix' },
    };
  if (lines.length === 0)
    return {
      id: 'columns.used',
      label,
      labelRef,
      status: 'ok',
      detail: `${checked} colunas de ${Object.keys(WINTHOR_COLUMNS_USED).length} tabelas existem neste banco.`,
      detailRef: {
        key: 'prereq.columns.ok',
        params: { columns: checked, tables: Object.keys(WINTHOR_COLUMNS_USED).length },
      },
    };
  return {
    id: 'columns.used',
    label,
    labelRef,
    status: 'error',
    detail: `Esta versão do WinThor não tem ${lines.length === 1 ? 'esta coluna usada' : `estas ${lines.length} colunas usadas`} pela integração:\n${lines.join('\n')}${optionalText ? `\n${optionalText}` : ''}`,
    fix: 'Atualize o WinThor para uma versão que tenha essas colunas, ou leve a lista ao suporte da integração. Enquanto faltar uma coluna vigiada por trigger, "Criar Tabelas / Sequences / Triggers" não é executado.',
  };
};

/**
 * NOT NULL columns without a default in the tables the integration inserts into (PCCLIENT, PCPEDCFV,
 * PCPEDIFV) that its inserts do not fill: each insert would fail with ORA-01400 on this WinThor version.
 */
export const checkRequiredColumns = (columns: Map<string, ColumnInfo[]>): PrerequisiteCheck => {
  const unfilled: string[] = [];
  for (const [table, filled] of Object.entries(INSERTED_COLUMNS))
    for (const column of columns.get(table) ?? [])
      if (!column.nullable && !column.hasDefault && !filled.includes(column.name))
        unfilled.push(`${table}.${column.name}`);
  const label = 'Colunas obrigatórias de clientes e pedidos';
  const labelRef = { key: 'prereq.required.label' };
  if (unfilled.length === 0)
    return {
      id: 'columns.required',
      label,
      labelRef,
      detailRef: { key: 'prereq.required.ok' },
      status: 'ok',
      detail:
        'Toda coluna obrigatória (NOT NULL sem valor padrão) de PCCLIENT, PCPEDCFV e PCPEDIFV é preenchida pela integração.',
    };
  return {
    id: 'columns.required',
    label,
    labelRef,
    status: 'error',
    detail: `Colunas obrigatórias (NOT NULL, sem valor padrão) que a integração não preenche:\n${unfilled.join('\n')}`,
    fix: 'Nesta versão do WinThor, criar clientes ou pedidos pela integração falharia (ORA-01400). Leve a lista ao suporte da integração antes de ativar a importação de pedidos.',
  };
};

/** The columns checks, from the database's own dictionary; a dictionary that cannot be read is said plainly. */
export const checkDictionaryColumns = async (
  db: DbSession,
  unreadable: readonly string[],
): Promise<PrerequisiteCheck[]> => {
  try {
    const locations = await locateTables(db, WINTHOR_TABLES_USED);
    const columns = await readTableColumns(db, [...locations.values()]);
    return [checkColumnsUsed(locations, columns, unreadable), checkRequiredColumns(columns)];
  } catch (error) {
    return [
      {
        id: 'columns.used',
        label: 'Colunas do WinThor usadas pela integração',
        labelRef: { key: 'prereq.columns.label' },
        status: 'warning',
        detail: `Não foi possível ler o dicionário do banco (ALL_TABLES, ALL_SYNONYMS, ALL_TAB_COLUMNS): ${mapDbError(error).message}`,
        fix: 'Peça ao DBA acesso de leitura ao dicionário para o usuário da integração e verifique de novo.',
      },
    ];
  }
};
