import { AppError } from '../../shared/app-error';

/** The driver's own code of an error: ORA-01017, NJS-503, DPI-1047, ECONNREFUSED, SQLITE_CANTOPEN… */
export const driverErrorCode = (error: unknown): string | undefined => {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as { code?: unknown; errorNum?: unknown; message?: unknown };
  const message = typeof e.message === 'string' ? e.message : '';
  const fromMessage = /\b(ORA|NJS|DPI|TNS)-\d{3,5}\b/.exec(message)?.[0];
  if (typeof e.code === 'string' && /^(ORA|NJS|DPI|TNS)-\d+$/.test(e.code)) return e.code;
  if (fromMessage) return fromMessage;
  if (typeof e.errorNum === 'number' && e.errorNum > 0) return `ORA-${String(e.errorNum).padStart(5, '0')}`;
  if (typeof e.code === 'string') return e.code;
  return undefined;
};

const firstLine = (error: unknown): string => {
  const message = (error as { message?: unknown })?.message;
  return (typeof message === 'string' ? message : String(error)).split('\n')[0]!.slice(0, 300);
};

/** What the caller knows about the connection, to make the messages precise. */
export interface DbErrorContext {
  /** The configured connect string (Easy Connect, a descriptor or a TNS alias). */
  connectString?: string;
}

/**
 * The port written in a connect string: host:port/service, //host:port/service, tcp://[::1]:port/service or
 * a descriptor's (PORT=n); undefined for a TNS alias or a string without one.
 */
export const connectStringPort = (connectString: string | undefined): number | undefined => {
  const text = connectString?.trim() ?? '';
  if (!text) return undefined;
  const descriptor = /\(\s*PORT\s*=\s*(\d{1,5})\s*\)/i.exec(text);
  const easy = /^(?:[a-z]+:\/\/)?(?:\/\/)?(?:\[[^\]]*\]|[^:/?\s()[\]]+):(\d{1,5})(?:[/?]|$)/i.exec(text);
  const port = Number((descriptor ?? easy)?.[1]);
  return Number.isInteger(port) && port > 0 && port <= 65535 ? port : undefined;
};

const CODES: Array<{
  match: (code: string, message: string) => boolean;
  make: (code: string, message: string, context: DbErrorContext) => AppError;
}> = [
  {
    match: (c) => c === 'ORA-01017' || c === 'ORA-28000' || c === 'ORA-01005',
    make: (c) =>
      new AppError(
        'db_auth',
        c === 'ORA-28000'
          ? 'Banco Oracle: o usuário está bloqueado (ORA-28000).'
          : `Banco Oracle: usuário ou senha incorretos (${c}).`,
        {
          field: 'database.oracle.password',
          fix: 'Confira o usuário e a senha em Banco de Dados › Conexão (ou peça ao DBA para desbloquear o usuário).',
        },
      ),
  },
  {
    match: (c) => c === 'ORA-12514' || c === 'ORA-12505' || c === 'NJS-518',
    make: (c) =>
      new AppError(
        'db_service_unknown',
        `Banco Oracle: o servidor respondeu, mas não conhece o serviço informado (${c}).`,
        {
          field: 'database.oracle.connectString',
          fix: 'Confira o nome do serviço na string de conexão (host:porta/serviço), por exemplo servidor:1521/WINT.',
        },
      ),
  },
  {
    match: (c) =>
      c === 'NJS-515' || c === 'NJS-516' || c === 'NJS-517' || c === 'ORA-12154' || c === 'ORA-12262',
    make: (c) =>
      new AppError(
        'db_connect_string',
        `Banco Oracle: string de conexão inválida ou não encontrada (${c}).`,
        {
          field: 'database.oracle.connectString',
          fix: 'Use o formato servidor:porta/serviço (ex.: 192.168.0.10:1521/WINT); um alias do tnsnames.ora só funciona no modo Thick ou com TNS_ADMIN configurado.',
        },
      ),
  },
  {
    match: (c, m) =>
      [
        'NJS-530',
        'ORA-12541',
        'ORA-12543',
        'ORA-12545',
        'NJS-503',
        'NJS-501',
        'NJS-511',
        'NJS-512',
        'ECONNREFUSED',
        'ENOTFOUND',
        'EHOSTUNREACH',
        'ENETUNREACH',
        'ECONNRESET',
      ].includes(c) || /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH/.test(m),
    make: (c, _m, context) => {
      const port = connectStringPort(context.connectString);
      return new AppError('db_unreachable', `Banco Oracle: não foi possível conectar ao servidor (${c}).`, {
        field: 'database.oracle.connectString',
        fix: `Confira host e porta na string de conexão, se o servidor Oracle e o listener estão no ar e se o firewall libera a porta${port ? ` (${port})` : ' do listener'}.`,
        retryable: true,
      });
    },
  },
  {
    // Before the generic timeout rule (their messages say "timeout"). ORA-00054: NOWAIT or DDL_LOCK_TIMEOUT
    // expired; ORA-30006: FOR UPDATE WAIT n expired; ORA-04021: a DDL waited too long for an object lock.
    match: (c) => c === 'ORA-00054' || c === 'ORA-30006' || c === 'ORA-04021',
    make: (c) =>
      new AppError(
        'db_resource_busy',
        `Banco Oracle: a tabela ou o registro está bloqueado por outra sessão (em geral do WinThor) e o tempo de espera acabou (${c}).`,
        {
          fix: 'Tente de novo em alguns minutos. A criação das triggers (Criar Tabelas / Sequences / Triggers) precisa de uma janela sem movimento no WinThor, fora do expediente.',
          retryable: true,
        },
      ),
  },
  {
    match: (c, m) =>
      [
        'NJS-510',
        'NJS-040',
        'ORA-12170',
        'DPI-1067',
        'NJS-123',
        'ETIMEDOUT',
        'ORA-03136',
        'SQLITE_BUSY',
      ].includes(c) || /timed? ?out|tempo esgotado/i.test(m),
    make: (c) =>
      new AppError('db_timeout', `Banco de dados: tempo de espera esgotado (${c}).`, {
        fix: 'O servidor demorou demais para responder: confira a rede e a carga do banco e tente de novo.',
        retryable: true,
      }),
  },
  {
    match: (c, m) => c === 'ORA-00942' || /no such table/i.test(m),
    make: (c, m) => {
      const table = /no such table: (?:main\.)?(\w+)/i.exec(m)?.[1];
      return new AppError(
        'db_missing_table',
        table
          ? `Banco de dados: a tabela ${table.toUpperCase()} não existe.`
          : `Banco Oracle: tabela ou view inexistente, ou sem permissão de leitura (${c}).`,
        {
          fix: table?.toUpperCase().startsWith('WTC_')
            ? 'Instale as tabelas da integração em Banco de dados › Criar Tabelas / Sequences / Triggers.'
            : 'Confira o esquema configurado (dono das tabelas PC*) e peça ao DBA o GRANT SELECT/INSERT necessário ao usuário da integração.',
        },
      );
    },
  },
  {
    match: (c) => c === 'ORA-01031' || c === 'ORA-01950' || c === 'ORA-01536',
    make: (c) =>
      new AppError(
        'db_insufficient_privileges',
        `Banco Oracle: o usuário não tem privilégio suficiente para esta operação (${c}).`,
        {
          fix: 'Peça ao DBA os privilégios listados na verificação de pré-requisitos (SELECT nas tabelas PC*, INSERT em PCPEDCFV/PCPEDIFV, CREATE TABLE/SEQUENCE/TRIGGER e cota no tablespace).',
        },
      ),
  },
  {
    match: (c) => c === 'ORA-00060',
    make: (c) =>
      new AppError(
        'db_deadlock',
        `Banco Oracle: a operação entrou em impasse (deadlock) com outra sessão e foi desfeita (${c}).`,
        { fix: 'Nada foi gravado por esta operação; ela será tentada de novo.', retryable: true },
      ),
  },
  {
    match: (c) => c === 'ORA-01400',
    make: (c, m) => {
      const column = /\("?[\w$#]+"?\."?([\w$#]+)"?\."?([\w$#]+)"?\)/.exec(m);
      const name = column ? `${column[1]}.${column[2]}` : 'uma coluna';
      return new AppError(
        'db_required_column',
        `Banco Oracle: ${name} é obrigatória (NOT NULL) nesta versão do WinThor e a integração não a preenche (${c}).`,
        {
          fix: 'Rode a verificação de pré-requisitos (Banco de dados › Verificar): ela lista as colunas obrigatórias que a integração não preenche; leve a lista ao suporte da integração.',
        },
      );
    },
  },
  {
    match: (c) => c === 'ORA-00904',
    make: (c, m) => {
      const identifier = /ORA-00904:\s*(\S+):/.exec(m)?.[1];
      return new AppError(
        'db_missing_column',
        `Banco Oracle: coluna ou função inexistente nesta versão do WinThor${identifier ? `: ${identifier}` : ''} (${c}).`,
        {
          fix: 'Rode a verificação de pré-requisitos (Banco de dados › Verificar): ela lista as colunas do WinThor que a integração usa e que faltam neste banco.',
        },
      );
    },
  },
  {
    match: (c) => c === 'NJS-700' || c === 'ORA-24344',
    make: (c) =>
      new AppError(
        'db_compiled_with_errors',
        `Banco Oracle: um objeto foi criado com erros de compilação e ficou INVÁLIDO (${c}).`,
        {
          fix: 'Peça ao DBA para consultar USER_ERRORS (ou ALL_ERRORS), corrigir a causa e executar a instalação de novo.',
        },
      ),
  },
  {
    // DPI-1050 / DPI-1072: a client older than node-oracledb 26 accepts (Oracle Client 19 or later).
    match: (c) => c === 'DPI-1047' || c === 'DPI-1050' || c === 'DPI-1072' || c === 'NJS-045',
    make: (c) =>
      new AppError(
        'db_instant_client',
        `Oracle Instant Client não encontrado ou incompatível na pasta configurada (${c}).`,
        {
          field: 'database.oracle.instantClientDir',
          fix: 'Informe a pasta do Oracle Instant Client 64 bits versão 19 ou posterior (a que contém oci.dll) ou deixe em branco para usar o modo Thin.',
        },
      ),
  },
  {
    match: (c) => c === 'NJS-116' || c === 'NJS-138',
    make: (c) =>
      new AppError('db_thin_unsupported', `Este servidor Oracle não aceita o modo Thin do driver (${c}).`, {
        field: 'database.oracle.instantClientDir',
        fix: 'Servidores anteriores ao Oracle 12.1 (ou com verificador de senha antigo) exigem o modo Thick: instale o Oracle Instant Client 19 (64 bits; o 19 ainda conecta ao Oracle 11.2) e informe a pasta dele.',
      }),
  },
  {
    // A unique key refused a second row (the order import's (store, order id) key relies on it).
    match: (c) =>
      c === 'ORA-00001' || c === 'SQLITE_CONSTRAINT_UNIQUE' || c === 'SQLITE_CONSTRAINT_PRIMARYKEY',
    make: (c, m) =>
      new AppError('db_unique_violation', `Banco de dados: registro já existe (${c}: ${m}).`, {
        fix: 'Outro processo gravou o mesmo registro ao mesmo tempo; a próxima execução segue a partir dele.',
      }),
  },
  {
    match: (c) => c === 'SQLITE_CANTOPEN' || c === 'SQLITE_NOTADB' || c === 'SQLITE_READONLY',
    make: (c) =>
      new AppError('db_file', `Banco embutido: não foi possível abrir o arquivo (${c}).`, {
        field: 'database.embedded.file',
        fix: 'Confira o caminho do arquivo e a permissão de escrita na pasta.',
      }),
  },
];

/**
 * Turns a driver error into one clear pt-BR message (AppError). Unknown errors keep only their first line,
 * never a stack trace. AppErrors pass through unchanged.
 */
export const mapDbError = (error: unknown, context: DbErrorContext = {}): AppError => {
  if (error instanceof AppError) return error;
  const code = driverErrorCode(error) ?? '';
  const message = firstLine(error);
  for (const rule of CODES)
    if (rule.match(code, message)) return Object.assign(rule.make(code, message, context), { cause: error });
  return new AppError('db_error', `Erro do banco de dados: ${message}`, {
    fix: 'Se o erro persistir, envie esta mensagem ao suporte ou ao DBA.',
    cause: error,
  });
};
