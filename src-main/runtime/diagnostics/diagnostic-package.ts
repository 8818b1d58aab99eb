import { arch, platform, release, type as osType } from 'node:os';
import { basename } from 'node:path';
import type { AppStatus, DiagnosticPackage } from '../../contract';
import type { Dispatcher } from '../../api/dispatcher';
import type { SettingsService } from '../../config/settings-service';
import { listSecrets, mapSecrets } from '../../config/secret-fields';
import { fileTimestamp } from '../../config/settings-file';
import { AppError } from '../../shared/app-error';
import { listLogs, type DatabaseService } from '../../winthor';
import { describeEngineElsewhere } from './engine-elsewhere';
import { readLeaseHolder } from './lease-holder';
import { localLogFiles, readTail } from './log-tail';
import { zipEntries, type ZipEntry } from './zip-entries';

/** What a removed secret reads as, in the settings and wherever else its value would have appeared. */
export const REMOVED_SECRET = '[removido]';
/** Engine log lines (WTC_LOG) in the package, newest first. */
export const DATABASE_LOG_LINES = 500;

export interface DiagnosticSources {
  version: string;
  host: 'desktop' | 'headless';
  demo: boolean;
  dataDir: string;
  logsDir: string;
  settings: SettingsService;
  api: Dispatcher;
  database: DatabaseService;
  status(): AppStatus;
  now(): Date;
  /** This engine's lease id (ADR 0310); null where no lease is kept (a one-shot command). */
  leaseInstanceId?: string | null;
  /**
   * False when the package is made where no engine runs (the command line's `diagnostics`): motor.json
   * then reads the database and the settings itself and says where the engine runs (ADR 0317).
   */
  engineInProcess?: boolean;
}

/** Where motor.json came from, in the LEIA-ME. */
const ORIGIN_LINE = {
  engine: '',
  command: `
                      ESTE PACOTE FOI GERADO PELA LINHA DE COMANDO: o motor não roda no processo que o
                      gerou. Se ele roda em outro processo (serviço, aplicativo, demonstração), motor.json
                      diz qual; o estado ao vivo do motor está no pacote gerado pela interface dele.`,
};

const readme = (
  origin: keyof typeof ORIGIN_LINE,
): string => `Pacote de diagnóstico do Integrador WinThor Ciashop, para o suporte.

versoes.json          versões do integrador, do Node/Electron e do sistema; esquema das configurações e dos objetos WTC_
configuracoes.json    configurações desta instalação, SEM senhas nem tokens (aparecem como ${REMOVED_SECRET})
pre-requisitos.json   a verificação de pré-requisitos do WinThor (o mesmo que Banco de Dados → Verificar)
motor.json            estado do motor: resumo, qual integrador está ativo neste banco, sincronização por
                      filial e tarefa, execuções recentes${ORIGIN_LINE[origin]}
logs-do-banco.json    as ${DATABASE_LOG_LINES} linhas mais recentes do log do motor (tabela WTC_LOG)
logs/                 o fim (até 1 MB) de cada log local da pasta de dados

Nenhum segredo das configurações entra no pacote: além de removidos das configurações, os valores deles
são substituídos por ${REMOVED_SECRET} em todos os arquivos acima.
`;

/** The answer of a source, or what went wrong getting it (a package is still produced). */
const attempt = async (work: () => Promise<unknown>): Promise<unknown> => {
  try {
    return await work();
  } catch (error) {
    return {
      erro:
        error instanceof AppError ? error.toBody() : { message: (error as Error)?.message ?? String(error) },
    };
  }
};

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Every clear secret of the settings, longest first, as written in text and inside JSON strings. */
const secretForms = (settings: SettingsService): string[] => {
  const values = [...listSecrets(settings.get()).values()].filter((value) => value.length > 0);
  const forms = values.flatMap((value) => [value, JSON.stringify(value).slice(1, -1)]);
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
};

const scrub = (text: string, secrets: readonly string[]): string =>
  secrets.reduce((out, secret) => out.split(secret).join(REMOVED_SECRET), text);

/**
 * The diagnostic package ("Gerar pacote de diagnóstico", `integrador diagnostics`): one zip for support
 * with the settings without secrets, recent logs, versions, the prerequisites report and the engine's
 * state (ADR 0309). Each part that cannot be read (no database, say) says why instead of failing the rest.
 */
export const buildDiagnosticPackage = async (sources: DiagnosticSources): Promise<DiagnosticPackage> => {
  const now = sources.now();
  const internal = { origin: 'internal' as const };
  const settings = sources.settings.get();
  const inProcess = sources.engineInProcess !== false;
  const [schema, prerequisites, engine, databaseLogs, lease] = await Promise.all([
    attempt(async () => {
      const plan = await sources.api.invoke('db.installPreview', {}, internal);
      return { instalada: plan.currentVersion, desteAplicativo: plan.targetVersion };
    }),
    attempt(() => sources.api.invoke('db.check', {}, internal)),
    inProcess
      ? Promise.all([
          attempt(() => sources.api.invoke('sync.overview', {}, internal)),
          attempt(() => sources.api.invoke('sync.runs', { limit: 100 }, internal)),
        ]).then(([overview, runs]) => ({
          estado: sources.status(),
          sincronizacao: overview,
          execucoes: runs,
        }))
      : describeEngineElsewhere({
          dataDir: sources.dataDir,
          api: sources.api,
          database: sources.database,
          settings,
          attempt,
        }),
    attempt(() =>
      sources.database.use(async (db) => (await listLogs(db, {}, { limit: DATABASE_LOG_LINES })).lines),
    ),
    attempt(() => sources.database.use((db) => readLeaseHolder(db, sources.leaseInstanceId ?? null))),
  ]);
  const entries: ZipEntry[] = [
    { name: 'LEIA-ME.txt', content: readme(inProcess ? 'engine' : 'command') },
    {
      name: 'versoes.json',
      content: json({
        geradoEm: now.toISOString(),
        integrador: { versao: sources.version, host: sources.host, demonstracao: sources.demo },
        runtime: { ...process.versions },
        sistema: { plataforma: platform(), arquitetura: arch(), tipo: osType(), versao: release() },
        esquemaDasConfiguracoes: settings.schemaVersion,
        objetosDaIntegracao: schema,
        pastaDeDados: sources.dataDir,
      }),
    },
    {
      name: 'configuracoes.json',
      content: json(mapSecrets(settings, (value) => (value ? REMOVED_SECRET : ''))),
    },
    { name: 'pre-requisitos.json', content: json(prerequisites) },
    {
      name: 'motor.json',
      content: json({
        estado: engine.estado,
        integradorAtivoNesteBanco: lease,
        sincronizacao: engine.sincronizacao,
        execucoes: engine.execucoes,
      }),
    },
    { name: 'logs-do-banco.json', content: json(databaseLogs) },
    ...localLogFiles(sources.logsDir).map((file) => ({
      name: `logs/${basename(file)}`,
      content: readTail(file),
    })),
  ];
  const secrets = secretForms(sources.settings);
  const clean = entries.map((entry) => ({ ...entry, content: scrub(String(entry.content), secrets) }));
  const zip = await zipEntries(clean, now);
  return {
    fileName: `diagnostico-integrador-${fileTimestamp(now)}.zip`,
    contentBase64: zip.toString('base64'),
    bytes: zip.length,
    entries: clean.map((entry) => ({ name: entry.name, bytes: Buffer.byteLength(entry.content, 'utf8') })),
  };
};
