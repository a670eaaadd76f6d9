/**
 * Composition root for `npm start`: configuration, the service, and (locally) the Microsoft 365
 * Agents Playground. Nothing else lives here.
 */
import 'dotenv/config';
import { spawn, type ChildProcess } from 'node:child_process';
import type { UnlockApp } from './app';
import { startAzurite, type RunningAzurite } from './azurite';
import { ConfigError, loadConfig, type Config } from './config';

async function main(): Promise<void> {
  let config: Config;
  let app: UnlockApp;
  let azurite: Promise<RunningAzurite> | undefined;
  try {
    config = loadConfig(withLocalDefaults(process.env));
    // A local Azurite boots in its own process while this one loads the service's modules (botbuilder,
    // the dialogs, the card templates, the Azure SDKs: most of a start), instead of after them.
    const location = config.storage.kind === 'blob' ? config.storage.location : undefined;
    azurite = location?.kind === 'localEmulator' ? startAzurite({ location: location.folder, port: location.port }) : undefined;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startUnlock } = require('./app') as typeof import('./app');
    app = await startUnlock(config, azurite ? { azurite: await azurite } : {});
  } catch (error) {
    await (await azurite?.catch(() => undefined))?.stop();
    // A bad setting or a store that cannot be used: say which, and never start taking turns.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { StorageStartError } = require('../adapters/storage/blobContainer') as typeof import('../adapters/storage/blobContainer');
    if (error instanceof ConfigError || error instanceof StorageStartError) {
      process.stderr.write(`Unlock cannot start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const playground = config.playground && !config.bot ? startPlayground(`${app.url}/api/messages`) : undefined;

  const lines = [
    '',
    `Unlock is running at ${app.url}/api/messages (health: ${app.url}/healthz, ready: ${app.url}/readyz)`,
    `Storage: ${app.stores.description}`,
    app.simulator
      ? `Simulated tenant: ${app.simulator.url} (seeded users: ${app.simulator.url}/_simulator/users)`
      : `Tenant: ${config.tenant.mode === 'endpoint' ? config.tenant.graphEndpoint : ''}`,
    playground
      ? `Agents Playground: http://127.0.0.1:${PLAYGROUND_PORT} — open it and type "unlock"`
      : 'Agents Playground: off',
    '',
  ];
  process.stdout.write(lines.join('\n'));

  // Stop taking turns, let those in flight finish (bounded), stop what we started, flush the log.
  const shutdown = async (signal: string): Promise<void> => {
    app.logger.info({ signal }, 'shutting down');
    playground?.kill('SIGTERM');
    await app.stop();
    app.logger.info({ signal }, 'stopped');
    app.logger.flush(() => process.exit(0));
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

/**
 * `npm start` keeps its data across restarts out of the box: a local run that names no store gets
 * blob storage on an Azurite it starts (README "State and storage"); `STORAGE=memory` opts out. A
 * deployment (with `MicrosoftAppId`) gets no default: config.ts asks for STORAGE.
 */
function withLocalDefaults(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return env.STORAGE?.trim() || env.MicrosoftAppId?.trim() ? env : { ...env, STORAGE: 'blob' };
}

const PLAYGROUND_PORT = Number(process.env.TEAMSAPPTESTER_PORT ?? 56150);

/**
 * Microsoft's local Teams client. It talks to the bot anonymously, which is why it runs only in
 * anonymous local mode. https://learn.microsoft.com/en-us/microsoftteams/platform/toolkit/debug-your-agents-playground
 */
function startPlayground(botEndpoint: string): ChildProcess {
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  return spawn(
    process.execPath,
    ['--require', require.resolve('./loopbackOnly'), cli, 'start', '-e', botEndpoint, '-c', 'msteams', '-p', String(PLAYGROUND_PORT), '--disable-telemetry'],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env } },
  );
}

void main();
