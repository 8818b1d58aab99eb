import type { Dispatcher } from '../../api/dispatcher';
import type { Settings } from '../../contract';
import { toRunSummary } from '../../engine/overview';
import { listRuns, type DatabaseService } from '../../winthor';
import { askHolder, hostLockAddress, type HostLockHolder } from '../host-lock';

/** Runs read for a package made without an engine in the process, newest first. */
export const RECENT_RUNS = 100;

/** Who runs on the data folder, as its lock's holder says (ADR 0306); null when nobody answers. */
const describeFolderHolder = (holder: HostLockHolder | null): unknown =>
  holder
    ? {
        processo: holder.pid,
        tipo: holder.host === 'desktop' ? 'aplicativo' : holder.service ? 'serviço do Windows' : 'sem janela',
        demonstracao: holder.demo ?? false,
        versao: holder.version,
        desde: holder.startedAt,
        interface: holder.url,
      }
    : null;

const setupSummary = async (api: Dispatcher): Promise<unknown> => {
  const status = await api.invoke('setup.status', {}, { origin: 'internal' });
  const open = status.steps.filter((step) => step.state === 'open' || step.state === 'failing');
  return {
    completo: status.complete,
    primeiroPassoQueFalta: status.firstBlocking,
    pendentes: open.map((step) => `${step.number}. ${step.id}: ${step.detail}`),
  };
};

/**
 * motor.json of a package made by the command line (`diagnostics`): no engine runs in that process, so
 * nothing here is the engine's live state. It says so, who runs on the folder (the lock) — the lease holder
 * is beside it —, what the setup guide measures, the branches and schedules configured, and the recent runs
 * read from the database itself (ADR 0317).
 */
export const describeEngineElsewhere = async (sources: {
  dataDir: string;
  api: Dispatcher;
  database: DatabaseService;
  settings: Settings;
  attempt: (work: () => Promise<unknown>) => Promise<unknown>;
}): Promise<{ estado: unknown; sincronizacao: unknown; execucoes: unknown }> => {
  const [holder, setup, runs] = await Promise.all([
    askHolder(hostLockAddress(sources.dataDir)).catch(() => null),
    sources.attempt(() => setupSummary(sources.api)),
    sources.attempt(async () => ({
      runs: (await sources.database.use((db) => listRuns(db, { limit: RECENT_RUNS }))).map(toRunSummary),
    })),
  ]);
  const configured = sources.settings.branches.length > 0;
  return {
    estado: {
      geradoPor: 'linha de comando (comando diagnostics): o motor de sincronização não roda neste processo',
      motorNestaPasta: holder
        ? `O motor roda em outro processo (${describeRunning(holder)}). Seu estado ao vivo (execuções em andamento, espera, falhas) está no pacote gerado pela interface dele: Configuração → "Gerar pacote de diagnóstico".`
        : 'Nenhum integrador respondeu nesta pasta de dados agora (o motor não está rodando nela, ou roda com outra conta do Windows).',
      processoNestaPasta: describeFolderHolder(holder),
      configuracao: configured ? 'filiais configuradas' : 'não configurado (nenhuma filial)',
      primeirosPassos: setup,
    },
    sincronizacao: {
      origem: 'configurações (o motor não roda neste processo)',
      filiais: sources.settings.branches.map((branch) => ({
        codigo: branch.code,
        habilitada: branch.enabled,
        agendamentos: branch.schedules.map((schedule) => ({
          tarefa: schedule.job,
          habilitado: schedule.enabled,
          intervalo: schedule.cron || `${schedule.every} ${schedule.unit}`,
        })),
      })),
    },
    execucoes: runs,
  };
};

const describeRunning = (holder: HostLockHolder): string => {
  const kind =
    holder.host === 'desktop'
      ? 'o aplicativo de área de trabalho'
      : holder.service
        ? 'o serviço do Windows'
        : holder.demo
          ? 'a demonstração sem janela'
          : 'o integrador sem janela';
  return `${kind}, processo ${holder.pid}${holder.url ? `, interface em ${holder.url}` : ''}`;
};
