import { AppError } from '../shared/app-error';

export interface GlobalOptions {
  json?: boolean;
  dataDir?: string;
}

/** Prints a result: a pt-BR text for people, or JSON with --json for scripts. */
export const printResult = (options: GlobalOptions, human: string, machine: unknown): void => {
  if (options.json) process.stdout.write(`${JSON.stringify(machine, null, 2)}\n`);
  else process.stdout.write(`${human}\n`);
};

/** A failure the command reports and turns into its exit code. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    readonly details?: unknown,
    /** The command already printed its full result (with `ok: false`): only the exit code is left to give. */
    readonly resultPrinted = false,
  ) {
    super(message);
  }
}

export const reportFailure = (options: GlobalOptions, error: unknown): number => {
  const exitCode =
    error instanceof CliFailure ? error.exitCode : ((error as { exitCode?: number }).exitCode ?? 1);
  const body =
    error instanceof AppError
      ? error.toBody()
      : { code: 'error', message: (error as Error)?.message ?? String(error) };
  // With --json, stdout must stay one JSON document: a result already printed is not followed by another.
  if (options.json && error instanceof CliFailure && error.resultPrinted) return exitCode;
  if (options.json) process.stdout.write(`${JSON.stringify({ ok: false, error: body }, null, 2)}\n`);
  else process.stderr.write(`Erro: ${body.message}${'fix' in body && body.fix ? `\n${body.fix}` : ''}\n`);
  return exitCode;
};
