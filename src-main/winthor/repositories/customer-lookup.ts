import type { DbSession } from '../db/db';
import { documentDigits, formatDocument, normalizeIe } from './customer-document';
import { inList, toNumber, toText } from './sql-helpers';

export interface CustomerMatch {
  codcli: number;
  name: string;
  document: string;
  ie: string;
}

/** Only the columns the match needs: PCCLIENT has ~575 (winthor-dictionary). */
const SELECT_CUSTOMER = `SELECT PCCLIENT.CODCLI, PCCLIENT.CLIENTE, PCCLIENT.CGCENT, PCCLIENT.IEENT FROM PCCLIENT`;

const customersStoredAs = async (db: DbSession, forms: readonly string[]) => {
  const list = inList('doc', forms);
  return db.query(
    `${SELECT_CUSTOMER} WHERE PCCLIENT.CGCENT IN (${list.sql}) AND PCCLIENT.DTEXCLUSAO IS NULL ORDER BY PCCLIENT.CODCLI`,
    list.binds,
  );
};

/**
 * Other ways the same digits are stored (spaces, a missing dot…): found on the CGCENT index too. Every
 * stored form begins with the document's first two digits ("52998224725", "529.982…", "11.222…"), so a
 * `LIKE '52%'` range of the index is read and only CGCENT is compared — the table itself is not scanned
 * (by reading Oracle's index rules; the plan was not observed). A CGCENT that begins with anything else
 * (a leading space) is not found this way.
 */
const otherStoredForms = async (db: DbSession, digits: string): Promise<string[]> => {
  const rows = await db.query(
    `SELECT DISTINCT PCCLIENT.CGCENT FROM PCCLIENT WHERE PCCLIENT.CGCENT LIKE :doc_prefix
        AND REPLACE(REPLACE(REPLACE(REPLACE(PCCLIENT.CGCENT, '.', ''), '-', ''), '/', ''), ' ', '') = :doc_digits`,
    { doc_prefix: `${digits.slice(0, 2)}%`, doc_digits: digits },
  );
  return rows.map((r) => String(r.CGCENT));
};

/**
 * Finds an active customer by CPF/CNPJ digits plus state registration: the two usual stored forms (digits,
 * punctuated) by index first; only when neither exists, the other forms found on the CGCENT index.
 */
export const findCustomer = async (
  db: DbSession,
  query: { document: string; ie?: string | null },
): Promise<CustomerMatch | undefined> => {
  const digits = documentDigits(query.document);
  const usual = [digits, formatDocument(digits)!];
  let rows = await customersStoredAs(db, usual);
  if (rows.length === 0) {
    const others = (await otherStoredForms(db, digits)).filter((f) => !usual.includes(f));
    if (others.length > 0) rows = await customersStoredAs(db, others.slice(0, 500));
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
