import { storePaths } from '../paths';
import { Department, DepartmentInput } from '../schemas';
import type { StoreCaller } from '../store-client-types';

export const listDepartments = (store: StoreCaller, pageSize = 100): AsyncGenerator<Department[]> =>
  store.pages(storePaths.departments, Department, {}, pageSize);

export const createDepartment = async (store: StoreCaller, input: DepartmentInput): Promise<Department> => {
  const body = DepartmentInput.parse(input);
  return (
    await store.request({
      method: 'POST',
      path: storePaths.departments,
      body,
      safety: 'create',
      schema: Department,
    })
  ).data;
};

export const updateDepartment = async (
  store: StoreCaller,
  id: number,
  input: DepartmentInput,
): Promise<Department> => {
  const body = { id, ...DepartmentInput.parse(input) };
  return (
    await store.request({
      method: 'PUT',
      path: storePaths.departments,
      body,
      safety: 'idempotent',
      schema: Department,
    })
  ).data;
};
