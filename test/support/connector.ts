/** A stand-in Bot Connector on loopback: records what the bot sends to a conversation. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedActivity {
  readonly path: string;
  readonly activity: Record<string, unknown>;
}

export interface CaptureConnector {
  readonly url: string;
  readonly activities: CapturedActivity[];
  /** Activities that reached the connector with a placeholder left in: a test asserts this stays empty. */
  readonly unfilled: string[];
  stop(): Promise<void>;
}

export async function startCaptureConnector(): Promise<CaptureConnector> {
  const activities: CapturedActivity[] = [];
  const unfilled: string[] = [];
  let next = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      // What the bot sends a person must have every placeholder filled; a leftover `{name}` fails the test.
      if (/\{[a-zA-Z]+\}/.test(body)) {
        unfilled.push(body.slice(0, 400));
      }
      try {
        activities.push({ path: req.url ?? '', activity: JSON.parse(body || '{}') as Record<string, unknown> });
      } catch {
        activities.push({ path: req.url ?? '', activity: { unparsable: body } });
      }
      next += 1;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id: `sent-${next}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    activities,
    unfilled,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
