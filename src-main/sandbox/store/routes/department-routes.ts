import type { SandboxCatalog } from '../sandbox-catalog';
import { asObject, bad, conflict, notFound, paged, type ResourceRoutes } from './route-kit';

/** `departments`: list, create (409 on a known erpId), update (id in the body), get and delete by id. */
export const departmentRoutes =
  (catalog: SandboxCatalog): ResourceRoutes =>
  ({ method, parts, query, body }) => {
    const idText = parts[1];
    if (parts.length === 1 && method === 'GET') {
      const erpId = query.one('erpId');
      const all = [...catalog.departments.values()];
      return paged(erpId !== undefined ? all.filter((d) => d.erpId === erpId) : all, query);
    }
    if (parts.length === 1 && method === 'POST') {
      const input = asObject(body);
      if (!input || typeof input.name !== 'string' || !input.name) return bad('Campo name é obrigatório.');
      if (
        typeof input.erpId === 'string' &&
        [...catalog.departments.values()].some((d) => d.erpId === input.erpId)
      ) {
        return conflict(`Departamento com erpId ${input.erpId} já existe.`);
      }
      const department = catalog.createDepartment({
        name: input.name,
        description: String(input.description ?? ''),
        sortOrder: Number(input.sortOrder ?? 0),
        visible: input.visible !== false,
        parentId: typeof input.parentId === 'number' ? input.parentId : null,
        ...(typeof input.erpId === 'string' ? { erpId: input.erpId } : {}),
      });
      return { status: 201, body: department };
    }
    if (parts.length === 1 && method === 'PUT') {
      const input = asObject(body);
      const existing = input && typeof input.id === 'number' ? catalog.departments.get(input.id) : undefined;
      if (!input || !existing) return notFound('Departamento não encontrado.');
      Object.assign(existing, input, { id: existing.id });
      return { status: 200, body: existing };
    }
    const id = Number(idText);
    const department = catalog.departments.get(id);
    if (parts.length === 2 && method === 'GET')
      return department
        ? { status: 200, body: department }
        : notFound(`Departamento ${idText} não encontrado.`);
    if (parts.length === 2 && method === 'DELETE') {
      if (!department) return notFound(`Departamento ${idText} não encontrado.`);
      catalog.departments.delete(id);
      return { status: 200, body: {} };
    }
    return undefined;
  };
