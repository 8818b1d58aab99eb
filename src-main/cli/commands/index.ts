import type { Command } from 'commander';
import { registerDb } from './db';
import { registerDiagnostics } from './diagnostics';
import { registerSandbox } from './sandbox';
import { registerServe } from './serve';
import { registerService } from './service';
import { registerStore } from './store';
import { registerSync } from './sync';

/** Every command of `npm run cli`; each domain adds its register function here. */
export const commandRegistrars: Array<(program: Command) => void> = [
  registerServe,
  registerDb,
  registerStore,
  registerSandbox,
  registerSync,
  registerService,
  registerDiagnostics,
];
