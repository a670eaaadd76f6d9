/**
 * The HTTP server: `POST /api/messages` for the Bot Framework, `GET /healthz` for probes.
 * restify ≥ 10 accepts only `async (req, res)` handlers or ones that call `next`.
 */
import restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from '../adapters/logging';
import { isActivityShaped } from './activityShape';

export interface BotRunner {
  run(context: TurnContext): Promise<void>;
}

export interface UnlockServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Teams activities are a few kilobytes; anything much larger is not one. */
export const MAX_BODY_BYTES = 256 * 1024;

export async function startServer(options: {
  adapter: CloudAdapter;
  bot: BotRunner;
  logger: Logger;
  port: number;
  host: string;
}): Promise<UnlockServer> {
  const server = restify.createServer({ name: 'unlock', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    if (!isActivityShaped(req.body)) {
      options.logger.warn({ contentType: req.header('content-type') }, 'request rejected: not a Bot Framework activity');
      res.send(400, { error: 'Not a Bot Framework activity.' });
      return;
    }
    await options.adapter.process(req, res, (context) => options.bot.run(context));
  });
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
