import type { Branch, Settings } from '../../contract';

/** Who receives a branch's alerts: its recipients, or the sender's own address; the copies in Cc. */
export const recipientsOf = (email: Branch['email']): { to: string[]; cc: string[] } => ({
  to: email.to.length ? [...email.to] : email.from ? [email.from] : [],
  cc: [...email.cc],
});

/** The integrator's address in the mails' links: the configured one, or this machine's web port. */
export const uiUrlOf = (settings: Settings): string =>
  settings.monitoring.uiUrl.trim() || `http://localhost:${settings.server.port}`;
