import type { Department, DepartmentInput } from '../../ciashop/schemas';
import { StoreError } from '../../ciashop/store-error';
import type { WinthorCategory } from '../../winthor';
import { categoryPayload } from '../catalogue/category-payload';
import { payloadHash } from '../catalogue/payload-hash';
import type { JobContext } from '../job-context';
import { recordItemFailure } from './item-errors';

export const CATEGORY_ENTITY = 'category';

/**
 * Categories (seed: "Categoria"): a full pass over departments → sections → categories, parents first,
 * only those published (ENVIAECOMMERCE on the node and its ancestors). The tree is small (hundreds of
 * rows), so every run compares all of it; only a node whose payload changed costs a call. The queue's
 * category rows only say "look again" and are drained. With `hideUnpublished` (the reconcile), a node the
 * store shows that WinThor no longer publishes is hidden (visible = false), never deleted.
 */
/** Runs whose categories were already compared in this run (the products that follow need not ask again). */
const syncedIn = new WeakSet<JobContext>();
export const categoriesSyncedIn = (context: JobContext): boolean => syncedIn.has(context);

export const syncCategories = async (
  context: JobContext,
  options: { hideUnpublished?: boolean } = {},
): Promise<void> => {
  syncedIn.add(context);
  const { data, store, counts } = context;
  const queued = await data.changes.read(CATEGORY_ENTITY, 5000);
  const nodes = await data.catalogue.categories();
  const bindings = await data.bindings.get(
    CATEGORY_ENTITY,
    nodes.map((node) => node.key),
  );
  const storeIdOf = (key: string | null): number | null => {
    if (key === null) return null;
    const id = bindings.get(key)?.storeId;
    return id ? Number(id) : null;
  };
  let done = 0;
  for (const node of nodes) {
    if (context.signal.aborted) return;
    context.progress(done++, nodes.length);
    if (!node.publish && !options.hideUnpublished) continue;
    const binding = bindings.get(node.key);
    if (!node.publish && (!binding?.storeId || binding.hidden)) continue;
    counts.read += 1;
    const parentStoreId = storeIdOf(node.parentKey);
    if (node.parentKey !== null && parentStoreId === null && node.publish) {
      counts.deferred += 1; // its parent failed or waits: the next run sends it
      continue;
    }
    const payload = categoryPayload(node, parentStoreId, node.publish);
    const hash = payloadHash(payload);
    if (binding?.storeId && binding.payloadHash === hash) {
      counts.unchanged += 1;
      continue;
    }
    counts.changed += 1;
    if (!context.mayCall()) {
      counts.starved += 1;
      continue;
    }
    try {
      const department = binding?.storeId
        ? await store.updateDepartment(Number(binding.storeId), payload)
        : await createOrAdopt(context, payload);
      const storeId = String(department.id);
      await data.bindings.save({
        entity: CATEGORY_ENTITY,
        erpKey: node.key,
        storeId,
        payloadHash: hash,
        hidden: !node.publish,
      });
      bindings.set(node.key, {
        storeKey: store.storeKey,
        entity: CATEGORY_ENTITY,
        erpKey: node.key,
        storeId,
        payloadHash: hash,
        hidden: !node.publish,
      });
      await data.pendings.resolve(CATEGORY_ENTITY, [node.key]);
      counts.sent += 1;
      if (!node.publish) counts.hidden += 1;
    } catch (error) {
      await recordItemFailure(context, CATEGORY_ENTITY, node.key, labelOf(node), error);
    }
  }
  context.progress(nodes.length, nodes.length);
  if (counts.starved === 0) await data.changes.done(queued.ids);
};

const LEVEL: Record<WinthorCategory['level'], string> = {
  department: 'Departamento',
  section: 'Seção',
  category: 'Categoria',
};

const labelOf = (node: WinthorCategory): string => `${LEVEL[node.level]} ${node.key} (${node.name})`;

/**
 * Creates a department; when the store answers 409 (a department with this erpId exists: created by an
 * earlier run whose answer was lost, or by another installation), the existing one is adopted and updated
 * to the payload instead of failing.
 */
const createOrAdopt = async (context: JobContext, payload: DepartmentInput): Promise<Department> => {
  try {
    return await context.store.createDepartment(payload);
  } catch (error) {
    if (!(error instanceof StoreError) || error.kind !== 'conflict' || !payload.erpId) throw error;
    const existing = await context.store.findDepartmentByErpId(payload.erpId);
    if (!existing) throw error;
    context.log('info', `Departamento ${payload.erpId} já existia na loja (id ${existing.id}): vinculado.`);
    return context.store.updateDepartment(existing.id, payload);
  }
};
