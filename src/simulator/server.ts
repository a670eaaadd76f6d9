/**
 * The simulator's HTTP face: sorts each request into Graph, Exchange or control, checks the token,
 * applies latency and fault rules, writes request ids and error envelopes, and logs the request
 * (never its body). What a request means is decided by the routes.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runBatch, type BatchItemOutcome, type BatchItemRequest } from './batch';
import { handleControl } from './control';
import { exchangeErrorBody, routeExchange } from './exchangeRoutes';
import { FaultInjector, faultFailure } from './faults';
import { routeGraph } from './graphRoutes';
import { seedTenant } from './seed';
import type { SimulatedTenant } from './state';
import type { RecordedRequest, RunningSimulator, SimulatorOptions } from './types';
import {
  failure,
  graphErrorBody,
  isPlainObject,
  ODATA_JSON,
  splitTarget,
  type ErrorIds,
  type Failure,
  type GraphContext,
  type RouteResult,
  type Target,
} from './wire';

/** The request log keeps the newest entries only; tests reset it long before this. */
export const MAX_LOGGED_REQUESTS = 10_000;

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const now = options.now ?? ((): Date => new Date());
  const tenant = options.tenant ?? seedTenant(now());
  const faults = new FaultInjector(options.faults ?? []);
  const requests: RecordedRequest[] = [];
  const host = options.host ?? '127.0.0.1';
  const simulator = new SimulatedTenantServer(tenant, now, faults, requests, options.latencyMs ?? 0);
  const server = createServer((request, response) => void simulator.handle(request, response));
  await listen(server, options.port ?? 0, host);
  const url = `http://${hostForUrl(host)}:${(server.address() as AddressInfo).port}`;
  simulator.ownUrl = url;
  let stopping: Promise<void> | undefined;
  return {
    url,
    tenantId: tenant.tenantId,
    tenant,
    requests,
    addFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    resetLog: () => {
      requests.length = 0; // in place: callers hold the array
    },
    stop: () => (stopping ??= close(server)),
  };
}

type Api = RecordedRequest['api'];

/** An answer ready to be written. */
interface Answer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly contentType?: string;
  readonly batchItems?: BatchItemOutcome[];
  readonly cmdlet?: string;
}

const MAX_BODY_BYTES = 1024 * 1024;

const GRAPH_CHALLENGE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';
const EXCHANGE_CHALLENGE =
  'Bearer client_id="00000002-0000-0ff1-ce00-000000000000", trusted_issuers="00000001-0000-0000-c000-000000000000@*", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="invalid_token"';

class SimulatedTenantServer {
  /** Where the server listens; links use the request's Host header first, so they work through a proxy too. */
  ownUrl = '';

  constructor(
    private readonly tenant: SimulatedTenant,
    private readonly now: () => Date,
    private readonly faults: FaultInjector,
    private readonly requests: RecordedRequest[],
    private readonly latencyMs: number,
  ) {}

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const clientRequestId = headerValue(request, 'client-request-id');
    const ids = (): ErrorIds => ({ requestId, clientRequestId, date: this.now() });
    const method = (request.method ?? 'GET').toUpperCase();
    const target = splitTarget(request.url ?? '/');
    const api: Api =
      target?.segments[0] === '_simulator' ? 'control' : target?.segments[0] === 'adminapi' ? 'exchange' : 'graph';
    let answer: Answer;
    try {
      const bodyText = await readBody(request);
      if (bodyText === undefined) {
        answer = graphAnswer(failure(413, 'RequestEntityTooLarge', 'The request body is too large.'), ids());
      } else if (target === undefined) {
        answer = graphAnswer(failure(400, 'BadRequest', 'The request URL is not valid percent-encoding.'), ids());
      } else if (api === 'control') {
        answer = this.control(method, target, bodyText);
      } else if (api === 'exchange') {
        answer = await this.exchange(method, target, request, bodyText, ids);
      } else {
        answer = await this.graph(method, target, request, bodyText, ids);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      answer = graphAnswer(failure(500, 'InternalServerError', `The simulated tenant failed: ${message}`), ids());
    }
    this.requests.push({
      method,
      path: target?.path ?? request.url ?? '/',
      query: target?.queryText ?? '',
      status: answer.status,
      api,
      ...(answer.batchItems === undefined ? {} : { batchItems: answer.batchItems }),
      ...(answer.cmdlet === undefined ? {} : { cmdlet: answer.cmdlet }),
      at: this.now().toISOString(),
    });
    // A simulator left running for days (`npm start`) must not grow without bound.
    if (this.requests.length > MAX_LOGGED_REQUESTS) {
      this.requests.splice(0, this.requests.length - MAX_LOGGED_REQUESTS);
    }
    write(response, answer, requestId, clientRequestId);
  }

  private control(method: string, target: Target, bodyText: string): Answer {
    const answer = handleControl(method, target.segments.slice(1), bodyText, {
      tenant: this.tenant,
      requests: this.requests,
      faults: this.faults,
      now: this.now(),
    });
    return { ...answer, contentType: 'application/json; charset=utf-8' };
  }

  private async graph(
    method: string,
    target: Target,
    request: IncomingMessage,
    bodyText: string,
    ids: () => ErrorIds,
  ): Promise<Answer> {
    if (!hasBearerToken(request)) {
      return graphAnswer(
        failure(401, 'InvalidAuthenticationToken', 'Access token is empty.', { 'WWW-Authenticate': GRAPH_CHALLENGE }),
        ids(),
      );
    }
    const [version, ...segments] = target.segments;
    if (version !== 'v1.0' && version !== 'beta') {
      return graphAnswer(failure(400, 'BadRequest', `Invalid version: ${version ?? ''}`), ids());
    }
    await sleep(this.latencyMs);
    const fault = this.faults.take(method, describe(target));
    if (fault !== undefined) {
      await sleep(fault.latencyMs ?? 0);
      return graphAnswer(faultFailure(fault), ids());
    }
    const body = parseJson(bodyText);
    if (body === INVALID_JSON) {
      return graphAnswer(
        failure(
          400,
          'BadRequest',
          'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
        ),
        ids(),
      );
    }
    const context: GraphContext = {
      tenant: this.tenant,
      now: this.now,
      serviceRoot: `${this.baseUrl(request)}/${version}`,
    };
    if (segments.length === 1 && segments[0] === '$batch') {
      if (method !== 'POST') {
        return graphAnswer(failure(405, 'BadRequest', 'Batch requests must use POST.'), ids());
      }
      const run = await runBatch(
        body,
        (item) => this.batchItem(item, context),
        (item) => ({
          requestId: randomUUID(),
          clientRequestId: item.headers['client-request-id'] ?? ids().clientRequestId,
          date: this.now(),
        }),
      );
      return { ...graphAnswer(run.envelope, ids()), batchItems: run.items };
    }
    const result = routeGraph(
      { method, segments, query: target.query, headers: lowerCaseHeaders(request), body },
      context,
    );
    return graphAnswer(result, ids());
  }

  /** A batch item goes through the same fault rules and routes as a request of its own. */
  private async batchItem(item: BatchItemRequest, context: GraphContext): Promise<RouteResult> {
    const target = splitTarget(item.url.startsWith('/') ? item.url : `/${item.url}`);
    if (target === undefined) return failure(400, 'BadRequest', 'The request URL is not valid percent-encoding.');
    const fault = this.faults.take(item.method, describe(target));
    if (fault !== undefined) {
      await sleep(fault.latencyMs ?? 0);
      return faultFailure(fault);
    }
    try {
      return routeGraph(
        { method: item.method, segments: target.segments, query: target.query, headers: item.headers, body: item.body },
        context,
      );
    } catch (error) {
      // A broken item must not take the rest of the batch down with it.
      const message = error instanceof Error ? error.message : String(error);
      return failure(500, 'InternalServerError', `The simulated tenant failed: ${message}`);
    }
  }

  private async exchange(
    method: string,
    target: Target,
    request: IncomingMessage,
    bodyText: string,
    ids: () => ErrorIds,
  ): Promise<Answer> {
    if (!hasBearerToken(request)) {
      return exchangeAnswer(
        failure(401, 'InvalidAuthenticationToken', 'Access token is empty.', { 'WWW-Authenticate': EXCHANGE_CHALLENGE }),
        ids(),
      );
    }
    const body = parseJson(bodyText);
    const cmdlet = cmdletName(body);
    await sleep(this.latencyMs);
    const fault = this.faults.take(method, describe(target));
    if (fault !== undefined) {
      await sleep(fault.latencyMs ?? 0);
      return { ...exchangeAnswer(faultFailure(fault), ids()), ...(cmdlet === undefined ? {} : { cmdlet }) };
    }
    if (body === INVALID_JSON) {
      return exchangeAnswer(failure(400, 'BadRequest', 'The request body is not valid JSON.'), ids());
    }
    const answer = routeExchange(method, target.segments, body, {
      tenant: this.tenant,
      now: this.now,
      baseUrl: this.baseUrl(request),
    });
    return {
      ...exchangeAnswer(answer.result, ids()),
      ...(answer.cmdlet === undefined ? {} : { cmdlet: answer.cmdlet }),
    };
  }

  private baseUrl(request: IncomingMessage): string {
    const host = headerValue(request, 'host');
    return host === undefined ? this.ownUrl : `http://${host}`;
  }
}

function graphAnswer(result: RouteResult, ids: ErrorIds): Answer {
  return answerWith(result, ids, graphErrorBody);
}

function exchangeAnswer(result: RouteResult, ids: ErrorIds): Answer {
  return answerWith(result, ids, exchangeErrorBody);
}

/** Errors go out as plain JSON in the service's error envelope, successes with the OData media type. */
function answerWith(
  result: RouteResult,
  ids: ErrorIds,
  errorBody: (failure: Failure, ids: ErrorIds) => Record<string, unknown>,
): Answer {
  return result.kind === 'failure'
    ? { status: result.status, headers: result.headers, body: errorBody(result, ids), contentType: 'application/json' }
    : { status: result.status, headers: result.headers, body: result.body, contentType: ODATA_JSON };
}

function write(response: ServerResponse, answer: Answer, requestId: string, clientRequestId: string | undefined): void {
  response.statusCode = answer.status;
  response.setHeader('request-id', requestId);
  if (clientRequestId !== undefined) response.setHeader('client-request-id', clientRequestId);
  for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value);
  if (answer.body === undefined) {
    response.end();
    return;
  }
  const payload = JSON.stringify(answer.body);
  response.setHeader('Content-Type', answer.contentType ?? 'application/json');
  response.setHeader('Content-Length', Buffer.byteLength(payload));
  response.end(payload);
}

/** The decoded path and query that fault rules match against. */
function describe(target: Target): string {
  return target.queryText === '' ? target.path : `${target.path}?${target.queryText}`;
}

/** Any non-empty bearer token passes: the simulator checks presence, not identity. */
function hasBearerToken(request: IncomingMessage): boolean {
  return /^Bearer\s+\S+/i.test(headerValue(request, 'authorization') ?? '');
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function lowerCaseHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(request.headers)) {
    const value = headerValue(request, name);
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  return headers;
}

function cmdletName(body: unknown): string | undefined {
  const input = isPlainObject(body) ? body['CmdletInput'] : undefined;
  const name = isPlainObject(input) ? input['CmdletName'] : undefined;
  return typeof name === 'string' ? name : undefined;
}

const INVALID_JSON = Symbol('invalid JSON');

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

/** The body as text, or `undefined` when it is larger than the simulator accepts. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even when too large, so the connection is still there to answer 413 on.
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size <= MAX_BODY_BYTES) chunks.push(buffer);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8');
}

function sleep(milliseconds: number): Promise<void> {
  return milliseconds > 0 ? new Promise((resolve) => setTimeout(resolve, milliseconds)) : Promise.resolve();
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)));
    // Keep-alive connections (fetch keeps them) would otherwise hold close() open.
    server.closeAllConnections();
  });
}

/** A wildcard bind address is not somewhere a client can connect to. */
function hostForUrl(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
