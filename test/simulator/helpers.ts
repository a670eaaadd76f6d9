/** Small HTTP helpers for the simulator tests: every test talks to the simulator over real HTTP. */
import type { RunningSimulator } from '../../src/simulator';

export const NOW = new Date('2026-11-02T10:00:00.000Z');
export const fixedClock = (): Date => NOW;

export const AUTH = { Authorization: 'Bearer test-token' } as const;
export const EVENTUAL = { ConsistencyLevel: 'eventual' } as const;

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  // Tests read wire JSON loosely, as a client would.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

export async function call(
  simulator: RunningSimulator,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown; auth?: boolean } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...(options.auth === false ? {} : AUTH), ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${simulator.url}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

export const get = (simulator: RunningSimulator, path: string, headers?: Record<string, string>): Promise<Reply> =>
  call(simulator, 'GET', path, headers === undefined ? {} : { headers });

/** Percent-encodes an OData query value the way a client library would. */
export const q = (value: string): string => encodeURIComponent(value);

/** The shape of every Graph error body, checked in one place. */
export function expectGraphError(reply: Reply, status: number, code: string, message?: string | RegExp): void {
  expect(reply.status).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
  const requestId = reply.headers.get('request-id');
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(reply.body).toEqual({
    error: {
      code,
      message: expect.any(String),
      innerError: { date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/), 'request-id': requestId, 'client-request-id': expect.any(String) },
    },
  });
  if (message !== undefined) expect(reply.body.error.message).toMatch(message);
}
