/**
 * Every Graph call goes through here: the real `@microsoft/microsoft-graph-client` with its retry on
 * 429/503/504, answers returned as plain status + body so the services translate them into domain
 * outcomes (dialogs never see HTTP). Batches are sent through the same client, and their throttled
 * items are resent here because the SDK never retries items inside a `$batch`.
 */
import {
  Client,
  ResponseType,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { TokenCredential } from '@azure/identity';
import { defaultScopeOf } from './credentials';
import { parseRetryAfter } from './retryAfter';
import { parseJsonBody } from './jsonBody';
import { sendHttp } from '../nodeHttp';
import { canWaitInTurn, requestSignal } from '../turnScope';
import { parseBatchResponses, retryableItems, longestRetryAfter, type BatchItem, type GraphResponse } from './batch';
import { describeNetworkError } from '../networkError';

export type { BatchItem, GraphResponse } from './batch';

export type GraphVersion = 'v1.0' | 'beta';

export interface GraphRequestOptions {
  readonly version?: GraphVersion;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface GraphRetryPolicy {
  /** Retries of a whole request by the SDK's RetryHandler (it honours `Retry-After`). */
  readonly maxRetries: number;
  /** Rounds of resending throttled `$batch` items. */
  readonly maxBatchItemRetries: number;
  /** The longest `Retry-After` we wait for inside one user's turn; longer means "throttled". */
  readonly maxRetryAfterSeconds: number;
}

export const DEFAULT_RETRY_POLICY: GraphRetryPolicy = {
  maxRetries: 3,
  maxBatchItemRetries: 2,
  maxRetryAfterSeconds: 10,
};

export interface GraphGatewayOptions {
  readonly endpoint: string;
  readonly credential: TokenCredential;
  readonly retry?: GraphRetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Told of every answer's `request-id`, so logs tie a turn to Microsoft's records. */
  readonly onResponse?: (info: { method: string; path: string; status: number; requestId?: string; networkError?: string }) => void;
}

/** Graph's `$batch` takes at most 20 requests. https://learn.microsoft.com/en-us/graph/json-batching */
export const MAX_BATCH_ITEMS = 20;

export class GraphGateway {
  private readonly client: Client;
  private readonly retry: GraphRetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: GraphGatewayOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const retryHandler = new RetryHandler(
      new RetryHandlerOptions(1, this.retry.maxRetries, (_delay, attempt, _request, fetchOptions, response) => {
        // A change is retried only on 429, which says it was not processed; after a 503 or 504 it may
        // have been, and doing it again could report a success as a failure.
        const method = (fetchOptions?.method ?? 'GET').toUpperCase();
        if (method !== 'GET' && response?.status !== 429) {
          return false;
        }
        // Without Retry-After the handler backs off exponentially with up to a second of jitter.
        const wait = retryAfterSeconds(response) || 2 ** attempt + 2;
        return wait <= this.retry.maxRetryAfterSeconds && canWaitInTurn(wait);
      }),
    );
    this.client = Client.initWithMiddleware({
      baseUrl: withTrailingSlash(options.endpoint),
      defaultVersion: 'v1.0',
      middleware: [
        new BearerTokenHandler(options.credential, defaultScopeOf(options.endpoint)),
        retryHandler,
        new NodeHttpMessageHandler(),
      ],
    });
  }

  get(path: string, options: GraphRequestOptions = {}): Promise<GraphResponse> {
    return this.send('GET', path, undefined, options);
  }

  post(path: string, body: unknown, options: GraphRequestOptions = {}): Promise<GraphResponse> {
    return this.send('POST', path, body, options);
  }

  patch(path: string, body: unknown, options: GraphRequestOptions = {}): Promise<GraphResponse> {
    return this.send('PATCH', path, body, options);
  }

  delete(path: string, options: GraphRequestOptions = {}): Promise<GraphResponse> {
    return this.send('DELETE', path, undefined, options);
  }

  /**
   * Sends up to 20 independent requests in one `$batch` and answers each by id. Items answered 429,
   * 503 or 504 are sent again, alone, after the longest `Retry-After` among them, as Graph asks:
   * https://learn.microsoft.com/en-us/graph/throttling#throttling-and-batching
   */
  async batch(items: readonly BatchItem[], version: GraphVersion = 'v1.0'): Promise<Map<string, GraphResponse>> {
    if (items.length > MAX_BATCH_ITEMS) {
      throw new RangeError(`A Graph $batch takes at most ${MAX_BATCH_ITEMS} requests, not ${items.length}.`);
    }
    const answers = new Map<string, GraphResponse>();
    let pending = items;
    for (let round = 0; pending.length > 0; round += 1) {
      const envelope = await this.send('POST', '/$batch', { requests: pending.map(toBatchRequest) }, { version });
      // The envelope is 200 whenever it parses; older docs had it fail as a whole, so read `responses`
      // whenever they are there and fall back to the envelope's status only when they are not.
      const parsed = parseBatchResponses(envelope.body, envelope.requestId);
      const responses = parsed.size > 0 ? parsed : new Map(pending.map((item) => [item.id, envelope] as const));
      for (const item of pending) {
        answers.set(item.id, responses.get(item.id) ?? { status: 0, body: undefined, requestId: envelope.requestId });
      }
      const throttled = retryableItems(pending, answers);
      const wait = longestRetryAfter(throttled, answers);
      if (
        throttled.length === 0 ||
        round >= this.retry.maxBatchItemRetries ||
        wait > this.retry.maxRetryAfterSeconds ||
        !canWaitInTurn(wait)
      ) {
        break;
      }
      await this.sleep(wait * 1000);
      pending = throttled;
    }
    return answers;
  }

  private async send(method: string, path: string, body: unknown, options: GraphRequestOptions): Promise<GraphResponse> {
    const request = this.client
      .api(path)
      .version(options.version ?? 'v1.0')
      .headers({ ...options.headers })
      .option('signal', requestSignal())
      .responseType(ResponseType.RAW);
    let answer: GraphResponse;
    try {
      const raw = (await (method === 'GET'
        ? request.get()
        : method === 'POST'
          ? request.post(body)
          : method === 'PATCH'
            ? request.patch(body)
            : request.delete())) as Response;
      answer = {
        status: raw.status,
        body: await readBody(raw),
        requestId: raw.headers.get('request-id') ?? undefined,
        retryAfterSeconds: parseRetryAfter(raw.headers.get('Retry-After')),
      };
    } catch (error) {
      // Connection refused or reset, DNS, TLS: the service is out of reach; say so instead of throwing.
      const networkError = describeNetworkError(error);
      this.options.onResponse?.({ method, path, status: 0, networkError });
      return { status: 0, body: undefined, networkError };
    }
    this.options.onResponse?.({ method, path, status: answer.status, requestId: answer.requestId });
    return answer;
  }
}

/**
 * Sets the bearer token on every request. The SDK's own AuthenticationHandler only does so for
 * Graph hosts over https and strips `Authorization` for any other host, which would leave the
 * simulated tenant on http://127.0.0.1 without a token (reference: toolchain G3).
 */
class BearerTokenHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly credential: TokenCredential,
    private readonly scope: string,
  ) {}

  async execute(context: Context): Promise<void> {
    const token = await this.credential.getToken(this.scope);
    if (!token) {
      throw new Error(`The credential returned no token for ${this.scope}.`);
    }
    setHeader(context, 'Authorization', `Bearer ${token.token}`);
    if (!this.next) {
      throw new Error('BearerTokenHandler must not be the last middleware.');
    }
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * The last middleware: sends the request with Node's http client (`../nodeHttp.ts`, cheaper per call
 * than the SDK's `fetch`) and hands the SDK a `Response` made from the answer, as `fetch` would.
 */
class NodeHttpMessageHandler implements Middleware {
  async execute(context: Context): Promise<void> {
    const options = context.options ?? {};
    const request = typeof context.request === 'string' ? undefined : context.request;
    const url = new URL(request ? request.url : (context.request as string));
    const headers: Record<string, string> = {};
    new Headers(request ? request.headers : (options.headers as HeadersInit | undefined)).forEach((value, name) => {
      headers[name] = value;
    });
    const body = request ? await request.text() : options.body;
    if (body !== undefined && body !== null && typeof body !== 'string') {
      throw new Error('Graph requests are sent with a JSON text body.');
    }
    const answer = await sendHttp(options.method ?? request?.method ?? 'GET', url, headers, body ?? undefined, options.signal ?? undefined);
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (typeof value === 'string') responseHeaders.set(name, value);
      else if (Array.isArray(value)) for (const each of value) responseHeaders.append(name, each);
    }
    // A 204 or 304 has no body, and a Response refuses one for them.
    const empty = answer.status === 204 || answer.status === 304 || answer.text === '';
    context.response = new Response(empty ? null : answer.text, { status: answer.status, headers: responseHeaders });
  }
}

function setHeader(context: Context, name: string, value: string): void {
  if (typeof context.request !== 'string') {
    context.request.headers.set(name, value);
    return;
  }
  const options = (context.options ??= {});
  if (options.headers instanceof Headers) {
    options.headers.set(name, value);
  } else {
    options.headers = { ...(options.headers as Record<string, string> | undefined), [name]: value };
  }
}

function toBatchRequest(item: BatchItem): Record<string, unknown> {
  return {
    id: item.id,
    method: item.method ?? 'GET',
    url: item.url,
    ...(item.headers ? { headers: item.headers } : {}),
    ...(item.body !== undefined ? { body: item.body, headers: { 'Content-Type': 'application/json', ...item.headers } } : {}),
  };
}

async function readBody(raw: Response): Promise<unknown> {
  return parseJsonBody(await raw.text());
}

function retryAfterSeconds(response: Response | undefined): number {
  return parseRetryAfter(response?.headers.get('Retry-After') ?? null) ?? 0;
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
