import type { DiagnosticPackage, StartAtLogin } from '../../contract';
import { AppError } from '../../shared/app-error';
import type { HandlerGroup } from '../handlers';

/** The login item, which only the desktop host has (Electron's app.setLoginItemSettings). */
export interface StartAtLoginPort {
  get(): boolean;
  set(enabled: boolean): void;
}

export interface SystemPorts {
  version: string;
  host: 'desktop' | 'headless';
  dataDir: string;
  logsDir: string;
  /** Absent in the headless host: a Windows service is started by Windows itself. */
  startAtLogin?: StartAtLoginPort;
  diagnostics(): Promise<DiagnosticPackage>;
}

const startAtLoginOf = (ports: SystemPorts): StartAtLogin =>
  ports.startAtLogin
    ? {
        available: true,
        enabled: ports.startAtLogin.get(),
        note: 'Ao entrar no Windows, este usuário abre o integrador na bandeja (sem janela).',
      }
    : {
        available: false,
        enabled: false,
        note:
          ports.host === 'headless'
            ? 'Este integrador roda sem janela (serviço do Windows ou linha de comando): quem o inicia é o serviço, não o login.'
            : 'Disponível só no Windows.',
      };

export const systemHandlers = (
  ports: SystemPorts,
): HandlerGroup<'system.info' | 'system.setStartAtLogin' | 'system.diagnostics'> => ({
  'system.info': async () => ({
    version: ports.version,
    host: ports.host,
    dataDir: ports.dataDir,
    logsDir: ports.logsDir,
    startAtLogin: startAtLoginOf(ports),
  }),
  'system.setStartAtLogin': async ({ enabled }) => {
    if (!ports.startAtLogin) {
      throw new AppError(
        'start_at_login_unavailable',
        `Iniciar com o Windows: ${startAtLoginOf(ports).note}`,
        {
          field: 'enabled',
          fix: 'Use o aplicativo de área de trabalho instalado no Windows para ligar ou desligar esta opção.',
        },
      );
    }
    ports.startAtLogin.set(enabled);
    return startAtLoginOf(ports);
  },
  'system.diagnostics': () => ports.diagnostics(),
});
