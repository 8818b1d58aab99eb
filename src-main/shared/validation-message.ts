import { z } from 'zod';

// Every validation message of the main process in pt-BR ("Entrada inválida: esperava um número, recebeu
// um texto"), whatever the entry point (web server, command line, desktop): they all build their errors
// here. Configured once, for zod's global config; the renderer has its own messages.
z.config(z.locales.ptBR());

/** The path of an issue; an unknown key names the key itself (`branches.0.Store`). */
const pathsOf = (issue: z.core.$ZodIssue): string[] => {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => (path ? `${path}.${key}` : key));
  return [path];
};

const describeIssue = (issue: z.core.$ZodIssue): string[] => {
  if (issue.code === 'unrecognized_keys') {
    return pathsOf(issue).map((path) => `${path}: campo desconhecido (verifique a grafia do nome).`);
  }
  const [path] = pathsOf(issue);
  return [path ? `${path}: ${issue.message}` : issue.message];
};

/** Turns a zod error into one pt-BR sentence naming each field that is wrong. */
export const describeValidationError = (error: z.ZodError): { message: string; field?: string } => {
  const issues = error.issues.slice(0, 5);
  const parts = issues.flatMap(describeIssue);
  const first = issues[0] ? pathsOf(issues[0])[0] : undefined;
  return {
    message: `Dados inválidos — ${parts.join('; ')}`,
    ...(first ? { field: first } : {}),
  };
};
