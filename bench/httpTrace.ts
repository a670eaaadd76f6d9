/**
 * `BENCH_HTTP_TRACE=1` (with `BENCH_LOGS`): loaded into a server with `--require` before its own
 * code, this writes one JSON line per outgoing HTTP request the process makes (to storage, Graph,
 * Exchange and the connector) to `$BENCH_HTTP_TRACE_FILE`: when it ended, where it went, how long it
 * took, its status or network error, and whether it went out on a kept-alive connection (`reused`).
 * It reads Node's own `diagnostics_channel` events, so nothing in the server changes; it costs a
 * little CPU per request, so the CPU figures of a traced run are not the bench's.
 *
 * It is how the tail of `help` at 50 conversations was found: every storage request over 1 s was
 * the first request on a new connection (bench/README.md, "New connections to a busy server").
 * https://nodejs.org/docs/latest-v20.x/api/diagnostics_channel.html#http
 */
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { openSync, writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const file = process.env.BENCH_HTTP_TRACE_FILE;
if (file) {
  const out = openSync(file, 'a');
  const started = new WeakMap<ClientRequest, number>();
  let pending: string[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    writeSync(out, pending.join(''));
    pending = [];
  };
  // Written in batches, off the turn's path; what is left is written at exit.
  setInterval(flush, 500).unref();
  process.on('exit', flush);

  const record = (request: ClientRequest, fields: Record<string, unknown>): void => {
    const since = started.get(request);
    pending.push(
      `${JSON.stringify({
        at: new Date().toISOString(),
        to: `${request.host}:${request.socket?.remotePort ?? ''}`,
        method: request.method,
        path: request.path.slice(0, 80),
        ms: since === undefined ? undefined : Math.round((performance.now() - since) * 10) / 10,
        reused: request.reusedSocket,
        ...fields,
      })}\n`,
    );
  };

  subscribe('http.client.request.start', (message) => {
    const { request } = message as { request: ClientRequest };
    started.set(request, performance.now());
    request.once('error', (error: NodeJS.ErrnoException) => record(request, { error: error.code ?? error.message }));
  });
  subscribe('http.client.response.finish', (message) => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    record(request, { status: response.statusCode });
  });
}
