import type { i18n as I18n } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { en as zodEn } from 'zod/locales';
import type { MessageRef, ValidationIssue } from '@contract';

type Params = NonNullable<MessageRef['params']>;

/** A sample value of a type zod names, so its English message can say "received string". */
const SAMPLE: Record<string, unknown> = {
  string: '',
  number: 0,
  boolean: false,
  null: null,
  array: [],
  object: {},
  nan: Number.NaN,
};

/**
 * The values of a message as the UI says them: "@key" names another message of the server namespace (the
 * words of a parameter's rule), and a job or an entity code is said with the UI's own word for it.
 */
const resolveParams = (i18n: I18n, params: Params | undefined): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(params ?? {}).map(([name, value]) => {
      if (typeof value === 'string' && value.startsWith('@'))
        return [name, i18n.t(value.slice(1), { ns: 'server', defaultValue: value.slice(1) })];
      if (
        (name === 'job' || name === 'entity') &&
        typeof value === 'string' &&
        i18n.exists(`entities.${value}`)
      )
        return [name, i18n.t(`entities.${value}`)];
      return [name, value];
    }),
  );

/** What i18next leaves of a placeholder without its value. */
const UNFILLED = /\{\{\s*[\w.]+\s*(,[^}]*)?\}\}/;

/**
 * A server message in the UI's language (ADR 0025): pt-BR shows the server's own text; another language
 * renders the key when it has words for it, and the pt-BR text otherwise — also when the message lacks a
 * value its words need (a pendência recorded by an older release, say): never a sentence with a hole
 * (ADR 0032).
 */
export const serverText = (i18n: I18n, text: string, ref?: MessageRef | null): string => {
  if (!ref || i18n.language === 'pt-BR' || !i18n.exists(ref.key, { ns: 'server' })) return text;
  const said = i18n.t(ref.key, { ns: 'server', ...resolveParams(i18n, ref.params) });
  return UNFILLED.test(said) ? text : said;
};

/** One problem of a refused input in the UI's language: our own key, or zod's own words for its code. */
export const issueText = (i18n: I18n, issue: ValidationIssue): string => {
  if (i18n.language === 'pt-BR') return issue.message;
  const key = issue.params?.key;
  if (typeof key === 'string' && i18n.exists(key, { ns: 'server' }))
    return `${issue.path}: ${i18n.t(key, { ns: 'server', ...resolveParams(i18n, issue.params) })}`;
  const { received, ...rest } = issue.params ?? {};
  const zodIssue = {
    ...rest,
    code: issue.code,
    ...(issue.code === 'invalid_type' && typeof received === 'string' ? { input: SAMPLE[received] } : {}),
    ...(issue.code === 'unrecognized_keys' ? { keys: [issue.path.split('.').at(-1)] } : {}),
    ...(typeof rest.values === 'string' ? { values: rest.values.split('|') } : {}),
  };
  const said = zodEn().localeError(zodIssue as never);
  const words = typeof said === 'string' ? said : (said?.message ?? issue.message);
  return issue.code === 'custom' ? issue.message : `${issue.path}: ${words}`;
};

/** The two helpers bound to the current language. */
export const useServerText = () => {
  const { i18n } = useTranslation();
  const text = useCallback(
    (message: string, ref?: MessageRef | null) => serverText(i18n, message, ref),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-render on a language change
    [i18n, i18n.language],
  );
  const issue = useCallback(
    (problem: ValidationIssue) => issueText(i18n, problem),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-render on a language change
    [i18n, i18n.language],
  );
  return { text, issue };
};
