/**
 * A loopback HTTP proxy in front of Azurite that counts what the bot asks of the store and can make
 * it fail the ways Azure Storage fails: an error status (500, 503) for matching requests, an answer
 * lost after the store made the change, a slow answer, or no store at all (the proxy stopped).
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoreRequest {
  readonly method: string;
  /** Path and query, decoded once (blob names keep their own `%2F`). */
  readonly path: string;
}

export interface StoreFault {
  readonly method?: string;
  /** Matches the decoded path and query. */
  readonly path: RegExp;
  /** Answer this status instead of the store's; omitted with `latencyMs` alone, the store answers late. */
  readonly status?: 500 | 503 | 403;
  /** Forward the request first, so the store does it, then answer `status`: an answer lost on the way. */
  readonly afterStore?: boolean;
  readonly latencyMs?: number;
  /** How many matching requests it applies to; all when omitted. */
  times?: number;
}

export interface StorageProxy {
  readonly blobEndpoint: string;
  readonly port: number;
  readonly requests: StoreRequest[];
  fail(fault: StoreFault): void;
  clearFaults(): void;
  /** Stops answering at all (connections refused) until `start` again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

const ERROR_CODES = { 500: 'InternalError', 503: 'ServerBusy', 403: 'AuthorizationPermissionMismatch' } as const;

export async function startStorageProxy(target: { port: number; account: string }, port = 0): Promise<StorageProxy> {
  const requests: StoreRequest[] = [];
  let faults: StoreFault[] = [];
  let server: Server | undefined;
  let listeningPort = port;

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const method = req.method ?? 'GET';
      const path = safeDecode(req.url ?? '');
      requests.push({ method, path });
      const fault = faults.find((candidate) => (!candidate.method || candidate.method === method) && candidate.path.test(path));
      if (fault?.times !== undefined) {
        fault.times -= 1;
        if (fault.times <= 0) faults = faults.filter((candidate) => candidate !== fault);
      }
      void (async () => {
        if (fault?.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
        if (fault?.status && !fault.afterStore) {
          answerError(res, fault.status);
          return;
        }
        const forwarded = request(
          { host: '127.0.0.1', port: target.port, method, path: req.url, headers: req.headers },
          (upstream) => {
            const body: Buffer[] = [];
            upstream.on('data', (chunk: Buffer) => body.push(chunk));
            upstream.on('end', () => {
              if (fault?.status && fault.afterStore) {
                answerError(res, fault.status);
                return;
              }
              res.writeHead(upstream.statusCode ?? 502, upstream.headers);
              res.end(Buffer.concat(body));
            });
          },
        );
        forwarded.on('error', () => answerError(res, 503));
        forwarded.end(Buffer.concat(chunks));
      })();
    });
  };

  const start = async (): Promise<void> => {
    server = createServer(handle);
    await new Promise<void>((resolve) => server?.listen(listeningPort, '127.0.0.1', resolve));
    listeningPort = (server.address() as AddressInfo).port;
  };
  await start();

  return {
    get blobEndpoint() {
      return `http://127.0.0.1:${listeningPort}/${target.account}`;
    },
    get port() {
      return listeningPort;
    },
    requests,
    fail: (fault) => void faults.push(fault),
    clearFaults: () => void (faults = []),
    start,
    stop: () =>
      new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
        server = undefined;
      }),
  };
}

function answerError(res: ServerResponse, status: 500 | 503 | 403): void {
  const code = ERROR_CODES[status];
  res.writeHead(status, { 'Content-Type': 'application/xml', 'x-ms-error-code': code });
  res.end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>Injected by the test.</Message></Error>`);
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
