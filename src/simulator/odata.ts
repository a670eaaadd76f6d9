/**
 * OData system query options as Graph applies them to the resources the bot reads: which options a
 * resource accepts, `$select` projection, `$top`/`$skiptoken` paging and `$count`. `$filter` and
 * `$search` have their own parsers (`filter.ts`, `search.ts`).
 * https://learn.microsoft.com/en-us/graph/query-parameters
 */
import { ODataError } from './wire';

export type SystemQueryOption = '$select' | '$filter' | '$search' | '$top' | '$count' | '$skiptoken';

export interface QueryOptions {
  readonly select?: readonly string[];
  readonly filter?: string;
  readonly search?: string;
  readonly top?: number;
  readonly count: boolean;
  /** Items to skip, decoded from `$skiptoken`. */
  readonly offset: number;
}

/**
 * Reads the system query options, refusing the ones the resource does not support and repeated
 * ones, as Graph does. Options without `$` are custom parameters and ignored.
 */
export function readQueryOptions(query: URLSearchParams, allowed: readonly SystemQueryOption[]): QueryOptions {
  const seen = new Set<string>();
  for (const name of query.keys()) {
    if (!name.startsWith('$')) continue;
    if (seen.has(name)) {
      throw new ODataError(
        400,
        'BadRequest',
        `Query option '${name}' was specified more than once, but it must be specified at most once.`,
      );
    }
    seen.add(name);
    if (!(allowed as readonly string[]).includes(name)) {
      throw new ODataError(400, 'BadRequest', `Query option '${name}' is not supported on this resource.`);
    }
  }
  const select = query.get('$select');
  const filter = query.get('$filter');
  const search = query.get('$search');
  const top = query.get('$top');
  const skiptoken = query.get('$skiptoken');
  return {
    ...(select === null ? {} : { select: splitSelect(select) }),
    ...(filter === null ? {} : { filter }),
    ...(search === null ? {} : { search }),
    ...(top === null ? {} : { top: parseTop(top) }),
    count: parseCount(query.get('$count')),
    offset: skiptoken === null ? 0 : decodeSkipToken(skiptoken),
  };
}

function splitSelect(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

function parseTop(text: string): number {
  if (!/^\d+$/.test(text.trim())) {
    throw new ODataError(400, 'BadRequest', `Invalid value '${text}' for $top query option found.`);
  }
  return Number(text.trim());
}

function parseCount(text: string | null): boolean {
  if (text === null || text === 'false') return false;
  if (text === 'true') return true;
  throw new ODataError(400, 'BadRequest', `Invalid value '${text}' for $count query option found.`);
}

/** Graph refuses a page size outside the resource's range rather than clamping it. */
export function pageSize(options: QueryOptions, range: { default: number; max: number }): number {
  const top = options.top ?? range.default;
  if (top < 1 || top > range.max) {
    throw new ODataError(
      400,
      'Request_BadRequest',
      `Invalid page size specified: '${top}'. Must be between 1 and ${range.max} inclusive.`,
    );
  }
  return top;
}

/**
 * Validates `$select` against the resource's properties (case-insensitively, as Graph does) and
 * returns the canonical names.
 */
export function resolveSelect(
  select: readonly string[] | undefined,
  properties: readonly string[],
  typeName: string,
): string[] | undefined {
  if (select === undefined) return undefined;
  return select.map((requested) => {
    const known = properties.find((property) => property.toLowerCase() === requested.toLowerCase());
    if (known === undefined) {
      throw new ODataError(
        400,
        'BadRequest',
        `Could not find a property named '${requested}' on type 'microsoft.graph.${typeName}'.`,
      );
    }
    return known;
  });
}

/** Keeps the selected properties, `id` and OData annotations, in the resource's own order. */
export function project(
  resource: Record<string, unknown>,
  select: readonly string[] | undefined,
): Record<string, unknown> {
  if (select === undefined) return resource;
  return Object.fromEntries(
    Object.entries(resource).filter(([key]) => key === 'id' || key.startsWith('@odata.') || select.includes(key)),
  );
}

/** `@odata.context` of a collection, e.g. `…/$metadata#users(id,displayName)`. */
export function collectionContext(serviceRoot: string, entitySet: string, select?: readonly string[]): string {
  return `${serviceRoot}/$metadata#${entitySet}${select === undefined ? '' : `(${select.join(',')})`}`;
}

/** `@odata.context` of a single entity, e.g. `…/$metadata#users(id,displayName)/$entity`. */
export function entityContext(serviceRoot: string, entitySet: string, select?: readonly string[]): string {
  return `${collectionContext(serviceRoot, entitySet, select)}/$entity`;
}

/** Graph and the advanced-query features that need it: `$search`, `$count`, some casts. */
export function wantsEventualConsistency(headers: Readonly<Record<string, string>>): boolean {
  return headers['consistencylevel']?.trim().toLowerCase() === 'eventual';
}

export interface Page<T> {
  readonly items: T[];
  /** Absolute URL of the next page, when there is one. */
  readonly nextLink?: string;
}

/**
 * One page of a result. The next link repeats the request's own query with a `$skiptoken`, as
 * Graph's does, so a client follows it without adding anything.
 */
export function pageOf<T>(
  items: readonly T[],
  offset: number,
  size: number,
  link: { serviceRoot: string; segments: readonly string[]; query: URLSearchParams },
): Page<T> {
  const pageItems = items.slice(offset, offset + size);
  if (offset + size >= items.length) return { items: pageItems };
  const params: [string, string][] = [...link.query.entries()].filter(([name]) => name !== '$skiptoken');
  params.push(['$skiptoken', encodeSkipToken(offset + size)]);
  // Keys keep their literal `$`, like Graph's own links; values are encoded.
  const queryText = params.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
  const path = link.segments.map((segment) => encodeURIComponent(segment)).join('/');
  return { items: pageItems, nextLink: `${link.serviceRoot}/${path}?${queryText}` };
}

function encodeSkipToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64url');
}

function decodeSkipToken(token: string): number {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof decoded === 'object' && decoded !== null && 'offset' in decoded) {
      const offset = (decoded as { offset: unknown }).offset;
      if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
    }
  } catch {
    // Fall through: any undecodable token is answered like an expired one.
  }
  throw new ODataError(
    400,
    'Directory_ExpiredPageToken',
    'The specified page token value has expired and can no longer be included in your request.',
  );
}
