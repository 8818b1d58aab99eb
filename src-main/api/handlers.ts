import type { MethodName, MethodOutput, MethodParsedInput } from '../contract';

/** Who is calling: the desktop window, the browser UI or the command line. */
export interface CallContext {
  origin: 'ipc' | 'http' | 'cli' | 'internal';
}

export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  context: CallContext,
) => Promise<MethodOutput<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };

/** A slice of the handlers, as each domain module provides them. */
export type HandlerGroup<M extends MethodName> = { [K in M]: Handler<K> };
