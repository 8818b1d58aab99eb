import type { CodeMapping, MappingKind } from '../../contract';
import { AppError } from '../../shared/app-error';
import { MAPPING_NAMES } from './mapping-rows-check';

const key = (row: CodeMapping) => JSON.stringify([row.storeCode, row.winthorCode, row.description ?? '']);

/** The same list, row by row, in the same order (what a screen edits by position). */
export const sameMappings = (a: readonly CodeMapping[], b: readonly CodeMapping[]): boolean =>
  a.length === b.length && a.every((row, index) => key(row) === key(b[index]!));

/** The list was changed elsewhere (another window, the browser and the desktop) after the screen read it. */
export const mappingsChangedError = (branch: string, kind: MappingKind): AppError =>
  new AppError(
    'mappings_changed',
    `Os mapeamentos de ${MAPPING_NAMES[kind].noun} da filial ${branch} foram alterados em outra janela depois que esta tela os leu; nada foi salvo.`,
    {
      fix: 'A lista foi recarregada: confira e refaça a alteração.',
      messageRef: { key: `errors.mappingsChanged_${kind}`, params: { branch } },
      fixRef: { key: 'errors.mappingsChangedFix' },
    },
  );
