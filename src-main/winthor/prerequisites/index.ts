import type { Settings } from '../../contract';
import type { Db } from '../db/db';
import { readInstalledVersion } from '../schema/installed-version';
import { checkBranches } from './branch-checks';
import { checkDictionaryColumns } from './column-checks';
import { checkCreatePrivileges } from './create-privileges-check';
import { checkParameters, type ParameterRules } from './parameter-checks';
import type { PrerequisiteCheck } from './prerequisite-check';
import { checkSchemaVersion } from './schema-version-check';
import { checkReadAccess, checkWriteAccess } from './table-access-checks';

export type { CheckStatus, PrerequisiteCheck } from './prerequisite-check';
export type { ParameterRules } from './parameter-checks';
export { checkCreatePrivileges } from './create-privileges-check';
export { READ_TABLES } from './table-access-checks';

/**
 * The prerequisites report (winthor.md): connection, grants, the WinThor columns the product uses and the
 * NOT NULL ones it must fill, branches, parameters, and the installed schema with who installs it.
 */
export const checkPrerequisites = async (
  db: Db,
  settings: Settings,
  rules: ParameterRules,
): Promise<PrerequisiteCheck[]> => {
  const checks: PrerequisiteCheck[] = [];
  const info = await db.info();
  checks.push({
    id: 'connection',
    label: 'Conexão com o banco de dados',
    labelRef: { key: 'prereq.connection.label' },
    status: 'ok',
    detailRef: {
      key: 'prereq.connection.detail',
      params: { version: info.serverVersion, mode: info.driverMode },
    },
    detail: `${info.serverVersion} — ${info.driverMode === 'embedded' ? 'banco embutido (demonstração)' : `driver em modo ${info.driverMode === 'thin' ? 'Thin' : 'Thick (Instant Client)'}`}`,
  });
  const read = await checkReadAccess(db);
  checks.push(read.check);
  checks.push(await checkWriteAccess(db));
  checks.push(...(await checkDictionaryColumns(db, read.unreadable)));

  const installed = await readInstalledVersion(db).catch(() => 0);
  const create = await checkCreatePrivileges(db, { installedVersion: installed });
  checks.push(create);

  const branches = settings.branches.filter((b) => b.enabled).map((b) => b.code);
  checks.push(...(await checkBranches(db, branches)));
  if (!read.unreadable.includes('PCPARAMFILIAL'))
    checks.push(...(await checkParameters(db, settings, rules, branches)));

  checks.push(checkSchemaVersion(installed, create.installBy ?? 'app'));
  return checks;
};
