/**
 * The HTTP server: `POST /api/messages` for the Bot Framework, `GET /healthz` (the process is up) and
 * `GET /readyz` (this instance can serve turns: storage answers and a Graph token can be had) for
 * probes; App Service's health check uses `/readyz` to take an instance out of its load balancer.
 * Closing drains: no new turn is taken, the turns in flight get a bounded time to finish.
 * restify ≥ 10 accepts only `async (req, res)` handlers or ones that call `next`.
 * https://learn.microsoft.com/en-us/azure/app-service/monitor-instances-health-check
 */
import restify from 'restify';
import type { Activity, TurnContext } from 'botbuilder';
import type { UnlockAdapter } from './adapter';
import type { Logger } from '../adapters/logging';
import { isActivityShaped } from './activityShape';
import { RefusalLog } from './refusalLog';
import type { Readiness } from './readiness';

export interface BotRunner {
  run(context: TurnContext): Promise<void>;
}

export interface UnlockServer {
  readonly url: string;
  /** Stops taking turns, lets the ones in flight finish for at most `graceMs`, then closes. */
  close(graceMs?: number): Promise<void>;
}

/** How long turns in flight may take to finish on shutdown: a turn's own budget (10 s) and its answer. */
export const DRAIN_MS = 15_000;

/** Teams activities are a few kilobytes; anything much larger is not one. */
export const MAX_BODY_BYTES = 256 * 1024;

export async function startServer(options: {
  adapter: UnlockAdapter;
  bot: BotRunner;
  logger: Logger;
  port: number;
  host: string;
  readiness?: Readiness;
}): Promise<UnlockServer> {
  const server = restify.createServer({ name: 'unlock', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
  let draining = false;
  const inFlight = new Set<Promise<void>>();
  const refusals = new RefusalLog(options.logger);

  /**
   * The activity through the adapter's public `processActivity` (token check, then the turn), so
   * an authentication failure is answered 401 and logged here, once per interval per source,
   * rather than printed as a stack trace by the adapter's own HTTP handling.
   */
  const serveActivity = async (req: restify.Request, res: restify.Response, source: string): Promise<void> => {
    const authorization = req.header('authorization') ?? '';
    try {
      const answer = await options.adapter.serve(authorization, req.body as Activity, (context) => options.bot.run(context));
      res.send(answer?.status ?? 200, answer?.body);
    } catch (error) {
      // botframework-connector's AuthenticationError carries status 401.
      if ((error as { statusCode?: unknown }).statusCode === 401) {
        refusals.refused(source, 'not authenticated', { err: (error as Error).message });
        res.send(401, { error: 'Unauthorized.' });
        return;
      }
      options.logger.error({ err: error }, 'a turn failed outside the bot');
      res.send(500, { error: 'Internal error.' });
    }
  };

  server.post('/api/messages', async (req, res) => {
    if (draining) {
      // A keep-alive connection may still bring a request; another instance should take it.
      res.header('Connection', 'close');
      res.send(503, { error: 'Shutting down.' });
      return;
    }
    const source = req.socket.remoteAddress ?? 'unknown';
    if (!isActivityShaped(req.body)) {
      refusals.refused(source, 'not a Bot Framework activity', { contentType: req.header('content-type') });
      res.send(400, { error: 'Not a Bot Framework activity.' });
      return;
    }
    const turn = serveActivity(req, res, source);
    inFlight.add(turn);
    try {
      await turn;
    } finally {
      inFlight.delete(turn);
    }
  });
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req, res) => {
    if (draining) {
      res.send(503, { status: 'stopping' });
      return;
    }
    // Names and ok/failed only: the reasons go to the log, never to whoever asks.
    const report = options.readiness ? await options.readiness.check() : { ready: true, checks: {} };
    res.send(report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'notReady', checks: report.checks });
  });
  server.on('restifyError', (req, _res, error, callback) => {
    options.logger.warn({ method: req.method, url: req.url, status: error.statusCode, err: error.message }, 'request rejected');
    callback();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${address.port}`;
  return {
    url,
    close: async (graceMs = DRAIN_MS) => {
      draining = true;
      // Node closes idle keep-alive connections here and takes no new ones; requests under way go on.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
      await Promise.race([Promise.allSettled([...inFlight]), deadline]);
      clearTimeout(timer);
      if (inFlight.size > 0) {
        options.logger.warn({ turns: inFlight.size, graceMs }, 'shutting down with turns still in flight');
      }
      server.server.closeAllConnections();
      await closed;
    },
  };
}
