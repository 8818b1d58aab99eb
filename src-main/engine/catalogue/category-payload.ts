import type { DepartmentInput } from '../../ciashop/schemas';
import type { WinthorCategory } from '../../winthor';

/**
 * A WinThor department, section or category as a store department: the store keeps one tree of
 * departments (parentId), so the three levels nest under each other. erpId = the node's key.
 */
export const categoryPayload = (
  node: WinthorCategory,
  parentStoreId: number | null,
  visible = true,
): DepartmentInput => ({
  name: node.name.trim() || `Categoria ${node.key}`,
  erpId: node.key,
  visible,
  ...(parentStoreId !== null ? { parentId: parentStoreId } : {}),
});

/** The keys of a product's place in the tree, deepest first: category, section, department. */
export const categoryKeysOf = (product: {
  departmentCode: number | null;
  sectionCode: number | null;
  categoryCode: number | null;
}): string[] => {
  if (product.departmentCode === null) return [];
  const department = String(product.departmentCode);
  if (product.sectionCode === null) return [department];
  const section = `${department}.${product.sectionCode}`;
  if (product.categoryCode === null) return [section, department];
  return [`${section}.${product.categoryCode}`, section, department];
};
