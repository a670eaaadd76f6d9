/**
 * JSON batching (`POST /$batch`): up to 20 requests in one round trip, each answered on its own.
 * The envelope is 200 whenever it parses; a failing item (403, 429, …) never fails the others, and
 * an item whose `dependsOn` failed answers 424.
 * https://learn.microsoft.com/en-us/graph/json-batching
 */
import {
  failure,
  ODATA_JSON,
  graphErrorBody,
  isPlainObject,
  ok,
  type ErrorIds,
  type RouteResult,
} from './wire';

export const MAX_BATCH_ITEMS = 20;

/** One item as the client sent it, validated. */
export interface BatchItemRequest {
  readonly id: string;
  readonly method: string;
  /** Relative to the version, e.g. `/users/x?$select=id`. */
  readonly url: string;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly dependsOn: readonly string[];
}

/** What the request log keeps of an item. */
export interface BatchItemOutcome {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly status: number;
}

export interface BatchRun {
  readonly envelope: RouteResult;
  readonly items: BatchItemOutcome[];
}

/**
 * Runs a batch. `execute` answers one item (routing, fault rules, latency); `errorIds` gives the ids
 * an item's error body carries.
 */
export async function runBatch(
  body: unknown,
  execute: (item: BatchItemRequest) => Promise<RouteResult>,
  errorIds: (item: BatchItemRequest) => ErrorIds,
): Promise<BatchRun> {
  const parsed = readBatch(body);
  if (!Array.isArray(parsed)) return { envelope: parsed, items: [] };
  const items: readonly BatchItemRequest[] = parsed;

  const results = new Map<string, Promise<RouteResult>>();
  const resultOf = (item: BatchItemRequest): Promise<RouteResult> => {
    const known = results.get(item.id);
    if (known !== undefined) return known;
    const running = (async (): Promise<RouteResult> => {
      const dependencies = await Promise.all(
        item.dependsOn.map((id) => resultOf(items.find((candidate) => candidate.id === id) as BatchItemRequest)),
      );
      if (dependencies.some((dependency) => dependency.status >= 400)) {
        return failure(424, 'FailedDependency', 'The request depends on a request in the batch that failed.');
      }
      return execute(item);
    })();
    results.set(item.id, running);
    return running;
  };
  const answered = await Promise.all(items.map(async (item) => ({ item, result: await resultOf(item) })));

  return {
    envelope: ok({ responses: answered.map(({ item, result }) => batchResponse(item, result, errorIds(item))) }),
    items: answered.map(({ item, result }) => ({
      id: item.id,
      method: item.method,
      url: item.url,
      status: result.status,
    })),
  };
}

/**
 * One entry of `responses`. The header key is spelled `Content-Type` exactly: the JS SDK's
 * `BatchResponseContent` looks it up case-sensitively and otherwise hands `json()` an object it
 * cannot parse.
 */
function batchResponse(item: BatchItemRequest, result: RouteResult, ids: ErrorIds): Record<string, unknown> {
  if (result.kind === 'failure') {
    return {
      id: item.id,
      status: result.status,
      headers: { 'Content-Type': 'application/json', ...result.headers },
      body: graphErrorBody(result, ids),
    };
  }
  if (result.body === undefined) return { id: item.id, status: result.status, headers: { ...result.headers } };
  return {
    id: item.id,
    status: result.status,
    headers: { 'Content-Type': ODATA_JSON, ...result.headers },
    body: result.body,
  };
}

/** The items of a well-formed batch, or the 400 Graph answers for the whole envelope. */
function readBatch(body: unknown): BatchItemRequest[] | RouteResult {
  const requests = isPlainObject(body) ? body['requests'] : undefined;
  if (!Array.isArray(requests) || requests.length === 0) {
    return failure(400, 'BadRequest', 'Invalid batch payload format.');
  }
  if (requests.length > MAX_BATCH_ITEMS) {
    return failure(400, 'BadRequest', `Number of requests in the batch is more than ${MAX_BATCH_ITEMS}.`);
  }
  const items: BatchItemRequest[] = [];
  for (const request of requests) {
    const item = readItem(request);
    if (typeof item === 'string') return failure(400, 'BadRequest', item);
    if (items.some((known) => known.id === item.id)) {
      return failure(400, 'BadRequest', `Batch request contains duplicate id '${item.id}'.`);
    }
    items.push(item);
  }
  const dependencyProblem = describeDependencyProblem(items);
  return dependencyProblem === undefined ? items : failure(400, 'BadRequest', dependencyProblem);
}

/** An item, or what is wrong with it. */
function readItem(request: unknown): BatchItemRequest | string {
  if (!isPlainObject(request)) return 'Invalid batch payload format.';
  const { id, method, url, headers, body, dependsOn } = request;
  if (typeof id !== 'string' || id === '') return 'Batch request id is missing or is not a string.';
  if (typeof method !== 'string' || method === '') return `Batch request id : ${id} does not specify a method.`;
  if (typeof url !== 'string' || url === '') return `Batch request id : ${id} does not specify a url.`;
  if (headers !== undefined && !isPlainObject(headers)) return `Batch request id : ${id} has invalid headers.`;
  const lowerCaseHeaders = Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]),
  );
  if (body !== undefined && lowerCaseHeaders['content-type'] === undefined) {
    return `Write request id : ${id} does not contain Content-Type header or body.`;
  }
  if (dependsOn !== undefined && (!Array.isArray(dependsOn) || !dependsOn.every((entry) => typeof entry === 'string'))) {
    return `Batch request id : ${id} has an invalid dependsOn.`;
  }
  return {
    id,
    method: method.toUpperCase(),
    url,
    headers: lowerCaseHeaders,
    body,
    dependsOn: (dependsOn as string[] | undefined) ?? [],
  };
}

function describeDependencyProblem(items: readonly BatchItemRequest[]): string | undefined {
  const byId = new Map(items.map((item) => [item.id, item]));
  for (const item of items) {
    const unknown = item.dependsOn.find((id) => !byId.has(id));
    if (unknown !== undefined) return `Batch request id : ${item.id} depends on unknown request id '${unknown}'.`;
  }
  // Depth-first search for a cycle, which would otherwise wait forever.
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles = (id: string): boolean => {
    if (state.get(id) === 'done') return false;
    if (state.get(id) === 'visiting') return true;
    state.set(id, 'visiting');
    const found = (byId.get(id)?.dependsOn ?? []).some(cycles);
    state.set(id, 'done');
    return found;
  };
  const cyclic = items.find((item) => cycles(item.id));
  return cyclic === undefined ? undefined : `Batch request id : ${cyclic.id} is part of a circular dependsOn chain.`;
}
