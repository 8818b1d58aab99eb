import type { Db } from '../db/db';
import { getBranch } from '../repositories/branches-repository';
import type { PrerequisiteCheck } from './prerequisite-check';

/** Each configured branch exists in PCFILIAL (and is not deleted there). */
export const checkBranches = async (db: Db, branches: readonly string[]): Promise<PrerequisiteCheck[]> => {
  const checks: PrerequisiteCheck[] = [];
  for (const code of branches) {
    const branch = await getBranch(db, code).catch(() => undefined);
    checks.push(
      branch
        ? {
            id: `branch.${code}`,
            label: `Filial ${code}`,
            status: branch.active ? 'ok' : 'warning',
            detail: `${branch.name}${branch.active ? '' : ' (excluída no WinThor)'}`,
          }
        : {
            id: `branch.${code}`,
            label: `Filial ${code}`,
            status: 'error',
            detail: 'Não existe no cadastro de filiais (PCFILIAL).',
            fix: 'Corrija o código da filial nas configurações.',
          },
    );
  }
  return checks;
};
