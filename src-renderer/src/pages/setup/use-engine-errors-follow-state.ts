import { useEffect, useRef } from 'react';

/**
 * Clears the errors of the Painel's engine buttons when the engine's state changes: "O integrador está
 * pausado" said before "Retomar" must not stay on screen once it runs again.
 */
export const useEngineErrorsFollowState = (
  state: string | undefined,
  mutations: ReadonlyArray<{ reset: () => void }>,
): void => {
  const previous = useRef(state);
  useEffect(() => {
    if (previous.current === state) return;
    previous.current = state;
    for (const mutation of mutations) mutation.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of state clears them
  }, [state]);
};
