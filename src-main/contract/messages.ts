import { z } from 'zod';

/**
 * A server message the UI renders in its own language (ADR 0025): a key of the UI's dictionaries and the
 * values it needs. It travels beside the pt-BR text (`message`, `detail`, `fix`…), which stays the fallback:
 * a UI in pt-BR shows the text as the server wrote it; in another language it renders the key when it has
 * words for it, and the pt-BR text otherwise.
 */
export const MessageParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type MessageParams = z.infer<typeof MessageParams>;

export const MessageRef = z.object({ key: z.string(), params: MessageParams.optional() });
export type MessageRef = z.infer<typeof MessageRef>;

export const messageRef = (key: string, params?: MessageParams): MessageRef =>
  params && Object.keys(params).length > 0 ? { key, params } : { key };

/**
 * One problem of a refused input, as data: the field's path, zod's issue code and what the code needs
 * (expected type, minimum, maximum, format, unknown keys…), so that the UI can say it in its language; a
 * check of our own carries its message key in `params.key`.
 */
export const ValidationIssue = z.object({
  path: z.string(),
  code: z.string(),
  /** pt-BR, as the server says it. */
  message: z.string(),
  params: MessageParams.optional(),
});
export type ValidationIssue = z.infer<typeof ValidationIssue>;
