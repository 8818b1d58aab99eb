import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A screen's filters kept in the address (`#/monitorar/logs?branch=1&run=7`): a link from an alert mail
 * opens the screen already filtered, and the browser's back button undoes a filter.
 */
export const useSearchFilter = <K extends string>(
  keys: readonly K[],
  defaults: Partial<Record<K, string>> = {},
) => {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => {
    const out: Partial<Record<K, string>> = {};
    for (const key of keys) {
      const value = params.get(key) ?? defaults[key];
      if (value) out[key] = value;
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keys and defaults are constants of the screen
  }, [params]);
  const setFilter = useCallback(
    (next: Partial<Record<K, string>>) => {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(next)) if (value) search.set(key, value as string);
      setParams(search);
    },
    [setParams],
  );
  return [filter, setFilter] as const;
};
