import { storePaths } from '../paths';
import { listOf } from '../answer-check';
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

/**
 * The department with this erpId, asking the store to filter (`erpId=`, the query convention seen on
 * products) and checking the answer: a store that ignores the filter returns a page in which it is not.
 */
export const findDepartmentByErpId = async (
  store: StoreCaller,
  erpId: string,
): Promise<Department | null> => {
  const { data } = await store.request({
    method: 'GET',
    path: storePaths.departments,
    query: { erpId },
    safety: 'idempotent',
    schema: listOf(Department),
  });
  return data.find((department) => department.erpId === erpId) ?? null;
};
