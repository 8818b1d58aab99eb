import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { STORE_ERROR_KINDS, StoreError } from '../src-main/ciashop/store-error';
import { stopsTheRun } from '../src-main/engine/jobs/item-errors';
import type { OrderInput } from '../src-main/engine/orders/order-input';
import { orderCodes } from '../src-main/engine/orders/order-plan';
import { monitoringEn } from '../src-renderer/src/i18n/monitoring-en';
import { monitoringPtBR } from '../src-renderer/src/i18n/monitoring-pt-BR';
import { serverEn } from '../src-renderer/src/i18n/server-en';

/**
 * Every pendência kind the engine writes has words in English that need no value the writer leaves out
 * (ADR 0025, 0032). The source is read, not trusted to a list: each object literal shaped like a pendência
 * (kind, message, fix) under src-main/engine (where every pendência is written) gives its kind(s), its `context` variants and the names of its params;
 * the English message and fix for that kind (and variant) must exist and use only those names. This lives in
 * scripts/ because it reads both sides: the main process's writers and the renderer's dictionary.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Values every pendência carries without the writer (pending-view.ts adds them). */
const ALWAYS = ['key', 'branch'];

interface Site {
  where: string;
  kinds: string[];
  /** null: the writer passes on a problem built elsewhere (its params must travel with it). */
  forwarded: boolean;
  hasParams: boolean;
  required: Set<string>;
  /** The `context` values (i18next's variant suffix); empty when the text has one form. */
  contexts: string[];
}

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.test(-support)?\.ts$/.test(entry.name) ? [path] : [];
  });

const propertyName = (node: ts.ObjectLiteralElementLike): string | null =>
  node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) ? node.name.text : null;

const unwrap = (node: ts.Expression): ts.Expression =>
  ts.isParenthesizedExpression(node) || ts.isAsExpression(node) ? unwrap(node.expression) : node;

/** Item-level store refusals: `loja_${error.kind}` for the kinds that do not stop the run. */
const ITEM_STORE_KINDS = STORE_ERROR_KINDS.filter(
  (kind) => !stopsTheRun(new StoreError({ kind, status: 400, message: 'x' })),
).map((kind) => `loja_${kind}`);

/** The string values an expression can have, when the source says them; null otherwise. */
const literals = (node: ts.Expression, file?: ts.SourceFile): string[] | null => {
  const e = unwrap(node);
  if (ts.isIdentifier(e) && file) {
    const initializer = declaredInitializer(file, e.text);
    return initializer ? literals(initializer) : null;
  }
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
  if (ts.isConditionalExpression(e)) {
    const a = literals(e.whenTrue);
    const b = literals(e.whenFalse);
    return a && b ? [...a, ...b] : null;
  }
  if (ts.isTemplateExpression(e) && e.head.text === 'loja_' && e.templateSpans.length === 1)
    return ITEM_STORE_KINDS;
  return null;
};

/** What a name is set to in its file (`const kind = a ? 'x' : 'y'`). */
const declaredInitializer = (file: ts.SourceFile, name: string): ts.Expression | null => {
  let found: ts.Expression | null = null;
  const visit = (node: ts.Node) => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === name &&
      node.initializer
    )
      found = node.initializer;
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
};

/** The object literal a name stands for in its file (`const totals = { … }`). */
const declaredObject = (file: ts.SourceFile, name: string): ts.ObjectLiteralExpression | null => {
  let found: ts.ObjectLiteralExpression | null = null;
  const visit = (node: ts.Node) => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === name &&
      node.initializer &&
      ts.isObjectLiteralExpression(unwrap(node.initializer))
    )
      found = unwrap(node.initializer) as ts.ObjectLiteralExpression;
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
};

/** The params an object literal surely has, and its context values. Optional spreads count as absent. */
const paramsOf = (
  file: ts.SourceFile,
  object: ts.ObjectLiteralExpression,
  into: { required: Set<string>; contexts: string[] },
): void => {
  for (const property of object.properties) {
    if (ts.isSpreadAssignment(property)) {
      const spread = unwrap(property.expression);
      if (ts.isIdentifier(spread)) {
        const declared = declaredObject(file, spread.text);
        if (!declared) throw new Error(`${file.fileName}: params spread "${spread.text}" not found`);
        paramsOf(file, declared, into);
      }
      // `...(cond ? { a } : {})`: a value the text may not count on.
      continue;
    }
    const name = propertyName(property);
    if (!name) continue;
    into.required.add(name);
    if (name === 'context') {
      const value = ts.isPropertyAssignment(property) ? literals(property.initializer) : null;
      if (!value) throw new Error(`${file.fileName}: a pendência's context must be said in the source`);
      into.contexts.push(...value);
    }
  }
};

const pendingSites = (): Site[] => {
  const sites: Site[] = [];
  for (const path of sourceFiles(join(ROOT, 'src-main', 'engine'))) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      if (ts.isObjectLiteralExpression(node)) {
        const byName = new Map(node.properties.map((p) => [propertyName(p), p]));
        const kind = byName.get('kind');
        if (kind && byName.has('message') && byName.has('fix')) {
          const { line } = file.getLineAndCharacterOfPosition(node.getStart());
          const where = `${relative(ROOT, path)}:${line + 1}`;
          const kinds = ts.isPropertyAssignment(kind)
            ? literals(kind.initializer)
            : ts.isShorthandPropertyAssignment(kind)
              ? literals(kind.name, file)
              : null;
          const params = byName.get('params');
          const into = { required: new Set<string>(), contexts: [] as string[] };
          if (
            params &&
            ts.isPropertyAssignment(params) &&
            ts.isObjectLiteralExpression(unwrap(params.initializer))
          )
            paramsOf(file, unwrap(params.initializer) as ts.ObjectLiteralExpression, into);
          else if (params && (ts.isShorthandPropertyAssignment(params) || ts.isPropertyAssignment(params))) {
            const name = ts.isShorthandPropertyAssignment(params)
              ? params.name.text
              : ts.isIdentifier(params.initializer)
                ? params.initializer.text
                : null;
            const declared = name ? declaredObject(file, name) : null;
            if (declared) paramsOf(file, declared, into);
          }
          sites.push({
            where,
            kinds: kinds ?? [],
            forwarded: kinds === null,
            hasParams: params !== undefined,
            ...into,
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return sites;
};

const lookup = (root: object, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], root);

/** `{{name}}` and `{{name, format}}` in a text. */
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!);

/** The English text the UI shows for a kind and context: the variant when it exists, the kind's otherwise. */
const englishKey = (group: 'pending' | 'pendingFix', kind: string, context: string | null): string | null => {
  if (context !== null && typeof lookup(serverEn, `${group}.${kind}_${context}`) === 'string')
    return `${group}.${kind}_${context}`;
  return typeof lookup(serverEn, `${group}.${kind}`) === 'string' ? `${group}.${kind}` : null;
};

/** i18next with the server namespace in English, as the UI sets it up. */
const englishServerText = async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { server: serverEn } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
  return i18n;
};

describe('pendências in English: every kind the engine writes (issue #11, ADR 0032)', () => {
  const sites = pendingSites();
  const written = new Set(sites.flatMap((site) => site.kinds));

  it('finds the writers of the order import, order status, customers and catalogue jobs', () => {
    for (const kind of [
      'sem_preco',
      'ean_invalido',
      'loja_conflict',
      'erro_envio',
      'documento_invalido',
      'total_divergente',
      'sem_mapa_plano',
      'possivel_duplicado',
      'rejeitado_winthor',
      'staging_ausente',
      'status_nao_suportado',
      'status_recusado',
      'cidade_desconhecida',
      'configuracao',
      'cancelar_no_winthor',
      'erro_importacao',
    ])
      expect(written, kind).toContain(kind);
    expect(written.size).toBeGreaterThanOrEqual(34);
  });

  it('a writer that passes on a problem built elsewhere passes its params too', () => {
    const forwarders = sites.filter((site) => site.forwarded);
    expect(forwarders.length).toBeGreaterThan(0);
    for (const site of forwarders) expect(site.hasParams, site.where).toBe(true);
  });

  it('has an English message and fix, and a label in both languages, that use only the values written', () => {
    const problems: string[] = [];
    for (const site of sites) {
      const given = new Set([...site.required, ...ALWAYS]);
      for (const kind of site.kinds) {
        for (const context of site.contexts.length ? site.contexts : [null]) {
          for (const group of ['pending', 'pendingFix'] as const) {
            const key = englishKey(group, kind, context);
            if (!key) {
              problems.push(`${site.where}: no English ${group}.${kind}`);
              continue;
            }
            const missing = placeholders(lookup(serverEn, key) as string).filter((name) => !given.has(name));
            if (missing.length) problems.push(`${site.where}: ${key} needs ${missing.join(', ')}`);
          }
        }
        if (!(kind in monitoringEn.kinds)) problems.push(`${site.where}: no English label kinds.${kind}`);
        if (!(kind in monitoringPtBR.kinds)) problems.push(`${site.where}: no pt-BR label kinds.${kind}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('renders each with i18next as the UI does, every placeholder filled', async () => {
    const i18n = await englishServerText();
    for (const site of sites)
      for (const kind of site.kinds)
        for (const context of site.contexts.length ? site.contexts : [null]) {
          const params = Object.fromEntries(
            [...site.required, ...ALWAYS].map((name) => [name, name === 'context' ? context : `<${name}>`]),
          );
          const text = i18n.t(`pending.${kind}`, { ns: 'server', ...params });
          expect(text, `${site.where} ${kind}`).not.toMatch(/\{\{|undefined|^pending\./);
          const fix = i18n.t(`pendingFix.${kind}`, { ns: 'server', ...params });
          expect(fix, `${site.where} ${kind}`).not.toMatch(/\{\{|undefined|^pendingFix\./);
        }
  });
});

describe('an order with unmapped instalments in English (ADR 0032)', () => {
  it('names the two codes tried joined by "or"; pt-BR keeps "ou"', async () => {
    const i18n = await englishServerText();
    const input = {
      id: '7',
      codes: { paymentMethod: 'CreditCard', installments: 6, shipping: null },
    } as unknown as OrderInput;
    const mappings = {
      billing: [{ storeCode: 'CreditCard', winthorCode: 'CART', description: '' }],
      plans: [],
      carriers: [],
    };
    const result = orderCodes(input, mappings);
    if (result.ok) throw new Error('a plan with no mapping must be a pendência');
    const { message, fix, params } = result.problem;
    expect(message).toContain('parcelamento "CreditCard:6 ou 6"');
    expect(fix).toContain('"CreditCard:6 ou 6"');
    // As the UI renders it (server-text.ts): the kind's key in the server namespace with the values.
    const english = i18n.t('pending.sem_mapa_plano', { ns: 'server', ...params });
    const englishFix = i18n.t('pendingFix.sem_mapa_plano', { ns: 'server', ...params });
    expect(english).toBe(
      'Order 7: installments "CreditCard:6" or "6" (payments[0].installments) have no mapping to WinThor.',
    );
    expect(englishFix).toBe(
      'In Registers → Payment plans, map "CreditCard:6" or "6" to a WinThor code; the order is imported by itself on the next run.',
    );
    expect(`${english} ${englishFix}`).not.toContain(' ou ');
  });
});
