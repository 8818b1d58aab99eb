import type { Command } from 'commander';
import { registerDb } from './db';
import { registerServe } from './serve';

/** Every command of `npm run cli`; each domain adds its register function here. */
export const commandRegistrars: Array<(program: Command) => void> = [registerServe, registerDb];
