import type { CommanderError } from 'commander';

/** The name commander quotes in its message: `unknown command 'x'` → `x`. */
const quoted = (message: string): string => /'([^']*)'/.exec(message)?.[1] ?? '';

const suggestion = (message: string): string => {
  const match = /\(Did you mean (.+)\?\)/.exec(message);
  return match ? ` Você quis dizer ${match[1]}?` : '';
};

/**
 * A commander usage error in pt-BR: commander's own messages are English (`error: unknown command 'x'`).
 * Codes commander does not document here fall back to its text.
 */
export const describeUsageError = (error: CommanderError): { code: string; message: string; fix: string } => {
  const text = error.message.replace(/^error:\s*/, '');
  const name = quoted(text);
  const fix = 'Use --help para ver os comandos e as opções.';
  const code = 'usage_error';
  switch (error.code) {
    case 'commander.help':
      // A command group without its subcommand: commander has already shown its help on stderr.
      return { code, message: 'Comando incompleto: informe um subcomando (a ajuda foi mostrada).', fix };
    case 'commander.unknownCommand':
      return { code, message: `Comando desconhecido: ${name}.${suggestion(text)}`, fix };
    case 'commander.unknownOption':
      return { code, message: `Opção desconhecida: ${name}.${suggestion(text)}`, fix };
    case 'commander.missingMandatoryOptionValue':
      return { code, message: `A opção ${name} é obrigatória.`, fix };
    case 'commander.optionMissingArgument':
      return { code, message: `A opção ${name} precisa de um valor.`, fix };
    case 'commander.missingArgument':
      return { code, message: `Falta o argumento obrigatório ${name}.`, fix };
    case 'commander.excessArguments':
      return { code, message: `Argumentos demais para ${name || 'o comando'}.`, fix };
    case 'commander.invalidArgument':
      return { code, message: `Valor inválido: ${text}`, fix };
    case 'commander.conflictingOption':
      return { code, message: `Opções incompatíveis: ${text}`, fix };
    default:
      return { code, message: `Uso incorreto: ${text}`, fix };
  }
};
