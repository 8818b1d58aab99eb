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

/**
 * A customer from the store. The address is the customer's main one (the store's billingAddress): it fills
 * both WinThor's main address (…ENT, with CODCIDADE) and the billing address (…COB).
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
}

export const CUSTOMER_INSERT_SQL = `INSERT INTO PCCLIENT (CODCLI, CLIENTE, FANTASIA, CGCENT, IEENT, TIPOFJ, CONSUMIDORFINAL, CONTRIBUINTE, EMAIL, TELENT,
   ENDERENT, NUMEROENT, COMPLEMENTOENT, BAIRROENT, MUNICENT, ESTENT, CEPENT, CODCIDADE,
   ENDERCOB, NUMEROCOB, COMPLEMENTOCOB, BAIRROCOB, MUNICCOB, ESTCOB, CEPCOB,
   CODCOB, CODPLPAG, CODPRACA, CODUSUR1, CODATV1, NUMREGIAOCLI, CODFILIALNF, DTCADASTRO, DTULTALTER, BLOQUEIO)
 VALUES (:codcli, :cliente, :fantasia, :cgcent, :ieent, :tipofj, :consumidorfinal, :contribuinte, :email, :telent,
   :enderent, :numeroent, :complementoent, :bairroent, :municent, :estent, :cepent, :codcidade,
   :endercob, :numerocob, :complementocob, :bairrocob, :municcob, :estcob, :cepcob,
   :codcob, :codplpag, :codpraca, :codusur1, :codatv1, :numregiaocli, :codfilialnf, :dtcadastro, :dtultalter, 'N')`;

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
  const address = {
    ender: fit(customer.street?.toUpperCase(), 40),
    numero: fit(customer.number, 6),
    complemento: fit(customer.complement?.toUpperCase(), 80),
    bairro: fit(customer.district?.toUpperCase(), 40),
    // WinThor's own spelling of the city, and its state when the store sent none.
    munic: fit(city.name.toUpperCase(), 15),
    est: fit((customer.state?.trim() || city.state)?.toUpperCase(), 2),
    cep: fit(customer.zip, 9),
  };
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
      // The main address (…ENT) and the billing address (…COB) take the same values.
      ...Object.fromEntries(Object.entries(address).map(([k, v]) => [`${k}ent`, v])),
      ...Object.fromEntries(Object.entries(address).map(([k, v]) => [`${k}cob`, v])),
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
