import type { CallContext } from '../handlers';

/** Who asked, as stored with a retry or an ignore (the UI says it in its language). */
export const actorOf = (context: CallContext): 'desktop' | 'browser' | 'cli' | 'internal' => {
  switch (context.origin) {
    case 'ipc':
      return 'desktop';
    case 'http':
      return 'browser';
    case 'cli':
      return 'cli';
    default:
      return 'internal';
  }
};
