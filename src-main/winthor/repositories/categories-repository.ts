import type { DbSession } from '../db/db';
import { toNumber, toOptionalText, toText } from './sql-helpers';

/** One node of the WinThor hierarchy: department, section or category. */
export interface WinthorCategory {
  level: 'department' | 'section' | 'category';
  /** Stable key: '12' (department), '12.1203' (section), '12.1203.1' (category). */
  key: string;
  departmentCode: number;
  sectionCode: number | null;
  categoryCode: number | null;
  name: string;
  /** ENVIAECOMMERCE = 'S' on the node and every ancestor. */
  publish: boolean;
  /** IDINTEGRACAOCIASHOP: the store's id once created. */
  storeId: string | null;
  parentKey: string | null;
}

/** Reads the three levels (PCDEPTO, PCSECAO, PCCATEGORIA), parents before children. */
export const listCategories = async (
  db: DbSession,
  options: { onlyPublished?: boolean } = {},
): Promise<WinthorCategory[]> => {
  const departments = await db.query(
    `SELECT PCDEPTO.CODEPTO, PCDEPTO.DESCRICAO, PCDEPTO.ENVIAECOMMERCE, PCDEPTO.IDINTEGRACAOCIASHOP FROM PCDEPTO ORDER BY PCDEPTO.CODEPTO`,
  );
  const sections = await db.query(
    `SELECT PCSECAO.CODSEC, PCSECAO.CODEPTO, PCSECAO.DESCRICAO, PCSECAO.ENVIAECOMMERCE, PCSECAO.IDINTEGRACAOCIASHOP FROM PCSECAO ORDER BY PCSECAO.CODSEC`,
  );
  const categories = await db.query(
    `SELECT PCCATEGORIA.CODSEC, PCCATEGORIA.CODCATEGORIA, PCCATEGORIA.CATEGORIA, PCCATEGORIA.ENVIAECOMMERCE, PCCATEGORIA.IDINTEGRACAOCIASHOP
       FROM PCCATEGORIA ORDER BY PCCATEGORIA.CODSEC, PCCATEGORIA.CODCATEGORIA`,
  );
  const out: WinthorCategory[] = [];
  const byKey = new Map<string, WinthorCategory>();
  const add = (node: WinthorCategory) => {
    byKey.set(node.key, node);
    out.push(node);
  };
  for (const d of departments) {
    add({
      level: 'department',
      key: String(toNumber(d.CODEPTO)),
      departmentCode: toNumber(d.CODEPTO),
      sectionCode: null,
      categoryCode: null,
      name: toText(d.DESCRICAO),
      publish: toText(d.ENVIAECOMMERCE) === 'S',
      storeId: toOptionalText(d.IDINTEGRACAOCIASHOP),
      parentKey: null,
    });
  }
  const sectionParent = new Map<number, string>();
  for (const s of sections) {
    const parent = byKey.get(String(toNumber(s.CODEPTO)));
    if (!parent) continue; // a section of a missing department cannot be placed
    const key = `${parent.key}.${toNumber(s.CODSEC)}`;
    sectionParent.set(toNumber(s.CODSEC), key);
    add({
      level: 'section',
      key,
      departmentCode: parent.departmentCode,
      sectionCode: toNumber(s.CODSEC),
      categoryCode: null,
      name: toText(s.DESCRICAO),
      publish: parent.publish && toText(s.ENVIAECOMMERCE) === 'S',
      storeId: toOptionalText(s.IDINTEGRACAOCIASHOP),
      parentKey: parent.key,
    });
  }
  for (const c of categories) {
    const parentKey = sectionParent.get(toNumber(c.CODSEC));
    const parent = parentKey ? byKey.get(parentKey) : undefined;
    if (!parent) continue;
    add({
      level: 'category',
      key: `${parent.key}.${toNumber(c.CODCATEGORIA)}`,
      departmentCode: parent.departmentCode,
      sectionCode: parent.sectionCode,
      categoryCode: toNumber(c.CODCATEGORIA),
      name: toText(c.CATEGORIA),
      publish: parent.publish && toText(c.ENVIAECOMMERCE) === 'S',
      storeId: toOptionalText(c.IDINTEGRACAOCIASHOP),
      parentKey: parent.key,
    });
  }
  return options.onlyPublished ? out.filter((n) => n.publish) : out;
};

/** Records the store's id on the node (IDINTEGRACAOCIASHOP), as the original integration did. */
export const setCategoryStoreId = async (
  db: DbSession,
  node: Pick<WinthorCategory, 'level' | 'departmentCode' | 'sectionCode' | 'categoryCode'>,
  storeId: string | null,
): Promise<number> => {
  if (node.level === 'department') {
    return (
      await db.execute(
        `UPDATE PCDEPTO SET IDINTEGRACAOCIASHOP = :store_id WHERE PCDEPTO.CODEPTO = :codepto`,
        { store_id: storeId, codepto: node.departmentCode },
      )
    ).rowsAffected;
  }
  if (node.level === 'section') {
    return (
      await db.execute(`UPDATE PCSECAO SET IDINTEGRACAOCIASHOP = :store_id WHERE PCSECAO.CODSEC = :codsec`, {
        store_id: storeId,
        codsec: node.sectionCode,
      })
    ).rowsAffected;
  }
  return (
    await db.execute(
      `UPDATE PCCATEGORIA SET IDINTEGRACAOCIASHOP = :store_id WHERE PCCATEGORIA.CODSEC = :codsec AND PCCATEGORIA.CODCATEGORIA = :codcategoria`,
      {
        store_id: storeId,
        codsec: node.sectionCode,
        codcategoria: node.categoryCode,
      },
    )
  ).rowsAffected;
};
