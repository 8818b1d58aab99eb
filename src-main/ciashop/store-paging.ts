import type { z } from 'zod';
import { listOf } from './answer-check';
import type { RequestQuery, RequestSpec, StoreAnswer } from './request-spec';
import { StoreError } from './store-error';

export type Requester = <T>(spec: RequestSpec<T>) => Promise<StoreAnswer<T>>;

/**
 * Pages through a list until `x-hasmore` says false (or, if the header is missing, until an empty page:
 * a store may cap the page size below the limit asked, so a short page proves nothing).
 * A failing page throws: the caller never receives a silently partial list.
 */
export async function* pagesOf<T>(
  request: Requester,
  path: string,
  schema: z.ZodType<T, T>,
  query: RequestQuery,
  pageSize: number,
): AsyncGenerator<T[], void, undefined> {
  const list = listOf(schema);
  for (let page = 1; ; page += 1) {
    const { data, headers } = await request({
      method: 'GET',
      path,
      query: { ...query, limit: pageSize, page },
      safety: 'idempotent',
      schema: list,
    });
    if (data.length > 0) yield data;
    const hasMore = headers['x-hasmore']?.trim().toLowerCase();
    if (hasMore === 'true') {
      if (data.length === 0) {
        throw new StoreError({
          kind: 'invalid_response',
          status: 200,
          retryable: false,
          message: `A loja indicou mais páginas (x-hasmore) mas enviou uma página vazia em GET ${path} (página ${page}).`,
        });
      }
      continue;
    }
    if (hasMore === 'false') return;
    if (data.length === 0) return;
  }
}
