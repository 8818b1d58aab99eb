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
            labelRef: { key: 'prereq.branch.label', params: { branch: code } },
            status: branch.active ? 'ok' : 'warning',
            detail: `${branch.name}${branch.active ? '' : ' (excluída no WinThor)'}`,
            detailRef: {
              key: branch.active ? 'prereq.branch.ok' : 'prereq.branch.deleted',
              params: { name: branch.name },
            },
          }
        : {
            id: `branch.${code}`,
            label: `Filial ${code}`,
            labelRef: { key: 'prereq.branch.label', params: { branch: code } },
            status: 'error',
            detail: 'Não existe no cadastro de filiais (PCFILIAL).',
            detailRef: { key: 'prereq.branch.missing' },
            fix: 'Corrija o código da filial nas configurações.',
            fixRef: { key: 'prereq.branch.fix' },
          },
    );
  }
  return checks;
};
