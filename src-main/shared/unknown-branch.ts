import { AppError } from './app-error';

/**
 * A branch code that the settings do not have. `fix` says what to do where it was asked (the default:
 * register it, or use an existing one); the message travels as a key too, for the UI's language.
 */
export const unknownBranchError = (
  code: string,
  fix = 'Cadastre a filial em Configuração ou use o código de uma filial existente.',
): AppError =>
  new AppError('unknown_branch', `Filial ${code} não está configurada.`, {
    field: 'branch',
    fix,
    messageRef: { key: 'errors.unknownBranch', params: { branch: code } },
  });
