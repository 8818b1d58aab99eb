import type { z } from 'zod';
import { appMethods } from './app-methods';
import { databaseMethods } from './database-methods';
import { mappingMethods } from './mapping-methods';
import { orderMethods } from './order-methods';
import { emailMethods } from './email-methods';
import { logsMethods } from './logs-methods';
import { monitorMethods } from './monitor-methods';
import { pendingsMethods } from './pendings-methods';
import { settingsMethods } from './settings-methods';
import { storeMethods } from './store-methods';
import { syncMethods } from './sync-methods';
import { systemMethods } from './system-methods';
import { setupMethods } from './setup-methods';

/**
 * Every method the UI (desktop or browser) and the command line may call. Adding a method here is the
 * only way to widen the surface; the snapshot test in contract.test.ts makes each change visible.
 */
export const contract = {
  ...appMethods,
  ...settingsMethods,
  ...databaseMethods,
  ...storeMethods,
  ...syncMethods,
  ...mappingMethods,
  ...orderMethods,
  ...logsMethods,
  ...pendingsMethods,
  ...emailMethods,
  ...monitorMethods,
  ...systemMethods,
  ...setupMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export const isMethodName = (name: string): name is MethodName =>
  Object.prototype.hasOwnProperty.call(contract, name);
