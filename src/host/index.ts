/**
 * Composition root for `npm start`: configuration, the service, and (locally) the Microsoft 365
 * Agents Playground. Nothing else lives here.
 */
import 'dotenv/config';
import { spawn, type ChildProcess } from 'node:child_process';
import { startUnlock } from './app';
import { ConfigError, loadConfig } from './config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Unlock cannot start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await startUnlock(config);
  const playground = config.playground && !config.bot ? startPlayground(`${app.url}/api/messages`) : undefined;

  const lines = [
    '',
    `Unlock is running at ${app.url}/api/messages (health: ${app.url}/healthz)`,
    app.simulator
      ? `Simulated tenant: ${app.simulator.url} (seeded users: ${app.simulator.url}/_simulator/users)`
      : `Tenant: ${config.tenant.mode === 'endpoint' ? config.tenant.graphEndpoint : ''}`,
    playground
      ? `Agents Playground: http://localhost:${PLAYGROUND_PORT} — open it and type "unlock"`
      : 'Agents Playground: off',
    '',
  ];
  process.stdout.write(lines.join('\n'));

  const shutdown = async (signal: string): Promise<void> => {
    app.logger.info({ signal }, 'shutting down');
    playground?.kill('SIGTERM');
    await app.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
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
    [cli, 'start', '-e', botEndpoint, '-c', 'msteams', '-p', String(PLAYGROUND_PORT), '--disable-telemetry'],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env } },
  );
}

void main();
