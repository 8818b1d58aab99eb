import type { HandlerGroup } from '../handlers';
import type { SettingsService } from '../../config/settings-service';

export const settingsHandlers = (
  settings: SettingsService,
): HandlerGroup<'settings.get' | 'settings.update' | 'settings.export' | 'settings.import'> => ({
  'settings.get': async () => settings.getMasked(),
  'settings.update': async (patch) => settings.update(patch),
  'settings.export': async () => settings.export(),
  'settings.import': async ({ content, fileName }) => settings.import(content, fileName),
});
