import { date, int, text, type TableDef } from './table-def';

/**
 * Version 8: which engine works on this WinThor database (ADR 0310). One row; INSTANCE_ID null when the last
 * holder stopped cleanly. HEARTBEAT_AT is the database's clock (SYSDATE), never a machine's.
 */
export const LEASE_TABLES: TableDef[] = [
  {
    name: 'WTC_ENGINE_LEASE',
    columns: [
      /** 'engine': one row, the lease is per WinThor database (the schema the integration lives in). */
      text('LEASE_KEY', 20, true),
      /** The holding engine's id (random per engine process); null once released. */
      text('INSTANCE_ID', 64),
      text('HOST_NAME', 100),
      text('DATA_DIR', 400),
      int('PID'),
      text('APP_VERSION', 30),
      /** desktop | headless */
      text('HOST_KIND', 10),
      /** When the current holder took it (database clock). */
      date('ACQUIRED_AT'),
      /** The holder's last renewal (database clock): expired some 2 minutes later. */
      date('HEARTBEAT_AT'),
    ],
    primaryKey: ['LEASE_KEY'],
  },
];
