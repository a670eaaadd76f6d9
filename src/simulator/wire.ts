/**
 * The request and answer the routes work with. The same shapes serve a plain HTTP request and an
 * item of a `$batch`, so every route behaves identically in both; only `server.ts` and `batch.ts`
 * turn them into bytes.
 */
import type { SimulatedTenant } from './state';

/** What Graph (and Exchange's OData API) answer JSON with; `BatchResponseContent` reads only the part before the first `;`. */
export const ODATA_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** A request as a route sees it. */
export interface RouteRequest {
  /** Upper-case. */
  readonly method: string;
  /** Decoded path segments after the Graph version, e.g. `['users', 'anna@contoso.com']`. */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON body; `undefined` when the request had none. */
  readonly body: unknown;
}

export interface GraphContext {
  readonly tenant: SimulatedTenant;
  readonly now: () => Date;
  /** Absolute URL of the Graph version being served, e.g. `http://127.0.0.1:53000/v1.0`. */
  readonly serviceRoot: string;
}

export interface Success {
  readonly kind: 'success';
  readonly status: number;
  /** Absent for 204. */
  readonly body?: Record<string, unknown>;
  readonly headers?: Readonly<Record<string, string>>;
}

/** An OData error; `innerError` (request ids, date) is added where the answer is written. */
export interface Failure {
  readonly kind: 'failure';
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export type RouteResult = Success | Failure;

/** Thrown from deep inside a route (a query parser, a validator) to answer with an OData error. */
export class ODataError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ODataError';
  }

  toFailure(): Failure {
    return failure(this.status, this.code, this.message);
  }
}

export function ok(body: Record<string, unknown>, status = 200): Success {
  return { kind: 'success', status, body };
}

export function noContent(): Success {
  return { kind: 'success', status: 204 };
}

export function failure(
  status: number,
  code: string,
  message: string,
  headers?: Readonly<Record<string, string>>,
): Failure {
  return headers === undefined
    ? { kind: 'failure', status, code, message }
    : { kind: 'failure', status, code, message, headers };
}

/** What Graph's error envelope carries besides code and message. */
export interface ErrorIds {
  readonly requestId: string;
  readonly clientRequestId: string | undefined;
  readonly date: Date;
}

/**
 * Graph's error body. `client-request-id` falls back to the request id, as Graph does when the
 * caller sent none; `date` has no fraction and no zone, also as Graph writes it.
 */
export function graphErrorBody(result: Failure, ids: ErrorIds): Record<string, unknown> {
  return {
    error: {
      code: result.code,
      message: result.message,
      innerError: {
        date: ids.date.toISOString().slice(0, 19),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId ?? ids.requestId,
      },
    },
  };
}

/** The user-not-found answer of every `/users/{id}` route. */
export function userNotFound(key: string): Failure {
  return failure(
    404,
    'Request_ResourceNotFound',
    `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A request target split the way the routes need it. */
export interface Target {
  /** Decoded, non-empty path segments. */
  readonly segments: string[];
  readonly query: URLSearchParams;
  /** Decoded path without the query, e.g. `/v1.0/users/anna@contoso.com`. */
  readonly path: string;
  /** Decoded query without `?`, for logs and fault rules. */
  readonly queryText: string;
}

/** Splits `/path?query`; `undefined` when a path segment is not valid percent-encoding. */
export function splitTarget(pathAndQuery: string): Target | undefined {
  const queryStart = pathAndQuery.indexOf('?');
  const rawPath = queryStart === -1 ? pathAndQuery : pathAndQuery.slice(0, queryStart);
  const rawQuery = queryStart === -1 ? '' : pathAndQuery.slice(queryStart + 1);
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    const segment = decode(raw);
    if (segment === undefined) return undefined;
    segments.push(segment);
  }
  return {
    segments,
    query: new URLSearchParams(rawQuery),
    path: decode(rawPath) ?? rawPath,
    queryText: decode(rawQuery.replace(/\+/g, ' ')) ?? rawQuery,
  };
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
