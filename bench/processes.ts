/**
 * The server processes a benchmark talks to, started as children on loopback: the echo bot, Unlock
 * as `npm start` runs it (`dist/src/index.js`), the simulated tenant as `npm run simulator` runs
 * it (`dist/src/simulator/main.js`, the only start that reads `SIMULATOR_LATENCY_MS`), and the
 * storage every production-shaped Unlock of a run connects to. CPU and memory are read from outside,
 * from /proc, so nothing in `src/` has to expose them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startAzurite, type RunningAzurite } from '../src/host/azurite';
import { containerClient, ensureContainer } from '../src/adapters/storage/blobContainer';
import { SEEDED } from '../src/simulator/seeded';

/** `dist/` (this file runs as `dist/bench/processes.js`). */
export const DIST = join(__dirname, '..');

export const ECHO_MAIN = join(DIST, 'bench', 'echoBot.js');
/** What `npm start` and `npm run simulator` run after their build step, read from package.json. */
export const UNLOCK_MAIN = scriptMain('start', 'dist/src/host/index.js');
/** The compiled modules the bundle is made of (tsc's output), for the start-up part's comparison. */
export const UNLOCK_MODULES_MAIN = join(DIST, 'src', 'host', 'index.js');
/** The bundle run directly, compiled from its source: what npm start's code cache is worth. */
export const UNLOCK_BUNDLE_MAIN = join(DIST, 'src', 'host', 'index.bundle.js');
export const SIMULATOR_MAIN = scriptMain('simulator', 'dist/src/simulator/main.js');
export const CHILD_PROBE = join(DIST, 'bench', 'childProbe.js');

function scriptMain(script: string, fallback: string): string {
  const root = join(DIST, '..');
  try {
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
    const match = /\bnode\s+(dist\/\S+\.js)/.exec(scripts[script] ?? '');
    return join(root, match?.[1] ?? fallback);
  } catch {
    return join(root, fallback);
  }
}

export interface Server {
  readonly name: string;
  readonly child: ChildProcess;
  readonly url: string;
  /** Which probe answered first: `/readyz`, or `/healthz` when the server has no `/readyz`. */
  readonly readyPath: string;
  /** From `spawn` to the first 200 of the probe. */
  readonly startupMs: number;
  /**
   * User + system CPU of the server's own process from spawn to that 200 (its children, such as the
   * Azurite of `npm start`, not included): steadier than the wall time when the machine is shared.
   */
  readonly startupCpuMs: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** One GET on loopback with no keep-alive; the status, or 0 when nothing answers. */
export function probe(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', agent: false, timeout: 1000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/**
 * Starts a node child and polls `/readyz` every 5 ms; a 404 there means the server has no readiness
 * probe, and `/healthz` is polled instead (Unlock today).
 */
export async function startServer(options: {
  name: string;
  main: string;
  env: Record<string, string>;
  nodeArgs?: readonly string[];
  ipc?: boolean;
  timeoutMs?: number;
  /** The variable that names the port; `PORT` unless told. */
  portVariable?: string;
  /** Polled in order, moving on at a 404; `/readyz` then `/healthz` unless told. */
  readyPaths?: readonly string[];
}): Promise<Server> {
  const port = await freePort();
  const stderr: string[] = [];
  const started = performance.now();
  // stdout (pino's JSON lines for Unlock) is written as in production and read by nobody: to
  // /dev/null, or with BENCH_LOGS to a file per server there, to find why a turn failed.
  const stdout = logFile(options.name);
  const trace = httpTrace(options.name);
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...trace.nodeArgs, options.main], {
    stdio: ['ignore', stdout, 'pipe', ...(options.ipc ? (['ipc'] as const) : [])],
    env: { ...cleanEnv(), [options.portVariable ?? 'PORT']: String(port), HOST: '127.0.0.1', ...options.env, ...trace.env },
  });
  if (typeof stdout === 'number') closeSync(stdout); // the child has its own copy
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr.push(chunk.toString('utf8'));
    if (stderr.length > 50) stderr.shift();
  });
  const url = `http://127.0.0.1:${port}`;
  const paths = options.readyPaths ?? ['/readyz', '/healthz'];
  let pathIndex = 0;
  const deadline = started + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`${options.name} exited with ${child.exitCode} before it was ready:\n${stderr.join('')}`);
    }
    const status = await probe(url + (paths[pathIndex] ?? '/'));
    if (status === 200) break;
    if (status === 404 && pathIndex < paths.length - 1) {
      pathIndex += 1;
      continue;
    }
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} was not ready in time:\n${stderr.join('')}`);
    }
    await sleep(5);
  }
  const startupMs = performance.now() - started;
  const startupCpuMs = child.pid ? cpuMs(child.pid) : Number.NaN;
  return {
    name: options.name,
    child,
    url,
    readyPath: paths[pathIndex] ?? '/',
    startupMs,
    startupCpuMs,
    stop: () => stopChild(child),
  };
}

/** `BENCH_LOGS/<name>.log` (appended) when `BENCH_LOGS` names a directory, else nowhere. */
function logFile(name: string): 'ignore' | number {
  const path = logPath(name, '.log');
  return path === undefined ? 'ignore' : openSync(path, 'a');
}

/**
 * With `BENCH_HTTP_TRACE=1` and `BENCH_LOGS`, every server's outgoing HTTP requests are written to
 * `BENCH_LOGS/<name>-http.log` (`httpTrace.ts`, loaded with `--require`); otherwise nothing.
 */
function httpTrace(name: string): { nodeArgs: readonly string[]; env: Record<string, string> } {
  const path = process.env.BENCH_HTTP_TRACE === '1' ? logPath(name, '-http.log') : undefined;
  if (path === undefined) return { nodeArgs: [], env: {} };
  return { nodeArgs: ['--require', join(DIST, 'bench', 'httpTrace.js')], env: { BENCH_HTTP_TRACE_FILE: path } };
}

/** A server's file in `BENCH_LOGS` (the directory made if need be), named after it; none without `BENCH_LOGS`. */
function logPath(name: string, ending: string): string | undefined {
  const directory = process.env.BENCH_LOGS;
  if (!directory) return undefined;
  mkdirSync(directory, { recursive: true });
  return join(directory, `${name.replace(/[^A-Za-z0-9-]+/g, '-')}${ending}`);
}

export function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The environment without anything that would point the children at a real tenant or bot identity. */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^(AZURE_|Microsoft|GRAPH_|EXCHANGE_|SIMULATOR_|HELPDESK_|ALLOWED_TENANTS|PLAYGROUND|LOG_LEVEL|STORAGE)/.test(key)) continue;
    if (key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return env;
}

export function startEcho(): Promise<Server> {
  return startServer({ name: 'echo bot', main: ECHO_MAIN, env: {} });
}

/** `npm run simulator`: the simulated tenant alone; `latencyMs` through `SIMULATOR_LATENCY_MS`. */
export function startSimulatorProcess(latencyMs = 0): Promise<Server> {
  return startServer({
    name: `simulated tenant (${latencyMs} ms)`,
    main: SIMULATOR_MAIN,
    portVariable: 'SIMULATOR_PORT',
    // Its control endpoints are never delayed, so readiness does not wait out the latency.
    readyPaths: ['/_simulator'],
    env: { SIMULATOR_LATENCY_MS: String(latencyMs) },
  });
}

/** The container every production-shaped Unlock of a run keeps its state in. */
const BENCH_CONTAINER = 'unlock-bench';

let benchStorage: RunningAzurite | undefined;

/**
 * The storage account of a run: one Azurite started here, its data in a fresh temporary folder, with
 * the container already created. A deployed instance connects to an existing account
 * (`STORAGE_CONNECTION_STRING` or `STORAGE_ACCOUNT_URL`); it never boots an emulator, so neither does
 * a production-shaped start here. The Azurite is a process of its own, so its CPU and memory are
 * not the bot's, as when each bot started its own. Stop it at the end of the run.
 */
export async function startBenchStorage(): Promise<{ readonly connectionString: string; stop(): Promise<void> }> {
  if (benchStorage) throw new Error('the bench storage is already running');
  const folder = mkdtempSync(join(tmpdir(), 'unlock-bench-azurite-'));
  const azurite = await startAzurite({ location: folder, port: 0 });
  try {
    await ensureContainer(containerClient({ kind: 'connectionString', connectionString: azurite.connectionString }, BENCH_CONTAINER));
  } catch (error) {
    await azurite.stop();
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  benchStorage = azurite;
  return {
    connectionString: azurite.connectionString,
    stop: async () => {
      benchStorage = undefined;
      await azurite.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** What a production-shaped start is given to reach the run's storage. */
export function benchStorageEnv(): Record<string, string> {
  if (!benchStorage) throw new Error('startBenchStorage() first: a production-shaped Unlock connects to the run\'s storage');
  return { STORAGE: 'blob', STORAGE_CONNECTION_STRING: benchStorage.connectionString, STORAGE_CONTAINER: BENCH_CONTAINER };
}

/**
 * Unlock as `npm start` runs it (without the build step and without the Playground). With a
 * `graphEndpoint` it is production-shaped: it talks to that simulated tenant, as a production start
 * talks to Graph (the tenant's CPU is then not the bot's), and keeps its state in the run's storage
 * (`startBenchStorage`), as a deployment does in its storage account. Without one it is the local
 * `npm start`: the simulated tenant in-process, and an Azurite of its own that it starts.
 */
export function startUnlock(
  options: { graphEndpoint?: string; nodeArgs?: readonly string[]; ipc?: boolean; env?: Record<string, string>; main?: string } = {},
): Promise<Server> {
  const tenant: Record<string, string> = options.graphEndpoint
    ? { GRAPH_ENDPOINT: options.graphEndpoint, AZURE_TENANT_ID: SEEDED.tenantId, HELPDESK_GROUP_ID: SEEDED.helpdeskGroup.id, ...benchStorageEnv() }
    : {};
  return startServer({
    name: options.graphEndpoint ? 'Unlock' : 'Unlock (in-process simulated tenant)',
    main: options.main ?? UNLOCK_MAIN,
    env: { PLAYGROUND: 'off', TEAMSAPPTESTER_BROWSER: 'none', ...tenant, ...options.env },
    ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}),
    ...(options.ipc ? { ipc: options.ipc } : {}),
  });
}

/** Clock ticks per second for /proc/<pid>/stat (`getconf CLK_TCK`; 100 on Linux x86-64 and arm64). */
const CLOCK_TICKS_PER_SECOND = 100;

/** User + system CPU of a process so far, in ms, from /proc/<pid>/stat (10 ms resolution). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name is in parentheses and may hold spaces; the fields after it are space-separated.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Resident set size of a process in MiB, from /proc/<pid>/status. */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Asks a child started with `CHILD_PROBE` and an IPC channel; its answer, or an error after 10 s. */
export function askChild<T>(child: ChildProcess, message: 'heap' | 'modules'): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error(`the child did not answer "${message}"`));
    }, 10_000);
    const onMessage = (answer: unknown): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(answer as T);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}
