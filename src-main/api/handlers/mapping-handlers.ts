import type { MappingKind, WinthorCode } from '../../contract';
import { unknownBranchError } from '../../shared/unknown-branch';
import type { SettingsService } from '../../config/settings-service';
import { checkMappingRows, MAPPING_NAMES } from '../../engine/mappings/mapping-rows-check';
import { mappingsChangedError, sameMappings } from '../../engine/mappings/mappings-changed';
import { readStoreCodes, type StoreCodesDeps } from '../../engine/mappings/store-codes';
import { AppError } from '../../shared/app-error';
import type { DatabaseService } from '../../winthor/database-service';
import { mapDbError } from '../../winthor/db/db-errors';
import { listMappingTargets, MAPPING_TABLES } from '../../winthor/repositories/mapping-targets';
import type { HandlerGroup } from '../handlers';

/** The Cadastrar → Cobrança, Plano de Pagamento and Transportadora screens (seed §6–8). */
export const mappingHandlers = (
  settings: SettingsService,
  database: DatabaseService,
  storeCodes: Omit<StoreCodesDeps, 'settings'>,
): HandlerGroup<'mappings.winthorCodes' | 'mappings.storeCodes' | 'mappings.save'> => {
  /** WinThor's list for a kind; a database failure as a pt-BR AppError naming the list. */
  const winthorCodes = async (kind: MappingKind): Promise<WinthorCode[]> => {
    try {
      return await database.use((db) => listMappingTargets(db, kind));
    } catch (error) {
      const mapped = mapDbError(error);
      throw new AppError(
        mapped.code,
        `Não foi possível ler a lista de ${MAPPING_NAMES[kind].noun} do WinThor (${MAPPING_TABLES[kind]}): ${mapped.message}`,
        {
          ...(mapped.field ? { field: mapped.field } : {}),
          fix: mapped.fix ?? 'Confira a conexão em Banco de Dados e tente de novo.',
          cause: error,
        },
      );
    }
  };

  return {
    'mappings.winthorCodes': async ({ kind }) => ({
      kind,
      table: MAPPING_TABLES[kind],
      codes: await winthorCodes(kind),
    }),
    'mappings.storeCodes': async (input) =>
      readStoreCodes({ ...storeCodes, settings: () => settings.get() }, input),
    'mappings.save': async ({ branch: code, kind, rows, expected }) => {
      const branchNow = () => {
        const branch = settings.getMasked().branches.find((candidate) => candidate.code === code);
        if (!branch) {
          throw unknownBranchError(code, 'Cadastre a filial em Configuração antes de mapear seus códigos.');
        }
        return branch;
      };
      const refuseIfChanged = () => {
        if (expected && !sameMappings(expected, branchNow().mappings[kind]))
          throw mappingsChangedError(code, kind);
      };
      refuseIfChanged();
      const checked = await checkMappingRows(kind, rows, branchNow().mappings[kind], () =>
        winthorCodes(kind),
      );
      refuseIfChanged();
      // Read again after the check (it may have waited for the database): merged over the current masked
      // settings, like schedules.save, so stored secrets and any change saved meanwhile stay as they are.
      const saved = settings.update({
        branches: settings
          .getMasked()
          .branches.map((candidate) =>
            candidate.code === code
              ? { ...candidate, mappings: { ...candidate.mappings, [kind]: checked } }
              : candidate,
          ),
      });
      return { rows: saved.branches.find((candidate) => candidate.code === code)?.mappings[kind] ?? [] };
    },
  };
};
