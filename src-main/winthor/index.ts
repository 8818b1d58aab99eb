/**
 * The WinThor database layer: the Db port and its adapters, the repositories, the integration schema
 * installer, the prerequisites check and the demo WinThor. Import from here outside src-main/winthor.
 */
export type { Binds, BindValue, Db, DbInfo, DbSession, ExecuteResult, Row, StreamOptions } from './db/db';
export type { Dialect } from './db/dialect';
export { mapDbError } from './db/db-errors';
export { openDb, type DatabaseSettings } from './db/open-db';
export { DatabaseService } from './database-service';

export * from './repositories/branches-repository';
export * from './repositories/categories-repository';
export * from './repositories/products-repository';
export * from './repositories/stock-repository';
export * from './repositories/prices-repository';
export * from './repositories/parameters-repository';
export * from './repositories/lookups-repository';
export * from './repositories/carriers-repository';
export * from './repositories/customers-repository';
export * from './repositories/order-staging-repository';
export * from './repositories/duplicate-order-guard';
export * from './repositories/order-status-repository';
export * from './repositories/change-queue-repository';
export { readTrackingColumns } from './catalog/optional-columns';
export { storeOrderIdFloor } from './repositories/store-order-id-floor';

export {
  checkPrerequisites,
  type PrerequisiteCheck,
  type CheckStatus,
  type ParameterRules,
} from './prerequisites';
export {
  install,
  uninstall,
  planInstall,
  planUninstall,
  buildInstallPlan,
  buildUninstallPlan,
  readInstalledVersion,
  listIntegrationObjects,
  type SchemaPlan,
} from './schema/installer';
export { TARGET_VERSION } from './schema/migrations';
export { PREFIX, INTEGRATION_TABLES, QUEUE_TRIGGERS } from './schema/integration-objects';

export { OrderImporterSimulator, type AdvanceReport } from './demo/order-importer-simulator';
export { prepareDemoDatabase, demoDatabasePath, DEMO_DATABASE_FILE } from './demo/demo-database';
export { DEMO_BRANCHES, DEMO_BRANCH_CODES } from './demo/demo-branches';
export { demoOrderPrices } from './demo/demo-order-prices';
export * from './repositories/store-bindings-repository';
export * from './repositories/runs-repository';
export * from './repositories/logs-repository';
export * from './repositories/pendings-repository';
export * from './repositories/cursors-repository';
export * from './repositories/change-queue-branches';
export {
  STAGEABLE_STATES,
  STORE_ORDER_COLUMNS,
  STORE_ORDER_STATES,
  toStoreOrderRecord,
  type StoreOrderRecord,
  type StoreOrderState,
} from './repositories/store-order-record';
export * from './repositories/store-order-reads';
export * from './repositories/store-order-writes';
export * from './repositories/store-codes-repository';
export * from './repositories/store-order-followup-repository';
export * from './repositories/pending-queries';
export * from './repositories/pending-actions';
export * from './repositories/import-anyway-decision';
export * from './repositories/pending-events';
export * from './repositories/retention-repository';
export * from './repositories/order-import-lookup';
export * from './repositories/engine-lease-repository';
