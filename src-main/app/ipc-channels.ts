/** IPC channels between the preload and the main process. Nothing else is ever sent over IPC. */
export const CALL_CHANNEL = 'wtc:call';
export const EVENT_CHANNEL = 'wtc:event';
