/** Reading Graph `$batch` answers. https://learn.microsoft.com/en-us/graph/json-batching */
import { parseRetryAfter } from './retryAfter';

export interface BatchItem {
  readonly id: string;
  /** Relative to the version root and without it, e.g. `/users/{id}?$select=accountEnabled`. */
  readonly url: string;
  readonly method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** One Graph answer, of a whole request or of one `$batch` item. `status` 0 means no answer at all. */
export interface GraphResponse {
  readonly status: number;
  readonly body: unknown;
  readonly requestId?: string;
  readonly retryAfterSeconds?: number;
  readonly networkError?: string;
}

interface RawBatchResponse {
  id?: unknown;
  status?: unknown;
  headers?: unknown;
  body?: unknown;
}

/** Items that answered 429, 503 or 504 may succeed when sent again. */
const RETRYABLE = new Set([429, 503, 504]);

export function parseBatchResponses(envelope: unknown, envelopeRequestId?: string): Map<string, GraphResponse> {
  const answers = new Map<string, GraphResponse>();
  const responses = (envelope as { responses?: unknown } | undefined)?.responses;
  if (!Array.isArray(responses)) {
    return answers;
  }
  for (const raw of responses as RawBatchResponse[]) {
    if (typeof raw.id !== 'string' || typeof raw.status !== 'number') {
      continue;
    }
    const headers = lowerCaseKeys(raw.headers);
    answers.set(raw.id, {
      status: raw.status,
      body: raw.body,
      requestId: headers['request-id'] ?? envelopeRequestId,
      retryAfterSeconds: parseRetryAfter(headers['retry-after']),
    });
  }
  return answers;
}

export function retryableItems(
  items: readonly BatchItem[],
  answers: ReadonlyMap<string, GraphResponse>,
): BatchItem[] {
  return items.filter((item) => RETRYABLE.has(answers.get(item.id)?.status ?? 0));
}

/** The wait before resending: the longest `Retry-After` of the throttled items, at least one second. */
export function longestRetryAfter(items: readonly BatchItem[], answers: ReadonlyMap<string, GraphResponse>): number {
  return items.reduce((longest, item) => Math.max(longest, answers.get(item.id)?.retryAfterSeconds ?? 1), 1);
}

function lowerCaseKeys(headers: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (headers && typeof headers === 'object') {
    for (const [key, value] of Object.entries(headers)) {
      if (typeof value === 'string') {
        result[key.toLowerCase()] = value;
      }
    }
  }
  return result;
}
