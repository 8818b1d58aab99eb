import { AppError } from '../shared/app-error';
import { unknownBranchError } from '../shared/unknown-branch';
import type { Branch, Settings, StoreBranchState } from '../contract';
import { StoreClient, type LogFn, type StoreClientOptions } from './store-client';
import { normaliseStoreUrl } from '../shared/store-url';
import { budgetDecided } from './api-budget';

export type ClientDefaults = Omit<StoreClientOptions, 'url' | 'token'>;

/**
 * One StoreClient per store (normalised URL + token), shared by every job and every branch selling in that
 * store, so that budget, spacing and circuit breaker are per store. A branch whose URL or token changes gets
 * the new store's client; clients no branch uses any more close once their calls have ended.
 */
export class StoreClientRegistry {
  /** By store (API root + token): two branches selling in the same store share its budget and breaker. */
  private readonly clients = new Map<string, StoreClient>();

  constructor(
    private readonly readSettings: () => Settings,
    private readonly defaults: ClientDefaults = {},
    private readonly log: LogFn = () => {},
  ) {}

  /** The client of a branch; AppError in pt-BR naming the field when the branch or its store is not set up. */
  forBranch(code: string): StoreClient {
    const { key, url, token } = this.storeOf(this.branch(code));
    const existing = this.clients.get(key);
    if (existing) return existing;
    const client = new StoreClient({ ...this.defaults, url, token, log: this.defaults.log ?? this.log });
    this.clients.set(key, client);
    this.retireUnused();
    return client;
  }

  /** The store a branch points at (normalised URL + token); AppError naming the missing field. */
  private storeOf(branch: Branch): { key: string; apiRoot: string; url: string; token: string } {
    const { url, token } = branch.store;
    if (!url.trim()) {
      throw new AppError(
        'store_not_configured',
        `URL da loja: a filial ${branch.code} não tem a URL da loja configurada.`,
        {
          field: 'store.url',
          fix: 'Preencha a URL da loja na configuração da filial e use "Testar conexão".',
        },
      );
    }
    if (!token.trim()) {
      throw new AppError(
        'store_not_configured',
        `Token da loja: a filial ${branch.code} não tem o token da loja configurado.`,
        {
          field: 'store.token',
          fix: 'Cole o token gerado no painel da loja na configuração da filial.',
        },
      );
    }
    const apiRoot = normaliseStoreUrl(url);
    return { key: `${apiRoot}\n${token.trim()}`, apiRoot, url, token };
  }

  /**
   * Clients of stores no branch points at any more (URL or token changed) leave the registry and close once
   * their calls in progress have ended: closing at once would abort them, and an aborted create is the
   * ambiguous case of ADR 0203 (ADR 0010).
   */
  private retireUnused(): void {
    const inUse = new Set<string>();
    for (const branch of this.readSettings().branches) {
      try {
        inUse.add(this.storeOf(branch).key);
      } catch {
        // a branch without a usable store has no client
      }
    }
    for (const [key, client] of this.clients) {
      if (!inUse.has(key)) {
        this.clients.delete(key);
        client.closeWhenIdle();
      }
    }
  }

  branch(code: string): Branch {
    const branch = this.readSettings().branches.find((candidate) => candidate.code === code);
    if (!branch) {
      throw unknownBranchError(
        code,
        'Cadastre a filial nas configurações ou use o código de uma filial existente.',
      );
    }
    return branch;
  }

  /**
   * Each branch's store state, for the Painel (polled). Read-only: it neither creates nor closes a client;
   * a store no call has used yet shows a fresh state.
   */
  states(): StoreBranchState[] {
    return this.readSettings().branches.map((branch) => {
      const configured = !!branch.store.url.trim() && !!branch.store.token.trim();
      let problem: string | null = null;
      let apiRoot: string | null = null;
      let client: StoreClient | undefined;
      if (configured) {
        try {
          const store = this.storeOf(branch);
          apiRoot = store.apiRoot;
          client = this.clients.get(store.key);
        } catch (error) {
          problem = error instanceof AppError ? error.message : String(error);
        }
      }
      const state = client?.state();
      const iso = (value: number | null | undefined) => (value ? new Date(value).toISOString() : null);
      return {
        branch: branch.code,
        name: branch.name,
        configured,
        apiRoot,
        problem,
        circuit: {
          state: state?.circuit.state ?? 'closed',
          reason: state?.circuit.reason ?? null,
          until: iso(state?.circuit.until),
          consecutiveFailures: state?.circuit.consecutiveFailures ?? 0,
        },
        budget: {
          limit: state?.budget.limit ?? null,
          second: state?.budget.second ?? null,
          // The engine's figure (ADR 0036): the same as the branch card and "Atividade" show.
          remaining: state ? budgetDecided(state.budget).remaining : null,
          semantics: state?.budget.semantics ?? 'unknown',
          blockedUntil: iso(state?.budget.blockedUntil),
        },
        calls: state?.calls ?? 0,
        lastCall: state?.lastCall
          ? {
              ok: state.lastCall.ok,
              reason: state.lastCall.reason,
              reasonRef: state.lastCall.reasonRef,
              at: iso(state.lastCall.at)!,
            }
          : null,
      };
    });
  }

  close(): void {
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }
}
