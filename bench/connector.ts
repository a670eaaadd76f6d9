/**
 * A fast stand-in for the Bot Connector on loopback. A bot replies to an activity with
 * `POST /v3/conversations/:conversationId/activities/:activityId`; this answers `{"id":"x"}` at once
 * and tells whoever waits for that activity id that a reply arrived, and whether it held the text
 * expected. Bodies are kept only for activity ids asked for (`capture`), so the connector stays cheap.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface ReplyWatch {
  /** Replies that arrived, and how many held the expected text. */
  received: number;
  matched: number;
  lastAt: number;
  bodies?: string[];
  expect?: string;
  wake?: () => void;
}

export interface FastConnector {
  readonly url: string;
  /** Start watching replies to an activity before it is posted. */
  watch(activityId: string, expect?: string, capture?: boolean): ReplyWatch;
  forget(activityId: string): void;
  /** Replies to activity ids nobody watched (a bot replying late, or to the wrong activity). */
  readonly strays: number;
  stop(): Promise<void>;
}

const REPLY_PATH = /^\/v3\/conversations\/[^/]+\/activities\/([^/?]+)/;

export async function startFastConnector(): Promise<FastConnector> {
  const watches = new Map<string, ReplyWatch>();
  let strays = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = REPLY_PATH.exec(req.url ?? '');
      const activityId = match ? decodeURIComponent(match[1] ?? '') : undefined;
      const watch = activityId === undefined ? undefined : watches.get(activityId);
      if (watch) {
        const body = Buffer.concat(chunks).toString('utf8');
        watch.received += 1;
        if (watch.expect === undefined || body.includes(watch.expect)) watch.matched += 1;
        watch.lastAt = performance.now();
        watch.bodies?.push(body);
        watch.wake?.();
      } else {
        strays += 1;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"id":"x"}');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    watch: (activityId, expect, capture) => {
      const watch: ReplyWatch = { received: 0, matched: 0, lastAt: 0, ...(expect !== undefined ? { expect } : {}), ...(capture ? { bodies: [] } : {}) };
      watches.set(activityId, watch);
      return watch;
    },
    forget: (activityId) => void watches.delete(activityId),
    get strays() {
      return strays;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
