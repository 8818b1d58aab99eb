import type { EngineController } from '../../engine/engine-controller';
import { unknownBranchError } from '../../shared/unknown-branch';
import type { SettingsService } from '../../config/settings-service';
import type { HandlerGroup } from '../handlers';

/** Executar agora, the Painel's overview, the first-sync preview, recent runs, and the Agendamento screen. */
export const syncHandlers = (
  engine: EngineController,
  settings: SettingsService,
): HandlerGroup<'sync.run' | 'sync.overview' | 'sync.preview' | 'sync.runs' | 'schedules.save'> => ({
  'sync.run': async (input, context) => engine.run(input, context.origin === 'cli' ? 'cli' : 'manual'),
  'sync.overview': async () => engine.overview(),
  'sync.preview': async (input) => engine.preview(input.branch),
  'sync.runs': async (input) => ({ runs: await engine.runs(input) }),
  'schedules.save': async (input) => {
    const branches = settings.getMasked().branches;
    if (!branches.some((branch) => branch.code === input.branch)) {
      throw unknownBranchError(
        input.branch,
        'Cadastre a filial em Configuração antes de agendar suas sincronizações.',
      );
    }
    const saved = settings.update({
      branches: branches.map((branch) =>
        branch.code === input.branch ? { ...branch, schedules: input.schedules } : branch,
      ),
    });
    return { schedules: saved.branches.find((branch) => branch.code === input.branch)?.schedules ?? [] };
  },
});
