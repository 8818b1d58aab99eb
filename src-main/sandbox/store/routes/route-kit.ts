import { errorBody } from '../sandbox-http';

/** What a resource route answers: status, JSON body, extra headers (x-hasmore). */
export interface RouteResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Lower-cased query names (the real server matches them case-insensitively). */
export interface QueryReader {
  one(name: string): string | undefined;
  all(name: string): string[];
}

/** One API request as the resource routes see it: `parts` = the path after /api/v1/, split and decoded. */
export interface RouteRequest {
  method: string;
  parts: string[];
  query: QueryReader;
  body: unknown;
}

/** The routes of one resource; undefined = no route of this resource matches (answered 404). */
export type ResourceRoutes = (request: RouteRequest) => RouteResult | undefined;

export const notFound = (message: string): RouteResult => ({
  status: 404,
  body: errorBody(404, 'not_found', message),
});
export const bad = (message: string): RouteResult => ({
  status: 400,
  body: errorBody(400, 'bad_request', message),
});
export const conflict = (message: string): RouteResult => ({
  status: 409,
  body: errorBody(409, 'already_exists', message),
});

export const queryOf = (params: URLSearchParams): QueryReader => {
  const map = new Map<string, string[]>();
  for (const [name, value] of params) {
    const key = name.toLowerCase().replace(/\[\]$/, '');
    map.set(key, [...(map.get(key) ?? []), value]);
  }
  return {
    one: (name) => map.get(name.toLowerCase())?.[0],
    all: (name) => map.get(name.toLowerCase()) ?? [],
  };
};

/** `limit` (1–250, default 50) and `page` (from 1) of a list request. */
export const pageOf = (q: QueryReader): { limit: number; page: number } => ({
  limit: Math.min(250, Math.max(1, Number(q.one('limit') ?? 50) || 50)),
  page: Math.max(1, Number(q.one('page') ?? 1) || 1),
});

/** One page of a list, with `x-hasmore`. */
export const paged = <T>(items: T[], q: QueryReader): RouteResult => {
  const { limit, page } = pageOf(q);
  const slice = items.slice((page - 1) * limit, page * limit);
  return { status: 200, body: slice, headers: { 'x-hasmore': String(page * limit < items.length) } };
};

export const asObject = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
