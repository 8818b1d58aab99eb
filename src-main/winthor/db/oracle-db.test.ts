import { describe, expect, it } from 'vitest';
import { AppError } from '../../api/app-error';
import { openDb } from './open-db';
import { OracleDb } from './oracle-db';

describe('OracleDb without a server (real node-oracledb Thin driver)', () => {
  it('reports an unreachable host as one clear message', async () => {
    const error = await OracleDb.open({ connectString: '127.0.0.1:1/FREEPDB1', user: 'u', password: 'p', poolMin: 0, poolMax: 1, connectTimeoutSeconds: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('db_unreachable');
    expect((error as AppError).message).toMatch(/^Banco Oracle: não foi possível conectar ao servidor \(NJS-\d+\)\.$/);
  }, 20_000);

  it('asks for the missing setting before trying to connect', async () => {
    const error = await openDb({
      kind: 'oracle',
      oracle: { connectString: 'srv:1521/WINT', user: '', password: '', instantClientDir: '', poolMin: 1, poolMax: 4, schema: '' },
      embedded: { file: '' },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'db_not_configured', field: 'database.oracle.user' });
  });
});
