import { z } from 'zod';
import { AppStatus } from './app-methods';
import { AlertEvent, MonitorHealth } from './monitor-methods';
import { SyncRunEvent } from './sync-methods';

export const LogLine = z.object({
  /** Set once the line is in WTC_LOG (lines of a run are written when it ends). */
  id: z.number().optional(),
  at: z.string(),
  level: z.enum(['debug', 'info', 'warn', 'error']),
  message: z.string(),
  branch: z.string().optional(),
  entity: z.string().optional(),
  runId: z.number().optional(),
});
export type LogLine = z.infer<typeof LogLine>;

/** Streams the UI can subscribe to: IPC events on the desktop, Server-Sent Events over HTTP. */
export const events = {
  'app.status': AppStatus,
  'log.line': LogLine,
  'sync.run': SyncRunEvent,
  /** An alert (first failure, still failing, recovered, new pendência kind…): tray notifications. */
  'alert.raised': AlertEvent,
  /** The health behind the tray icon and tooltip changed. */
  'monitor.health': MonitorHealth,
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
