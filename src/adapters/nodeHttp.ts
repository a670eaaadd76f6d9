/**
 * One HTTP request over Node's own `http`/`https` client, on kept-alive connections, for Graph and
 * the Exchange admin API. Not `fetch`: Node 20's `fetch` (undici with web streams) costs more CPU per
 * call, measured on loopback over 2,000 calls each (client and server together): a small POST 0.65–1.07
 * ms against 0.22–0.31 ms; a `$batch`-sized answer 0.89–1.57 ms against 0.61–1.00 ms with a `Response`
 * made from the text for the Graph SDK. Every diagnosis and card click makes one or two such calls.
 * TLS is verified as by default; nothing is retried here.
 *
 * Idle connections are closed a second before the server's `Keep-Alive: timeout` says it will close
 * them, and after a minute at most. Node's agent applies that hint only when it has a `timeout` of
 * its own (it takes the smaller of the two; without one it keeps idle sockets forever): a request
 * sent on a connection the server was closing failed with a reset (seen in `npm run bench`: a burst
 * of turns after 5 s idle, several "could not check the account" at once).
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface HttpAnswer {
  readonly status: number;
  readonly text: string;
  readonly headers: IncomingHttpHeaders;
  /** A response header by name; the first value when repeated. */
  header(name: string): string | undefined;
}

/** The longest an idle connection is kept; a shorter `Keep-Alive: timeout` from the server wins. */
export const IDLE_CONNECTION_MS = 60_000;

const agents = {
  http: new HttpAgent({ keepAlive: true, timeout: IDLE_CONNECTION_MS }),
  https: new HttpsAgent({ keepAlive: true, timeout: IDLE_CONNECTION_MS }),
};

export function sendHttp(
  method: string,
  url: URL,
  headers: Readonly<Record<string, string>>,
  body: string | undefined,
  signal: AbortSignal | undefined,
): Promise<HttpAnswer> {
  const secure = url.protocol === 'https:';
  if (!secure && url.protocol !== 'http:') return Promise.reject(new Error(`Unsupported protocol ${url.protocol}`));
  const send = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method,
        agent: secure ? agents.https : agents.http,
        headers: body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        ...(signal ? { signal } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const received = response.headers;
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            headers: received,
            header: (name) => {
              const value = received[name.toLowerCase()];
              return Array.isArray(value) ? value[0] : value;
            },
          });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
