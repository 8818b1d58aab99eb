import type { z } from 'zod';

/** Turns a zod error into one pt-BR sentence naming each field that is wrong. */
export const describeValidationError = (error: z.ZodError): { message: string; field?: string } => {
  const issues = error.issues.slice(0, 5);
  const parts = issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const first = issues[0]?.path.map(String).join('.');
  return {
    message: `Dados inválidos — ${parts.join('; ')}`,
    ...(first ? { field: first } : {}),
  };
};
