import type { i18n as I18n } from 'i18next';
import type { SetupStep } from '@contract';
import { serverText } from '../../i18n/server-text';

/**
 * What a step measured, in the UI's language (ADR 0025): pt-BR shows the server's words; another language
 * says the report lines the step quotes from their keys ("label: detail fix"), then what the step adds.
 */
export const stepDetailText = (i18n: I18n, step: SetupStep): string => {
  if (i18n.language === 'pt-BR' || !step.checks?.length) return serverText(i18n, step.detail, step.detailRef);
  const lines = step.checks.map((line) => {
    const fix = line.fix ? ` ${serverText(i18n, line.fix, line.fixRef)}` : '';
    return `${serverText(i18n, line.label, line.labelRef)}: ${serverText(i18n, line.detail, line.detailRef)}${fix}`;
  });
  const added =
    step.detailRef && i18n.exists(step.detailRef.key, { ns: 'server' })
      ? [serverText(i18n, step.detail, step.detailRef)]
      : [];
  return [...lines, ...added].join(' ');
};
