import { z } from 'zod';
import { AppStatus } from './app-methods';
import { SyncRunEvent } from './sync-methods';

export const LogLine = z.object({
  at: z.string(),
  level: z.enum(['debug', 'info', 'warn', 'error']),
  message: z.string(),
  branch: z.string().optional(),
  entity: z.string().optional(),
});
export type LogLine = z.infer<typeof LogLine>;

/** Streams the UI can subscribe to: IPC events on the desktop, Server-Sent Events over HTTP. */
export const events = {
  'app.status': AppStatus,
  'log.line': LogLine,
  'sync.run': SyncRunEvent,
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
