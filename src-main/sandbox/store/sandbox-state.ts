import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CatalogState } from './sandbox-catalog';
import type { OrderBookState } from './order-book';

/**
 * What the sandbox keeps between runs (the demo's `loja-sandbox.json`, ADR 0207): its identity and
 * address, the catalogue (departments, products with variants, stock and prices, next ids) and what
 * changed in the generated orders (acknowledged, status updates). Customers and orders themselves are
 * generated from the seed and need no saving.
 */
export interface SandboxState {
  version: 1;
  /** Stays the same for the life of the file: a restarted sandbox is the same store. */
  storeId: string;
  /** Where it was served last (http://127.0.0.1:PORT): the demo reuses the port, or moves its bindings. */
  url: string;
  savedAt: string;
  catalog: CatalogState;
  orders: OrderBookState;
  orderStatusUpdates: Array<{ orderId: number; body: unknown }>;
}

export const newStoreId = (): string => randomUUID();

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const looksLikeState = (value: unknown): value is SandboxState =>
  isObject(value) &&
  value.version === 1 &&
  typeof value.storeId === 'string' &&
  typeof value.url === 'string' &&
  isObject(value.catalog) &&
  Array.isArray(value.catalog.departments) &&
  Array.isArray(value.catalog.products) &&
  Array.isArray(value.catalog.stock) &&
  Array.isArray(value.catalog.prices) &&
  isObject(value.catalog.nextIds) &&
  isObject(value.orders) &&
  Array.isArray(value.orders.processed) &&
  Array.isArray(value.orders.statusOverrides) &&
  Array.isArray(value.orderStatusUpdates);

/**
 * The saved state, or null when there is none. A file that cannot be read as a sandbox state is moved
 * aside (`…invalido-<time>.json`, never deleted) and the sandbox starts empty; `warning` says so in pt-BR.
 */
export const readSandboxState = (file: string): { state: SandboxState | null; warning: string | null } => {
  if (!existsSync(file)) return { state: null, warning: null };
  let reason: string;
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (looksLikeState(parsed)) return { state: parsed, warning: null };
    reason = 'o conteúdo não é o estado de uma loja sandbox (versão 1)';
  } catch (error) {
    reason = (error as Error).message;
  }
  const aside = `${file}.invalido-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  try {
    renameSync(file, aside);
  } catch {
    // Left where it is: the next save replaces it.
  }
  return {
    state: null,
    warning: `O estado salvo da loja sandbox (${file}) não pôde ser lido (${reason}); a loja começa vazia e o arquivo antigo foi guardado em ${aside}.`,
  };
};

/** Writes `text` to `file` without ever leaving it half written: a temporary file, flushed, then renamed. */
export const writeFileAtomically = async (file: string, text: string): Promise<void> => {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
};

export interface StateWriterOptions {
  /** Quiet time after the last change before writing. Default 300 ms. */
  debounceMs?: number;
  /** Longest a change waits while changes keep coming. Default 2 s. */
  maxDelayMs?: number;
  onError?: (message: string) => void;
}

/**
 * Saves the sandbox's state after changes: debounced (a burst of calls costs one write), at most
 * `maxDelayMs` late under a steady stream, one write at a time, each atomic (temporary file + rename).
 */
export class SandboxStateWriter {
  private timer: NodeJS.Timeout | null = null;
  private dirtySince: number | null = null;
  private writing: Promise<void> = Promise.resolve();
  private writes = 0;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => SandboxState,
    private readonly options: StateWriterOptions = {},
  ) {}

  /** Something changed: a write is scheduled. */
  changed(): void {
    const now = Date.now();
    this.dirtySince ??= now;
    if (this.timer) clearTimeout(this.timer);
    const debounce = this.options.debounceMs ?? 300;
    const latest = this.dirtySince + (this.options.maxDelayMs ?? 2000);
    this.timer = setTimeout(() => void this.flush(), Math.max(0, Math.min(debounce, latest - now)));
    this.timer.unref?.();
  }

  /** Writes now what changed (if anything); resolves when every write so far is on disk. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.dirtySince === null) return this.writing;
    this.dirtySince = null;
    const text = JSON.stringify(this.snapshot());
    this.writing = this.writing
      .then(() => writeFileAtomically(this.file, text))
      .then(() => {
        this.writes += 1;
      })
      .catch((error: unknown) => {
        this.options.onError?.(
          `Não foi possível salvar o estado da loja sandbox em ${this.file}: ${(error as Error).message}`,
        );
      });
    return this.writing;
  }

  /** Files written so far (tests). */
  writeCount(): number {
    return this.writes;
  }
}
