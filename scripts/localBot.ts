/**
 * What the scripts that drive the Agents Playground share: `npm start`'s file (the bundle, through start.js) started on free
 * loopback ports with the Playground on, kept from any real bot or tenant a developer's `.env` names,
 * and a wait for it to answer.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { START_FILE } from './bundle';

const ROOT = path.resolve(__dirname, '..', '..');

/** The built service with the Playground, as a process group of its own so it can be stopped whole. */
export function startLocalBot(port: number, playgroundPort: number, options: { env?: NodeJS.ProcessEnv; stdio?: StdioOptions } = {}): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PLAYGROUND: 'on',
    TEAMSAPPTESTER_PORT: String(playgroundPort),
    TEAMSAPPTESTER_BROWSER: 'none',
    ...options.env,
    // Empty, not absent, so a developer's .env cannot point the run at a real bot or tenant.
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    GRAPH_ENDPOINT: '',
    AZURE_CLIENT_SECRET: '',
    AZURE_CLIENT_CERTIFICATE_PATH: '',
    IDENTITY_ENDPOINT: '',
    MSI_ENDPOINT: '',
    ALLOWED_TENANTS: '',
  };
  return spawn(process.execPath, [path.join(ROOT, START_FILE)], { cwd: ROOT, env, detached: true, stdio: options.stdio ?? 'ignore' });
}

/** Waits up to 30 s for `url` to answer 2xx; gives up early when `bot` has exited. */
export async function waitForHttp(url: string, what: string, bot?: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (bot && bot.exitCode !== null) throw new Error(`the bot exited (code ${bot.exitCode}) before ${what} answered`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not answer at ${url} within 30 s`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
