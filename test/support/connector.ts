/** A stand-in Bot Connector on loopback: records what the bot sends to a conversation. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedActivity {
  readonly path: string;
  readonly activity: Record<string, unknown>;
}

/** A `POST /v3/conversations` (create a conversation), as the bot sent it. */
export interface CreatedConversation {
  readonly parameters: { members?: { id: string; aadObjectId?: string }[]; tenantId?: string; isGroup?: boolean; bot?: { id: string }; channelData?: unknown };
  /** The conversation id the stand-in answered, or undefined when it refused. */
  readonly id?: string;
}

export interface CaptureConnector {
  readonly url: string;
  readonly activities: CapturedActivity[];
  /** Create-conversation calls (a 1:1 chat opened proactively); not activities, so kept apart. */
  readonly conversations: CreatedConversation[];
  /** Member ids (Teams user ids or Entra object ids) Teams would refuse a 1:1 chat with: the app is not installed for them. */
  readonly refuseChatsWith: Set<string>;
  /** Conversation ids whose messages Teams would refuse (403), as when a chat became unreachable. */
  readonly refusePostsTo: Set<string>;
  /** Activities that reached the connector with a placeholder left in: a test asserts this stays empty. */
  readonly unfilled: string[];
  stop(): Promise<void>;
}

export async function startCaptureConnector(): Promise<CaptureConnector> {
  const activities: CapturedActivity[] = [];
  const conversations: CreatedConversation[] = [];
  const refuseChatsWith = new Set<string>();
  const refusePostsTo = new Set<string>();
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
      if (req.method === 'POST' && (req.url ?? '').replace(/\/$/, '') === '/v3/conversations') {
        // Teams answers the 1:1 chat with that member (the same one each time), or 403 when the app is not installed for them.
        const parameters = JSON.parse(body || '{}') as CreatedConversation['parameters'];
        const member = parameters.members?.[0]?.id ?? '';
        const refused = refuseChatsWith.has(member);
        const id = refused ? undefined : `a:1on1-${member}`;
        conversations.push({ parameters, ...(id ? { id } : {}) });
        res.writeHead(refused ? 403 : 200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(refused ? { error: { code: 'Forbidden', message: 'The bot is not installed for this user.' } } : { id }));
        return;
      }
      const postedTo = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '')?.[1];
      if (postedTo !== undefined && refusePostsTo.has(decodeURIComponent(postedTo))) {
        res.writeHead(403, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'Forbidden', message: 'The conversation refused the message.' } }));
        return;
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
    conversations,
    refuseChatsWith,
    refusePostsTo,
    unfilled,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
