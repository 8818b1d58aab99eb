import type { LogRecord } from '../winthor';

/** A log line of the engine itself: no branch, entity or run. */
export const plainLogLine = (at: Date, level: LogRecord['level'], message: string): LogRecord => ({
  at,
  level,
  branch: null,
  entity: null,
  runId: null,
  message,
  details: null,
});
