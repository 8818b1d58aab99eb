import { AppError } from '../../shared/app-error';
import type { Db } from '../db/db';
import { toOptionalNumber } from './sql-helpers';

/**
 * Longest wait for the PCCONSUM row, in seconds. PCCONSUM is WinThor's one row of counters (PROXNUMPED,
 * PROXNUMTRANSVENDA, PROXNUMCAR live there too): past this the UPDATE is cancelled and nothing is held.
 */
export const COUNTER_LOCK_WAIT_SECONDS = 10;

/** The statement that takes a code: increments and returns the counter in one round trip. */
export const TAKE_CUSTOMER_CODE_SQL = `UPDATE PCCONSUM SET PROXNUMCLI = PCCONSUM.PROXNUMCLI + 1`;

const missingCounter = (detail: string): AppError =>
  new AppError(
    'missing_counter',
    `${detail} Não há contador de código de cliente (PCCONSUM.PROXNUMCLI); nenhum cliente foi criado.`,
    {
      fix: 'Informe em PCCONSUM.PROXNUMCLI o próximo código de cliente livre (maior que o maior PCCLIENT.CODCLI em uso), com o suporte do WinThor.',
    },
  );

const counterLocked = (cause: unknown): AppError =>
  new AppError(
    'counter_locked',
    `O contador de clientes (PCCONSUM.PROXNUMCLI) ficou bloqueado por outra sessão do WinThor por mais de ${COUNTER_LOCK_WAIT_SECONDS} s; nenhum cliente foi criado.`,
    {
      fix: 'Tente de novo em alguns minutos. Se persistir, peça ao DBA para ver qual sessão segura a linha de PCCONSUM (V$LOCK / V$SESSION).',
      retryable: true,
      cause,
    },
  );

/**
 * One code, in its own short transaction: `UPDATE … SET PROXNUMCLI = PROXNUMCLI + 1 RETURNING PROXNUMCLI`,
 * then COMMIT at once. The row lock lives for that one statement and the commit, never across other work;
 * its wait is bounded by the statement timeout. A code taken and then not used is simply lost (harmless).
 */
const takeOneCode = async (db: Db): Promise<number> => {
  try {
    return await db.transaction(
      async (tx) => {
        const { rowsAffected, rows } = await tx.executeReturning(TAKE_CUSTOMER_CODE_SQL, undefined, {
          PROXNUMCLI: 'number',
        });
        if (rowsAffected === 0) throw missingCounter('Tabela PCCONSUM sem registro.');
        if (rowsAffected !== 1) {
          throw new AppError(
            'counter_update_failed',
            `O incremento de PCCONSUM.PROXNUMCLI alterou ${rowsAffected} linhas (esperada 1); nenhum cliente foi criado.`,
            {
              fix: 'PCCONSUM deve ter uma única linha com PROXNUMCLI preenchido; confira a tabela com o suporte do WinThor.',
            },
          );
        }
        const next = toOptionalNumber(rows[0]?.PROXNUMCLI);
        const code = next === null ? null : next - 1;
        if (code === null || !Number.isSafeInteger(code) || code <= 0) {
          // Thrown inside the transaction: the increment is rolled back.
          throw missingCounter(
            `PCCONSUM.PROXNUMCLI está ${code === null ? 'vazio (NULL)' : `com valor inválido (${code})`}.`,
          );
        }
        return code;
      },
      { statementTimeoutSeconds: COUNTER_LOCK_WAIT_SECONDS },
    );
  } catch (error) {
    if (error instanceof AppError && (error.code === 'db_timeout' || error.code === 'db_resource_busy'))
      throw counterLocked(error);
    throw error;
  }
};

/**
 * Takes the next free customer code from PCCONSUM.PROXNUMCLI (ADR 0109). Each code is taken and committed
 * on its own; a code already used in PCCLIENT (typed by hand in WinThor) is skipped — checked after the
 * commit, so no lock is held while PCCLIENT is read. A NULL, non-integer or non-positive counter is a
 * missing counter (never code 0), and the increment must change exactly one PCCONSUM row.
 */
export const takeNextCustomerCode = async (db: Db): Promise<number> => {
  for (let attempt = 0; attempt < 100; attempt++) {
    const code = await takeOneCode(db);
    const used = await db.queryOne(`SELECT PCCLIENT.CODCLI FROM PCCLIENT WHERE PCCLIENT.CODCLI = :codcli`, {
      codcli: code,
    });
    if (!used) return code;
  }
  throw new AppError(
    'counter_exhausted',
    'Não foi possível obter um código de cliente livre (PCCONSUM.PROXNUMCLI): os 100 seguintes já estão em uso (PCCLIENT.CODCLI).',
    {
      fix: 'Com o suporte do WinThor, ajuste PCCONSUM.PROXNUMCLI para um código acima do maior PCCLIENT.CODCLI em uso.',
    },
  );
};
