import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '@contract';
import { call, subscribe } from './transport';

/** Reads through a contract method, cached by TanStack Query under the method's name. */
export const useApiQuery = <M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: { refetchInterval?: number } = {},
) =>
  useQuery<MethodOutput<M>, Error>({
    queryKey: [method, input],
    queryFn: () => call(method, input),
    ...options,
  });

/** Writes through a contract method and refreshes the queries it names. */
export const useApiMutation = <M extends MethodName>(method: M, invalidates: MethodName[] = []) => {
  const client = useQueryClient();
  return useMutation<MethodOutput<M>, Error, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: async () => {
      await Promise.all(invalidates.map((name) => client.invalidateQueries({ queryKey: [name] })));
    },
  });
};

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
