// The contract's public face: the renderer imports it through @contract, the main process as
// src-main/contract. Re-exports only, so that no file of the contract needs to import this one.
export * from './define';
export * from './app-methods';
export * from './database-methods';
export * from './settings-methods';
export * from './store-methods';
export * from './sync-methods';
export * from './mapping-methods';
export * from './order-methods';
export * from './logs-methods';
export * from './pendings-methods';
export * from './email-methods';
export * from './monitor-methods';
export * from './messages';
export * from './system-methods';
export * from './setup-methods';
export * from './settings-schema';
export * from './events';
export * from './methods';
export * from './bridge';
