import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error';
import { SqliteDb } from './sqlite-db';
import { connectStringPort, mapDbError } from './db-errors';

/** Error objects shaped as node-oracledb 6 throws them (message "ORA-xxxxx: …", code, errorNum). */
const oraError = (code: string, text: string) =>
  Object.assign(
    new Error(`${code}: ${text}\nHelp: https://docs.oracle.com/error-help/db/${code.toLowerCase()}/`),
    { code, errorNum: Number(code.slice(4)) },
  );
const njsError = (code: string, text: string) => Object.assign(new Error(`${code}: ${text}`), { code });

describe('mapDbError: one clear pt-BR message per driver error, never a stack trace', () => {
  const cases: Array<[string, unknown, string, RegExp]> = [
    [
      'wrong credentials',
      oraError('ORA-01017', 'invalid credential or not authorized; logon denied'),
      'db_auth',
      /usuário ou senha incorretos/,
    ],
    [
      'listener down',
      oraError('ORA-12541', 'Cannot connect. No listener at host 10.0.0.9 port 1521.'),
      'db_unreachable',
      /não foi possível conectar/,
    ],
    [
      'thin mode refused connection',
      njsError(
        'NJS-503',
        'connection to host 10.0.0.9 port 1521 could not be established. (CONNECTION_ID=x)\nError: connect ECONNREFUSED 10.0.0.9:1521',
      ),
      'db_unreachable',
      /não foi possível conectar/,
    ],
    // The next three are the messages node-oracledb 6.10 and 26.0 Thin actually gave here (no server needed).
    [
      'host unresolvable (observed)',
      njsError(
        'NJS-530',
        'The host addresses or URLs provided by the connect string are incorrect or unresolvable in your network.',
      ),
      'db_unreachable',
      /não foi possível conectar/,
    ],
    [
      'bad Easy Connect string (observed)',
      njsError(
        'NJS-515',
        'error in Easy Connect connection string: input string not in easy connect format: 127.0.0.1:1/X',
      ),
      'db_connect_string',
      /string de conexão inválida/,
    ],
    [
      'TNS alias without tnsnames.ora (observed)',
      njsError('NJS-516', 'no configuration directory set or available to search for tnsnames.ora'),
      'db_connect_string',
      /string de conexão inválida/,
    ],
    [
      'plain socket error',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1521'), { code: 'ECONNREFUSED' }),
      'db_unreachable',
      /não foi possível conectar/,
    ],
    [
      'unknown service',
      oraError('ORA-12514', 'Cannot connect to database. Service WINT is not registered with the listener'),
      'db_service_unknown',
      /não conhece o serviço/,
    ],
    [
      'missing table or grant',
      oraError('ORA-00942', 'table or view does not exist'),
      'db_missing_table',
      /tabela ou view inexistente/,
    ],
    [
      'insufficient privileges',
      oraError('ORA-01031', 'insufficient privileges'),
      'db_insufficient_privileges',
      /privilégio/,
    ],
    [
      'connect timeout',
      njsError(
        'NJS-510',
        'connection to host 10.0.0.9 port 1521 timed out. Request exceeded "connectTimeout" of 15 seconds.',
      ),
      'db_timeout',
      /tempo de espera esgotado/,
    ],
    [
      'pool queue timeout',
      njsError('NJS-040', 'connection request timeout. Request exceeded "queueTimeout" of 60000'),
      'db_timeout',
      /tempo de espera esgotado/,
    ],
    [
      'instant client missing',
      Object.assign(new Error('DPI-1047: Cannot locate a 64-bit Oracle Client library'), {}),
      'db_instant_client',
      /Instant Client/,
    ],
    [
      'instant client older than 19 (node-oracledb 26 needs 19 or later)',
      new Error(
        'DPI-1050: Oracle Client library is at version 12.2.0 but version 19.0.0 or higher is needed',
      ),
      'db_instant_client',
      /Instant Client/,
    ],
    [
      'old server in thin mode',
      njsError(
        'NJS-138',
        'connections to this database server version are not supported by node-oracledb in Thin mode',
      ),
      'db_thin_unsupported',
      /modo Thin/,
    ],
    [
      'DDL lock timeout on a busy WinThor table',
      oraError('ORA-00054', 'resource busy and acquire with NOWAIT specified or timeout expired'),
      'db_resource_busy',
      /bloqueado por outra sessão/,
    ],
    [
      'FOR UPDATE WAIT expired',
      oraError('ORA-30006', 'resource busy; acquire with WAIT timeout expired'),
      'db_resource_busy',
      /tempo de espera acabou/,
    ],
    [
      'deadlock',
      oraError('ORA-00060', 'deadlock detected while waiting for resource'),
      'db_deadlock',
      /impasse/,
    ],
    [
      'call timeout (Thin)',
      njsError('NJS-123', 'call timeout of 10000 ms exceeded'),
      'db_timeout',
      /tempo de espera esgotado/,
    ],
  ];
  for (const [label, error, code, message] of cases) {
    it(label, () => {
      const mapped = mapDbError(error);
      expect(mapped).toBeInstanceOf(AppError);
      expect(mapped.code).toBe(code);
      expect(mapped.message).toMatch(message);
      expect(mapped.message).not.toMatch(/\n|at .*\(/);
      expect(mapped.fix).toBeTruthy();
    });
  }

  it('names the NOT NULL column a WinThor version requires (ORA-01400) and the missing identifier (ORA-00904)', () => {
    const required = mapDbError(
      oraError('ORA-01400', 'cannot insert NULL into ("WINTHOR"."PCCLIENT"."CODFILIALNF")'),
    );
    expect(required).toMatchObject({
      code: 'db_required_column',
      message:
        'Banco Oracle: PCCLIENT.CODFILIALNF é obrigatória (NOT NULL) nesta versão do WinThor e a integração não a preenche (ORA-01400).',
    });
    expect(required.fix).toContain('verificação de pré-requisitos');
    const missing = mapDbError(oraError('ORA-00904', '"PCDEPTO"."ENVIAECOMMERCE": invalid identifier'));
    expect(missing).toMatchObject({
      code: 'db_missing_column',
      message:
        'Banco Oracle: coluna ou função inexistente nesta versão do WinThor: "PCDEPTO"."ENVIAECOMMERCE" (ORA-00904).',
    });
  });

  it('keeps only the first line of an unknown error', () => {
    const mapped = mapDbError(oraError('ORA-01722', 'invalid number\nline 2'));
    expect(mapped.code).toBe('db_error');
    expect(mapped.message).toBe('Erro do banco de dados: ORA-01722: invalid number');
  });

  it('tells a second row under a unique key (the order import relies on it), on Oracle and SQLite', async () => {
    expect(mapDbError(oraError('ORA-00001', 'unique constraint (X.PK) violated')).code).toBe(
      'db_unique_violation',
    );
    const db = new SqliteDb({ file: ':memory:' });
    await db.execute('CREATE TABLE T (A INTEGER PRIMARY KEY, B TEXT UNIQUE)');
    await db.execute(`INSERT INTO T (A, B) VALUES (1, 'x')`);
    await expect(db.execute(`INSERT INTO T (A, B) VALUES (2, 'x')`)).rejects.toMatchObject({
      code: 'db_unique_violation',
    });
    await expect(db.execute(`INSERT INTO T (A, B) VALUES (1, 'y')`)).rejects.toMatchObject({
      code: 'db_unique_violation',
    });
    await db.close();
  });

  it('names the missing table on the embedded database', async () => {
    const db = new SqliteDb({ file: ':memory:' });
    const error = await db.query('SELECT PCEST.QTESTGER FROM PCEST').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'db_missing_table',
      message: 'Banco de dados: a tabela PCEST não existe.',
    });
    const integration = mapDbError(new Error('no such table: WTC_CHANGE_QUEUE'));
    expect(integration.fix).toMatch(/Criar Tabelas/);
    await db.close();
  });
});

describe('db_unreachable names the port of the connect string, never a guessed one', () => {
  const refused = () =>
    Object.assign(new Error('connect ECONNREFUSED 10.0.0.9:1599'), { code: 'ECONNREFUSED' });

  it('takes the port from the connect string', () => {
    const error = mapDbError(refused(), { connectString: '10.0.0.9:1599/WINT' });
    expect(error.code).toBe('db_unreachable');
    expect(error.fix).toContain('libera a porta (1599)');
    expect(error.fix).not.toContain('1521');
  });

  it('names no number without a port in the connect string', () => {
    for (const connectString of ['WINT_PROD', 'servidor/WINT', undefined]) {
      const error = mapDbError(refused(), connectString === undefined ? {} : { connectString });
      expect(error.fix, connectString).not.toMatch(/\(\d+\)/);
      expect(error.fix, connectString).toContain('libera a porta do listener');
    }
  });

  it.each([
    ['servidor:1522/WINT', 1522],
    ['//servidor:1523/WINT', 1523],
    ['tcp://servidor:1524/WINT?connect_timeout=5', 1524],
    ['[::1]:1525/WINT', 1525],
    ['(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db)(PORT = 1526))(CONNECT_DATA=(SERVICE_NAME=WINT)))', 1526],
    ['servidor:1527', 1527],
    ['servidor/WINT', undefined],
    ['WINT', undefined],
    ['', undefined],
    ['servidor:99999/WINT', undefined],
  ])('reads the port of %s', (connectString, port) => {
    expect(connectStringPort(connectString)).toBe(port);
  });
});
