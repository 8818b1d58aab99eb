import { messageRef, type DiagnosticPackage, type StartAtLogin } from '../../contract';
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

/** The switch's note: pt-BR text and its key (system.startAtLogin_*), so an English UI says it in English. */
const noteOf = (key: 'desktop' | 'headless' | 'notWindows'): Pick<StartAtLogin, 'note' | 'noteRef'> => ({
  note: START_AT_LOGIN_NOTES[key],
  noteRef: messageRef(`system.startAtLogin_${key}`),
});

const START_AT_LOGIN_NOTES = {
  desktop: 'Ao entrar no Windows, este usuário abre o integrador na bandeja (sem janela).',
  headless:
    'Este integrador roda sem janela (serviço do Windows ou linha de comando): quem o inicia é o serviço, não o login.',
  notWindows: 'Disponível só no Windows.',
} as const;

const startAtLoginOf = (ports: SystemPorts): StartAtLogin =>
  ports.startAtLogin
    ? { available: true, enabled: ports.startAtLogin.get(), ...noteOf('desktop') }
    : {
        available: false,
        enabled: false,
        ...noteOf(ports.host === 'headless' ? 'headless' : 'notWindows'),
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
          messageRef: { key: `system.startAtLoginUnavailable_${ports.host}` },
          fixRef: { key: 'system.startAtLoginUnavailableFix' },
        },
      );
    }
    ports.startAtLogin.set(enabled);
    return startAtLoginOf(ports);
  },
  'system.diagnostics': () => ports.diagnostics(),
});
