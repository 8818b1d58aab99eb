/**
 * Set to 1 by the Windows service's NSSM environment (AppEnvironmentExtra, docs/windows-service.md): the
 * host knows it runs as the service — the Painel says "Serviço do Windows", the console (NSSM's
 * service.log) keeps only start/stop/crash lines (ADR 0316). `serve` in a terminal does not set it.
 */
export const SERVICE_ENV = 'WTC_SERVICE';

export const runsAsWindowsService = (env: NodeJS.ProcessEnv = process.env): boolean =>
  env[SERVICE_ENV] === '1';
