import type { Dispatcher } from '../api/dispatcher';
import { NEWER_VERSION_EXIT_CODE } from '../config/settings-file';
import type { EngineHold } from '../engine/alerts/alert-facts';
import { AppError } from '../shared/app-error';

/** The integration objects (WTC_*) of the configured database, as a host finds them when it starts. */
export type SchemaAtStart =
  | { kind: 'unconfigured' }
  | { kind: 'unavailable'; message: string }
  | { kind: 'not-installed'; target: number }
  | { kind: 'current'; version: number }
  | { kind: 'outdated'; installed: number; target: number; installBy: 'app' | 'owner' }
  | { kind: 'newer'; installed: number; target: number };

/**
 * What the host does next: start the engine; start it paused (the schema is behind); or start it paused
 * and look again when the database answers ('recheck': it could not be reached, so its version is unknown —
 * running this version's jobs on older tables would fail on every write).
 */
export type SchemaStartOutcome = 'run' | 'hold' | 'recheck';

type Log = (level: 'info' | 'warn' | 'error', message: string) => void;

const internal = { origin: 'internal' as const };

/** The objects were installed by a newer version of the integrator: this one must not run on them. */
export class SchemaFromNewerVersionError extends AppError {
  readonly exitCode = NEWER_VERSION_EXIT_CODE;

  constructor(
    readonly installed: number,
    readonly target: number,
  ) {
    super(
      'schema_from_newer_version',
      `As tabelas da integração no banco estão na versão ${installed}, de uma versão mais nova do integrador; esta versão usa a ${target}. Voltar para uma versão anterior não é suportado: a sincronização não foi iniciada e nada foi alterado.`,
      {
        field: 'database',
        fix: 'Instale de novo a versão mais nova do integrador nesta máquina (e em qualquer outra que use este banco).',
      },
    );
  }
}

/** Reads the installed version through the same method as "visualizar script" (db.installPreview). */
export const readSchemaAtStart = async (api: Dispatcher): Promise<SchemaAtStart> => {
  try {
    const plan = await api.invoke('db.installPreview', {}, internal);
    const installed = plan.currentVersion;
    const target = plan.targetVersion;
    if (installed === 0) return { kind: 'not-installed', target };
    if (installed === target) return { kind: 'current', version: installed };
    if (installed > target) return { kind: 'newer', installed, target };
    return { kind: 'outdated', installed, target, installBy: plan.grantTo ? 'owner' : 'app' };
  } catch (error) {
    // No database yet: the first run, which "Primeiros passos" walks (the engine waits in its setup state).
    if ((error as { code?: string })?.code === 'db_not_configured') return { kind: 'unconfigured' };
    const message =
      error instanceof AppError
        ? `${error.message}${error.fix ? ` ${error.fix}` : ''}`
        : ((error as Error)?.message ?? String(error));
    return { kind: 'unavailable', message };
  }
};

export interface SchemaStartOptions {
  /** Whether to update an outdated schema now: the desktop asks the person, the service says yes. */
  confirm(state: Extract<SchemaAtStart, { kind: 'outdated' }>): Promise<boolean>;
  log: Log;
  /** The engine stays held, and why (the alerts tell the operator, ADR 0034). */
  onHold?: (hold: EngineHold) => void;
}

/**
 * At start, before the engine: brings the integration objects up to this version (ADR 0309). A schema
 * that is behind is updated with `db.install` (what "Criar Tabelas / Sequences / Triggers" runs) once
 * confirmed; declined, impossible here (another owner's schema) or failed, the engine starts paused and the
 * log says why. A schema ahead of this version is refused (SchemaFromNewerVersionError). A database that
 * cannot be reached is looked at again until it answers ('recheck'); one with no objects yet is left to the
 * usual screens (the first-run guide).
 */
export const bringSchemaUpToDate = async (
  api: Dispatcher,
  options: SchemaStartOptions,
): Promise<SchemaStartOutcome> => {
  const state = await readSchemaAtStart(api);
  switch (state.kind) {
    case 'unconfigured':
      return 'run';
    case 'unavailable':
      options.log(
        'warn',
        `Tabelas da integração não verificadas na partida: ${state.message} A sincronização fica pausada e o integrador verifica de novo a cada minuto.`,
      );
      return 'recheck';
    case 'not-installed':
      options.log(
        'info',
        `Tabelas da integração ainda não instaladas neste banco (versão ${state.target}): use Banco de Dados → "Criar Tabelas / Sequences / Triggers".`,
      );
      return 'run';
    case 'current':
      return 'run';
    case 'newer':
      throw new SchemaFromNewerVersionError(state.installed, state.target);
    case 'outdated':
      break;
  }
  const from = `da versão ${state.installed} para a ${state.target}`;
  if (state.installBy === 'owner') {
    options.log(
      'warn',
      `As tabelas da integração precisam ser atualizadas ${from}, e ficam no esquema de outro dono: entregue ao DBA o script de Banco de Dados → "Criar Tabelas / Sequences / Triggers" (visualizar script). A sincronização fica pausada até lá.`,
    );
    options.onHold?.({ reason: 'owner', installed: state.installed, target: state.target });
    return 'hold';
  }
  if (!(await options.confirm(state))) {
    options.log(
      'warn',
      `Atualização das tabelas da integração ${from} adiada; a sincronização fica pausada. Atualize em Banco de Dados → "Criar Tabelas / Sequences / Triggers".`,
    );
    options.onHold?.({ reason: 'declined', installed: state.installed, target: state.target });
    return 'hold';
  }
  options.log('info', `Atualizando as tabelas da integração ${from}…`);
  try {
    const change = await api.invoke('db.install', {}, internal);
    options.log('info', `Tabelas da integração atualizadas ${from} (${change.statements} comandos).`);
    return 'run';
  } catch (error) {
    const reason =
      error instanceof AppError
        ? `${error.message}${error.fix ? ` ${error.fix}` : ''}`
        : ((error as Error)?.message ?? String(error));
    options.log(
      'error',
      `Não foi possível atualizar as tabelas da integração ${from}: ${reason} A sincronização fica pausada; tente de novo em Banco de Dados.`,
    );
    options.onHold?.({ reason: 'failed', installed: state.installed, target: state.target, detail: reason });
    return 'hold';
  }
};
