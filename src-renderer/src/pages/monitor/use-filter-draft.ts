import { useState } from 'react';

/** The values of a filter form: one text a field, absent when the field is empty. */
export type FilterValues = Partial<Record<string, string>>;

/**
 * The draft of a filter form (Logs, Pendências): what the fields show until "Filtrar" applies it.
 * `set` empties a field with '' or undefined; `replace` shows and applies other values at once ("Limpar",
 * a shortcut button).
 */
export const useFilterDraft = <V extends FilterValues>(value: V, onApply: (next: V) => void) => {
  const [draft, setDraft] = useState<V>(value);
  const set = (key: keyof V, next: string | undefined) => setDraft({ ...draft, [key]: next || undefined });
  const replace = (next: V) => {
    setDraft(next);
    onApply(next);
  };
  return { draft, set, replace, apply: () => onApply(draft), clear: () => replace({} as V) };
};
