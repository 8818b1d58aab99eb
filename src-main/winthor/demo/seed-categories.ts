import type { DbSession } from '../db/db';
import { DEPARTMENTS } from './demo-vocabulary';
import { insertAll, type SeedRow } from './insert-rows';

/** A category that is published to the store: products are spread over these. */
export interface CategoryLeaf {
  dept: number;
  sec: number;
  cat: number;
}

/** Departments, sections and categories (PAPELARIA INTERNA is not published); returns the published leaves. */
export const seedCategories = async (db: DbSession): Promise<CategoryLeaf[]> => {
  const leaves: CategoryLeaf[] = [];
  const depts: SeedRow[] = [];
  const secs: SeedRow[] = [];
  const cats: SeedRow[] = [];
  DEPARTMENTS.forEach(([name, sections], d) => {
    const dept = d + 1;
    const publish = name !== 'PAPELARIA INTERNA' ? 'S' : 'N';
    depts.push({ CODEPTO: dept, DESCRICAO: name, ENVIAECOMMERCE: publish, IDINTEGRACAOCIASHOP: null });
    sections.forEach((section, s) => {
      const sec = dept * 100 + s + 1;
      secs.push({
        CODSEC: sec,
        CODEPTO: dept,
        DESCRICAO: section,
        ENVIAECOMMERCE: publish,
        IDINTEGRACAOCIASHOP: null,
      });
      for (let c = 1; c <= 2; c++) {
        cats.push({
          CODSEC: sec,
          CODCATEGORIA: c,
          CATEGORIA: `${section} ${c === 1 ? 'LINHA A' : 'LINHA B'}`,
          ENVIAECOMMERCE: publish,
          IDINTEGRACAOCIASHOP: null,
        });
        if (publish === 'S') leaves.push({ dept, sec, cat: c });
      }
    });
  });
  await insertAll(db, 'PCDEPTO', depts);
  await insertAll(db, 'PCSECAO', secs);
  await insertAll(db, 'PCCATEGORIA', cats);
  return leaves;
};
