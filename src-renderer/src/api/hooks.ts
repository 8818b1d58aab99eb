import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '@contract';
import { call, subscribe } from './transport';

/** Reads through a contract method, cached by TanStack Query under the method's name. */
export const useApiQuery = <M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: Pick<UseQueryOptions<MethodOutput<M>, Error>, 'refetchInterval' | 'enabled' | 'retry'> = {},
) =>
  useQuery<MethodOutput<M>, Error>({
    queryKey: [method, input],
    queryFn: () => call(method, input),
    ...options,
  });

/**
 * Writes through a contract method and refreshes the queries it names. `onSuccess` runs after the refresh
 * and, unlike mutate()'s own callbacks, even when the refresh remounted the calling component (a form keyed
 * on the settings it shows).
 */
export const useApiMutation = <M extends MethodName>(
  method: M,
  invalidates: MethodName[] = [],
  options: { onSuccess?: (result: MethodOutput<M>) => void } = {},
) => {
  const client = useQueryClient();
  return useMutation<MethodOutput<M>, Error, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: async (result) => {
      await Promise.all(invalidates.map((name) => client.invalidateQueries({ queryKey: [name] })));
      options.onSuccess?.(result);
    },
  });
};

/**
 * A React key for a form showing one part of the settings: it changes when that part changes on the server
 * (a save, an import), so the form remounts with the new values, and stays put on a refresh that changed
 * nothing or changed only another part, so what the user is typing is kept. `revision` forces a remount
 * (an import that left this part as it was still discards the unsaved edits).
 */
export const settingsKey = (part: unknown, revision = 0): string => `${revision}:${JSON.stringify(part)}`;

/** Keeps the app.status query fresh from the event stream. */
export const useLiveStatus = () => {
  const client = useQueryClient();
  useEffect(
    () =>
      subscribe('app.status', (status) => {
        client.setQueryData(['app.status', {}], status);
      }),
    [client],
  );
};
