import { AppError } from '../../shared/app-error';
import type { Db, DbSession } from '../db/db';
import type { ResolvedParameters } from './parameters-repository';
import { fit, toNumber, toOptionalNumber, toText } from './sql-helpers';

export const digitsOnly = (value: string): string => value.replace(/\D/g, '');

/** CPF 000.000.000-00 / CNPJ 00.000.000/0000-00, the punctuated forms WinThor screens store. */
export const formatDocument = (digits: string): string | null => {
  if (digits.length === 11)
    return `${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6, 9)}-${digits.slice(9)}`;
  if (digits.length === 14)
    return `${digits.slice(0, 2)}.${digits.slice(2, 5)}.${digits.slice(5, 8)}/${digits.slice(8, 12)}-${digits.slice(12)}`;
  return null;
};

/** State registration as compared: digits only, or 'ISENTO' when empty/exempt. */
export const normalizeIe = (value: string | null | undefined): string => {
  const text = (value ?? '').trim().toUpperCase();
  if (text === '' || text.startsWith('ISENT')) return 'ISENTO';
  const digits = digitsOnly(text);
  return digits === '' ? 'ISENTO' : digits;
};

export interface CustomerMatch {
  codcli: number;
  name: string;
  document: string;
  ie: string;
}

const SELECT_CUSTOMER = `SELECT PCCLIENT.CODCLI, PCCLIENT.CLIENTE, PCCLIENT.CGCENT, PCCLIENT.IEENT FROM PCCLIENT`;

/**
 * Finds an active customer by CPF/CNPJ digits plus state registration. Looks up the two stored forms
 * (digits, punctuated) by index first; only when neither exists, scans with the punctuation removed.
 */
export const findCustomer = async (
  db: DbSession,
  query: { document: string; ie?: string | null },
): Promise<CustomerMatch | undefined> => {
  const digits = digitsOnly(query.document);
  if (digits.length !== 11 && digits.length !== 14) {
    throw new AppError('invalid_document', `CPF/CNPJ inválido: "${query.document}".`, {
      field: 'document',
      fix: 'Informe 11 dígitos (CPF) ou 14 (CNPJ).',
    });
  }
  let rows = await db.query(
    `${SELECT_CUSTOMER} WHERE PCCLIENT.CGCENT IN (:doc_digits, :doc_formatted) AND PCCLIENT.DTEXCLUSAO IS NULL ORDER BY PCCLIENT.CODCLI`,
    {
      doc_digits: digits,
      doc_formatted: formatDocument(digits),
    },
  );
  if (rows.length === 0) {
    rows = await db.query(
      `${SELECT_CUSTOMER} WHERE REPLACE(REPLACE(REPLACE(REPLACE(PCCLIENT.CGCENT, '.', ''), '-', ''), '/', ''), ' ', '') = :doc_digits
         AND PCCLIENT.DTEXCLUSAO IS NULL ORDER BY PCCLIENT.CODCLI`,
      { doc_digits: digits },
    );
  }
  const ie = normalizeIe(query.ie);
  const row = rows.find((r) => normalizeIe(toText(r.IEENT)) === ie);
  return row
    ? {
        codcli: toNumber(row.CODCLI),
        name: toText(row.CLIENTE),
        document: toText(row.CGCENT),
        ie: toText(row.IEENT),
      }
    : undefined;
};

export interface NewCustomer {
  name: string;
  document: string;
  ie?: string | null;
  email?: string | null;
  phone?: string | null;
  street?: string | null;
  number?: string | null;
  complement?: string | null;
  district?: string | null;
  city?: string | null;
  state?: string | null;
  zip?: string | null;
  /** PCCIDADE.CODCIDADE (IBGE code), when known. */
  cityCode?: number | null;
}

/** Defaults of a customer created from the store: parameters 4008, 4009, 4011, 4012, 4013, 4014. */
export interface CustomerDefaults {
  codcob: string;
  codplpag: number;
  codpraca: number;
  codusur: number;
  codatv: number;
  numregiao: number | null;
}

const requireParameter = (
  parameters: ResolvedParameters,
  id: '4008' | '4009' | '4011' | '4012' | '4013',
  label: string,
): string => {
  const value = parameters[id].value;
  if (value === null) {
    throw new AppError(
      'missing_parameter',
      `Parâmetro ${id} (${label}) não configurado no WinThor (PCPARAMFILIAL.NOME = ${parameters[id].name}).`,
      {
        field: `winthor.parameterNames.${id}`,
        fix: `Na rotina 132, informe o parâmetro ${id} para a filial ou para a empresa (filial 99).`,
      },
    );
  }
  return value;
};

const requireNumber = (id: string, text: string, label: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n)) {
    throw new AppError('invalid_parameter', `Parâmetro ${id} (${label}) com valor inválido: "${text}".`, {
      field: `winthor.parameterNames.${id}`,
      fix: 'Informe um código numérico na rotina 132.',
    });
  }
  return n;
};

export const customerDefaultsFrom = (parameters: ResolvedParameters): CustomerDefaults => {
  const region = parameters['4014'].value;
  return {
    codcob: requireParameter(parameters, '4008', 'cobrança'),
    codplpag: requireNumber(
      '4009',
      requireParameter(parameters, '4009', 'plano de pagamento'),
      'plano de pagamento',
    ),
    codpraca: requireNumber('4011', requireParameter(parameters, '4011', 'praça'), 'praça'),
    codusur: requireNumber('4012', requireParameter(parameters, '4012', 'RCA'), 'RCA'),
    codatv: requireNumber(
      '4013',
      requireParameter(parameters, '4013', 'ramo de atividade'),
      'ramo de atividade',
    ),
    numregiao: region === null ? null : requireNumber('4014', region, 'região'),
  };
};

const missingCounter = (detail: string): AppError =>
  new AppError(
    'missing_counter',
    `${detail} Não há contador de código de cliente (PCCONSUM.PROXNUMCLI); nenhum cliente foi criado.`,
    {
      fix: 'Informe em PCCONSUM.PROXNUMCLI o próximo código de cliente livre (maior que o maior PCCLIENT.CODCLI em uso), com o suporte do WinThor.',
    },
  );

/**
 * Takes the next customer code: PCCONSUM.PROXNUMCLI read FOR UPDATE and incremented in the caller's
 * transaction (the row lock keeps WinThor's own screens and other integrations waiting until commit).
 * Skips codes already used (a code typed by hand in WinThor). A NULL, non-integer or non-positive counter
 * is a missing counter (never code 0), and the increment must change exactly one PCCONSUM row.
 */
export const takeNextCustomerCode = async (tx: DbSession): Promise<number> => {
  for (let attempt = 0; attempt < 100; attempt++) {
    const row = await tx.queryOne(`SELECT PCCONSUM.PROXNUMCLI FROM PCCONSUM${tx.dialect.forUpdate}`);
    if (!row) throw missingCounter('Tabela PCCONSUM sem registro.');
    const code = toOptionalNumber(row.PROXNUMCLI);
    if (code === null || !Number.isSafeInteger(code) || code <= 0) {
      throw missingCounter(
        `PCCONSUM.PROXNUMCLI está ${code === null ? 'vazio (NULL)' : `com valor inválido (${String(row.PROXNUMCLI)})`}.`,
      );
    }
    const { rowsAffected } = await tx.execute(
      `UPDATE PCCONSUM SET PROXNUMCLI = :next_code WHERE PCCONSUM.PROXNUMCLI = :code`,
      { next_code: code + 1, code },
    );
    if (rowsAffected !== 1) {
      throw new AppError(
        'counter_update_failed',
        `O incremento de PCCONSUM.PROXNUMCLI alterou ${rowsAffected} linhas (esperada 1); nenhum cliente foi criado.`,
        {
          fix: 'PCCONSUM deve ter uma única linha com PROXNUMCLI preenchido; confira a tabela com o suporte do WinThor.',
        },
      );
    }
    const used = await tx.queryOne(`SELECT PCCLIENT.CODCLI FROM PCCLIENT WHERE PCCLIENT.CODCLI = :codcli`, {
      codcli: code,
    });
    if (!used) return code;
  }
  throw new AppError(
    'counter_exhausted',
    'Não foi possível obter um código de cliente livre (PCCONSUM.PROXNUMCLI).',
    { fix: 'Confira o contador na rotina 132.' },
  );
};

/** Creates a customer (PCCLIENT) in one transaction with the code it takes from PCCONSUM. */
export const createCustomer = async (
  db: Db,
  customer: NewCustomer,
  defaults: CustomerDefaults,
  now: Date = new Date(),
): Promise<number> => {
  const digits = digitsOnly(customer.document);
  const document = formatDocument(digits);
  if (!document)
    throw new AppError('invalid_document', `CPF/CNPJ inválido: "${customer.document}".`, {
      field: 'document',
      fix: 'Informe 11 dígitos (CPF) ou 14 (CNPJ).',
    });
  const ie = normalizeIe(customer.ie);
  return db.transaction(async (tx) => {
    const codcli = await takeNextCustomerCode(tx);
    await tx.execute(
      `INSERT INTO PCCLIENT (CODCLI, CLIENTE, FANTASIA, CGCENT, IEENT, TIPOFJ, EMAIL, TELENT, ENDERENT, NUMEROENT, COMPLEMENTOENT, BAIRROENT,
         MUNICENT, ESTENT, CEPENT, CODCIDADE, CODCOB, CODPLPAG, CODPRACA, CODUSUR1, CODATV1, NUMREGIAOCLI, DTCADASTRO, BLOQUEIO)
       VALUES (:codcli, :cliente, :fantasia, :cgcent, :ieent, :tipofj, :email, :telent, :enderent, :numeroent, :complementoent, :bairroent,
         :municent, :estent, :cepent, :codcidade, :codcob, :codplpag, :codpraca, :codusur1, :codatv1, :numregiaocli, :dtcadastro, 'N')`,
      {
        codcli,
        cliente: fit(customer.name.toUpperCase(), 60),
        fantasia: fit(customer.name.toUpperCase(), 40),
        cgcent: document,
        ieent: fit(ie, 15),
        tipofj: digits.length === 14 ? 'J' : 'F',
        email: fit(customer.email, 100),
        telent: fit(customer.phone ? digitsOnly(customer.phone) : null, 13),
        enderent: fit(customer.street?.toUpperCase(), 40),
        numeroent: fit(customer.number, 6),
        complementoent: fit(customer.complement?.toUpperCase(), 80),
        bairroent: fit(customer.district?.toUpperCase(), 40),
        municent: fit(customer.city?.toUpperCase(), 15),
        estent: fit(customer.state?.toUpperCase(), 2),
        cepent: fit(customer.zip, 9),
        codcidade: customer.cityCode ?? null,
        codcob: defaults.codcob,
        codplpag: defaults.codplpag,
        codpraca: defaults.codpraca,
        codusur1: defaults.codusur,
        codatv1: defaults.codatv,
        numregiaocli: defaults.numregiao,
        dtcadastro: new Date(now.getFullYear(), now.getMonth(), now.getDate()),
      },
    );
    return codcli;
  });
};
