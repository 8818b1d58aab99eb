import type { WinthorCategory, WinthorProduct } from '../../winthor';
import { categoryKeysOf } from '../catalogue/category-payload';
import type { JobContext } from '../job-context';
import type { ProductProblem } from '../catalogue/product-payload';
import { CATEGORY_ENTITY } from './categories-job';

interface CategoryView {
  nodes: Map<string, WinthorCategory>;
  failed: Set<string>;
}

const views = new WeakMap<JobContext, Promise<CategoryView>>();

/** The category tree and the categories the store refused, read once per run. */
const categoryView = (context: JobContext): Promise<CategoryView> => {
  let view = views.get(context);
  if (!view) {
    view = (async () => ({
      nodes: new Map((await context.data.catalogue.categories()).map((node) => [node.key, node])),
      failed: await context.data.pendings.openKeys(CATEGORY_ENTITY),
    }))();
    views.set(context, view);
  }
  return view;
};

/**
 * Why a product has no category in the store. 'soon': one of its categories is published and has not
 * been sent yet — a matter of order, the next run sends the product. Otherwise a pendência with the fix:
 * none of its categories is published in WinThor, or the store refused the category.
 */
export const categoryWait = async (
  context: JobContext,
  product: WinthorProduct,
): Promise<'soon' | ProductProblem> => {
  const { nodes, failed } = await categoryView(context);
  const keys = categoryKeysOf(product);
  const published = keys.filter((key) => nodes.get(key)?.publish);
  const label = `Produto ${product.codprod}`;
  const where = `departamento ${product.departmentCode ?? '-'}, seção ${product.sectionCode ?? '-'}, categoria ${product.categoryCode ?? '-'}`;
  const params = {
    codprod: product.codprod,
    department: product.departmentCode ?? '-',
    section: product.sectionCode ?? '-',
    category: product.categoryCode ?? '-',
  };
  if (published.length === 0) {
    return {
      kind: 'categoria_nao_publicada',
      message: `${label} está marcado para o e-commerce, mas nenhuma das suas categorias está (${where}).`,
      fix: 'No WinThor, marque o departamento (e a seção) do produto para o e-commerce (ENVIAECOMMERCE = S), ou tire o produto do e-commerce.',
      params,
    };
  }
  if (published.some((key) => failed.has(key))) {
    return {
      kind: 'aguardando_categoria',
      message: `${label} aguarda a sua categoria, que a loja recusou (${where}).`,
      fix: 'Veja a pendência da categoria em Monitorar → Pendências; quando ela for enviada, o produto vai em seguida.',
      params,
    };
  }
  return 'soon';
};
