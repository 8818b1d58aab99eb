import type { Db } from '../db/db';
import { requireCity } from './city-repository';
import { takeNextCustomerCode } from './customer-code';
import { type CustomerDefaults, taxProfileOf } from './customer-defaults';
import { digitsOnly, documentDigits, formatDocument, normalizeIe } from './customer-document';
import { fit, insertColumnsOf } from './sql-helpers';

export * from './customer-document';
export * from './customer-lookup';
export * from './customer-code';
export * from './customer-defaults';
export * from './city-repository';

/** The sizes of the PCCLIENT columns a new customer fills (bytes; the engine cuts with a note first). */
export const CUSTOMER_COLUMN_SIZES = {
  CLIENTE: 60,
  FANTASIA: 40,
  IEENT: 15,
  EMAIL: 100,
  TELENT: 13,
  ENDERENT: 40,
  NUMEROENT: 6,
  COMPLEMENTOENT: 80,
  BAIRROENT: 40,
  MUNICENT: 15,
  CEPENT: 9,
} as const;

/** An address of a customer as the store sends it. */
export interface CustomerAddress {
  street?: string | null;
  number?: string | null;
  complement?: string | null;
  district?: string | null;
  city?: string | null;
  state?: string | null;
  zip?: string | null;
}

/**
 * A customer from the store. The address is the customer's main one: it fills WinThor's main address (…ENT,
 * with CODCIDADE) and, unless `billing` is given, the billing address (…COB) too. An order's customer comes
 * with its delivery address as the main one and the store's billing address as `billing`.
 */
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
  /** IBGE municipality code (7 digits, the store's `ibgeCode`): WinThor's city is looked up by it. */
  ibgeCode?: number | string | null;
  /** The billing address (…COB) when it differs from the main one. */
  billing?: CustomerAddress | null;
}

export const CUSTOMER_INSERT_SQL = `INSERT INTO PCCLIENT (CODCLI, CLIENTE, FANTASIA, CGCENT, IEENT, TIPOFJ, CONSUMIDORFINAL, CONTRIBUINTE, EMAIL, TELENT,
   ENDERENT, NUMEROENT, COMPLEMENTOENT, BAIRROENT, MUNICENT, ESTENT, CEPENT, CODCIDADE,
   ENDERCOB, NUMEROCOB, COMPLEMENTOCOB, BAIRROCOB, MUNICCOB, ESTCOB, CEPCOB,
   CODCOB, CODPLPAG, CODPRACA, CODUSUR1, CODATV1, NUMREGIAOCLI, CODFILIALNF, DTCADASTRO, DTULTALTER, BLOQUEIO,
   CODCLIPRINC)
 VALUES (:codcli, :cliente, :fantasia, :cgcent, :ieent, :tipofj, :consumidorfinal, :contribuinte, :email, :telent,
   :enderent, :numeroent, :complementoent, :bairroent, :municent, :estent, :cepent, :codcidade,
   :endercob, :numerocob, :complementocob, :bairrocob, :municcob, :estcob, :cepcob,
   :codcob, :codplpag, :codpraca, :codusur1, :codatv1, :numregiaocli, :codfilialnf, :dtcadastro, :dtultalter, 'N',
   :codcli)`;

// CODCLIPRINC = CODCLI: a new customer is its own main customer (WinThor's own screens do so; reports and
// credit that group by the main customer otherwise leave it out).
/** The PCCLIENT columns a new customer fills (the prerequisites compare them with the NOT NULL ones). */
export const CUSTOMER_INSERT_COLUMNS = insertColumnsOf(CUSTOMER_INSERT_SQL);

/**
 * Creates a customer (PCCLIENT): WinThor's city by IBGE code first (none = refused, nothing taken), then
 * the code from PCCONSUM in its own committed transaction, then the insert in another (ADR 0109, 0110).
 */
export const createCustomer = async (
  db: Db,
  customer: NewCustomer,
  defaults: CustomerDefaults,
  now: Date = new Date(),
): Promise<number> => {
  const digits = documentDigits(customer.document);
  const ie = normalizeIe(customer.ie);
  const city = await requireCity(db, {
    ibgeCode: customer.ibgeCode,
    name: customer.city,
    state: customer.state,
  });
  const tax = taxProfileOf(digits, ie, defaults.companyWithIeIsFinalConsumer);
  const size = CUSTOMER_COLUMN_SIZES;
  const address = {
    ender: fit(customer.street?.toUpperCase(), size.ENDERENT),
    numero: fit(customer.number, size.NUMEROENT),
    complemento: fit(customer.complement?.toUpperCase(), size.COMPLEMENTOENT),
    bairro: fit(customer.district?.toUpperCase(), size.BAIRROENT),
    // WinThor's own spelling of the city, and its state when the store sent none.
    munic: fit(city.name.toUpperCase(), size.MUNICENT),
    est: fit((customer.state?.trim() || city.state)?.toUpperCase(), 2),
    cep: fit(customer.zip, size.CEPENT),
  };
  const other = customer.billing;
  const billing = other
    ? {
        ender: fit(other.street?.toUpperCase(), size.ENDERENT),
        numero: fit(other.number, size.NUMEROENT),
        complemento: fit(other.complement?.toUpperCase(), size.COMPLEMENTOENT),
        bairro: fit(other.district?.toUpperCase(), size.BAIRROENT),
        munic: fit(other.city?.toUpperCase(), size.MUNICENT),
        est: fit(other.state?.toUpperCase(), 2),
        cep: fit(other.zip, size.CEPENT),
      }
    : address;
  const codcli = await takeNextCustomerCode(db);
  await db.transaction((tx) =>
    tx.execute(CUSTOMER_INSERT_SQL, {
      codcli,
      cliente: fit(customer.name.toUpperCase(), 60),
      fantasia: fit(customer.name.toUpperCase(), 40),
      cgcent: formatDocument(digits),
      ieent: fit(ie, 15),
      tipofj: digits.length === 14 ? 'J' : 'F',
      consumidorfinal: tax.finalConsumer,
      contribuinte: tax.taxpayer,
      email: fit(customer.email, 100),
      telent: fit(customer.phone ? digitsOnly(customer.phone) : null, 13),
      // The main address (…ENT) and the billing address (…COB): the same values unless `billing` is given.
      ...Object.fromEntries(Object.entries(address).map(([k, v]) => [`${k}ent`, v])),
      ...Object.fromEntries(Object.entries(billing).map(([k, v]) => [`${k}cob`, v])),
      codcidade: city.codcidade,
      codcob: defaults.codcob,
      codplpag: defaults.codplpag,
      codpraca: defaults.codpraca,
      codusur1: defaults.codusur,
      codatv1: defaults.codatv,
      numregiaocli: defaults.numregiao,
      codfilialnf: defaults.codfilialnf,
      dtcadastro: new Date(now.getFullYear(), now.getMonth(), now.getDate()),
      dtultalter: new Date(Math.floor(now.getTime() / 1000) * 1000),
    }),
  );
  return codcli;
};

/**
 * Updates what the store may change of a customer: name, e-mail, phone and main address (with WinThor's
 * city by IBGE code). One statement, committed at once: the PCCLIENT row is locked only for it. Only when the
 * settings allow it (`customers.updateExisting`); the CPF/CNPJ, IE, tax profile and commercial codes stay.
 */
export const updateCustomer = async (
  db: Db,
  codcli: number,
  customer: NewCustomer,
  now: Date = new Date(),
): Promise<void> => {
  const city = await requireCity(db, {
    ibgeCode: customer.ibgeCode,
    name: customer.city,
    state: customer.state,
  });
  const size = CUSTOMER_COLUMN_SIZES;
  await db.transaction((tx) =>
    tx.execute(
      `UPDATE PCCLIENT SET CLIENTE = :cliente, EMAIL = :email, TELENT = :telent, ENDERENT = :enderent,
          NUMEROENT = :numeroent, COMPLEMENTOENT = :complementoent, BAIRROENT = :bairroent, MUNICENT = :municent,
          ESTENT = :estent, CEPENT = :cepent, CODCIDADE = :codcidade, DTULTALTER = :dtultalter
        WHERE PCCLIENT.CODCLI = :codcli`,
      {
        codcli,
        cliente: fit(customer.name.toUpperCase(), size.CLIENTE),
        email: fit(customer.email, size.EMAIL),
        telent: fit(customer.phone ? digitsOnly(customer.phone) : null, size.TELENT),
        enderent: fit(customer.street?.toUpperCase(), size.ENDERENT),
        numeroent: fit(customer.number, size.NUMEROENT),
        complementoent: fit(customer.complement?.toUpperCase(), size.COMPLEMENTOENT),
        bairroent: fit(customer.district?.toUpperCase(), size.BAIRROENT),
        municent: fit(city.name.toUpperCase(), size.MUNICENT),
        estent: fit((customer.state?.trim() || city.state)?.toUpperCase(), 2),
        cepent: fit(customer.zip, size.CEPENT),
        codcidade: city.codcidade,
        dtultalter: new Date(Math.floor(now.getTime() / 1000) * 1000),
      },
    ),
  );
};
