/**
 * The floor of the stack: a bare echo bot on the same botbuilder 4.23.3 CloudAdapter and restify
 * 11.1.0 as Unlock, in anonymous local mode, on loopback. It does what every Teams bot must do and
 * nothing else: parse the POST, run a turn, reply through the connector (a message) or answer in the
 * HTTP response (an `adaptiveCard/action` invoke). Whatever Unlock costs above this is our code.
 *
 *   node dist/bench/echoBot.js      PORT (default 3979), HOST (default 127.0.0.1)
 *
 * `GET /healthz` and `GET /readyz` answer 200 once it listens.
 */
import restify from 'restify';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';

/** Replies to a message with its text; answers a card click with a one-line card naming the verb. */
export class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const value = context.activity.value as { action?: { verb?: unknown } } | undefined;
    const verb = typeof value?.action?.verb === 'string' ? value.action.verb : '';
    const card = {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [{ type: 'TextBlock', text: `echo: ${verb}`, wrap: true }],
    };
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } };
  }
}

export interface RunningEchoBot {
  readonly url: string;
  close(): Promise<void>;
}

export async function startEchoBot(port: number, host = '127.0.0.1'): Promise<RunningEchoBot> {
  // No app id: anonymous mode, as Unlock runs locally (and only on loopback).
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new EchoBot();
  const server = restify.createServer({ name: 'echo', handleUncaughtExceptions: false });
  // The same body limit as Unlock's server, so both parse the same way.
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req, res) => {
    res.send(200, { status: 'ready' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    url: `http://${host}:${server.address().port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (require.main === module) {
  const port = Number(process.env.PORT ?? 3979);
  startEchoBot(port, process.env.HOST ?? '127.0.0.1')
    .then((running) => {
      process.stdout.write(`Echo bot listening at ${running.url}/api/messages\n`);
      // Keep-alive connections can hold close() open; a benchmark's floor must not outlive its run.
      const stop = (): void => {
        setTimeout(() => process.exit(0), 2000).unref();
        void running.close().then(() => process.exit(0));
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    })
    .catch((error: unknown) => {
      process.stderr.write(`Echo bot failed to start: ${String(error)}\n`);
      process.exit(1);
    });
}
