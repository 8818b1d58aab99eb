import {
  MAPPING_KINDS,
  type MappingKind,
  type MethodOutput,
  type ScheduleJob,
  type Settings,
  type StoreBranchState,
  type StoreCodesResult,
} from '../contract';
import { smtpPasswordTarget, storeTokenTarget } from '../contract/secret-targets';
import type { BranchFacts, SetupFacts } from '../engine/setup/setup-facts';
import { HELD_UNTIL_PREVIEW } from '../engine/setup/first-sync-hold';
import type { RunRecord } from '../winthor';
import type { SetupMarks } from './setup-marks-file';

/** Where the first-run guide reads what it measures; each is the same call a screen makes. */
export interface SetupSources {
  settings(): Settings;
  demo: boolean;
  /** The prerequisites report of Banco de Dados (db.check): connection first. */
  check(): Promise<MethodOutput<'db.check'>>;
  storeStates(): StoreBranchState[];
  marks(): SetupMarks;
  isAvailable(job: ScheduleJob): boolean;
  /** The codes the store's orders use (mappings.storeCodes; its store sample is cached). */
  storeCodes(branch: string, kind: MappingKind): Promise<StoreCodesResult>;
  /** The latest run of each job of the branch (empty when the integration's tables are not there). */
  latestRuns(branch: string): Promise<RunRecord[]>;
  /** The engine's first-sync hold of the branch (FirstSyncHold.isHeld; rejects when it cannot tell, ADR 0406). */
  firstSyncHeld(branch: string): Promise<boolean>;
}

/**
 * How long a measure waits for the store's order codes: the sample shares the store's call budget and
 * spacing with the sync, and may wait behind it. A slower read goes on (it is cached) and the next measure
 * uses it; meanwhile step 6 says the codes are being read.
 */
const STORE_CODES_WAIT_MS = 1500;

const STILL_READING = 'lendo os códigos dos pedidos da loja… (a medida seguinte mostra o resultado)';

const withinWait = <T>(work: Promise<T>, ms: number, late: T): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const wait = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(late), ms);
  });
  return Promise.race([work, wait]).finally(() => clearTimeout(timer));
};

/** A database is named in the settings (embedded file, or Oracle address and user). */
export const databaseConfigured = (settings: Settings): boolean =>
  settings.database.kind === 'embedded'
    ? settings.database.embedded.file.trim() !== ''
    : settings.database.oracle.connectString.trim() !== '' && settings.database.oracle.user.trim() !== '';

const storeProblemOf = (state: StoreBranchState | undefined): string | null => {
  if (!state?.configured) return null;
  if (state.problem) return state.problem;
  if (state.circuit.state === 'open')
    return `a loja não responde (${state.circuit.reason ?? `${state.circuit.consecutiveFailures} falhas seguidas`}).`;
  return null;
};

/** Reads, live, everything the eight steps are measured from (ADR 0401). Never throws. */
export const gatherSetupFacts = async (sources: SetupSources): Promise<SetupFacts> => {
  const settings = sources.settings();
  const configured = databaseConfigured(settings);
  let checks: SetupFacts['checks'] = null;
  let database: SetupFacts['database'] = { configured, ok: false, detail: '' };
  if (configured) {
    const report: MethodOutput<'db.check'> = await sources.check().catch((error: unknown) => ({
      ok: false,
      checks: [
        { id: 'connection', label: 'Conexão', status: 'error' as const, detail: (error as Error).message },
      ],
    }));
    const connection = report.checks.find((check) => check.id === 'connection');
    const connected = connection?.status === 'ok';
    database = {
      configured,
      ok: connected,
      detail: connection
        ? `${connection.detail}${!connected && connection.fix ? ` ${connection.fix}` : ''}`
        : '',
      ...(connected && connection?.detailRef ? { detailRef: connection.detailRef } : {}),
    };
    if (connected) checks = report.checks;
  }
  const marks = sources.marks();
  const states = sources.storeStates();
  const branches: BranchFacts[] = [];
  for (const branch of settings.branches) {
    const state = states.find((candidate) => candidate.branch === branch.code);
    const storeConfigured = !!branch.store.url.trim() && !!branch.store.token.trim();
    const target = storeTokenTarget(branch.store.url);
    // A branch that already synced with this store counts as tested (an install upgraded from a version
    // without marks, restored settings): the guide must never stop a working installation.
    const finished =
      storeConfigured && database.ok
        ? (await sources.latestRuns(branch.code).catch(() => [])).filter(
            (run) => run.status === 'ok' || run.status === 'partial',
          )
        : [];
    const synced = finished.length > 0;
    // Step 8's first sync is the catalogue's: orders run before it and are never held (ADR 0406).
    const catalogueRun = finished.some((run) => HELD_UNTIL_PREVIEW.has(run.job as ScheduleJob));
    const storeTested = storeConfigured && (marks.storeTested[branch.code] === target || synced);
    const storeProblem = storeProblemOf(state);
    const ready = branch.enabled && storeTested && !storeProblem;
    let unmapped: BranchFacts['unmapped'] = null;
    let mappingProblem: string | null = null;
    let previewSeen = false;
    let firstSyncRun = false;
    let catalogueOnHold = false;
    if (ready && database.ok) {
      const reads = Promise.all(
        MAPPING_KINDS.map((kind) =>
          sources.storeCodes(branch.code, kind).catch((error: unknown) => ({
            kind,
            problem: (error as Error).message,
            codes: [] as StoreCodesResult['codes'],
          })),
        ),
      );
      const results = await withinWait(reads, STORE_CODES_WAIT_MS, null);
      if (results) {
        unmapped = {};
        for (const codes of results) {
          if (codes.problem) mappingProblem ??= codes.problem;
          unmapped[codes.kind] = codes.codes.filter((code) => !code.mapped).map((code) => code.code);
        }
      } else mappingProblem = STILL_READING;
      previewSeen = marks.previewSeen[branch.code] === target;
      firstSyncRun = catalogueRun;
      // Fails closed as the engine does: when the hold cannot be read, the catalogue waits (ADR 0406).
      catalogueOnHold = await sources.firstSyncHeld(branch.code).catch(() => true);
    }
    const email = branch.email;
    const emailSet = !!email.host && !!email.from;
    branches.push({
      code: branch.code,
      enabled: branch.enabled,
      storeConfigured,
      storeTested,
      storeProblem,
      schedules: branch.schedules.filter((s) => s.enabled && sources.isAvailable(s.job)).length,
      unmapped,
      mappingProblem,
      emailSet,
      mailTested: emailSet && marks.mailTested[branch.code] === smtpPasswordTarget(email),
      previewSeen,
      firstSyncRun,
      catalogueOnHold,
    });
  }
  return { demo: sources.demo, database, checks, branches };
};
