/**
 * Azurite, Microsoft's Azure Storage emulator, for a local run (`npm start`) and the storage tests:
 * the blob service only, on loopback, with its data in a folder (kept across restarts) or in memory.
 * A development tool from devDependencies, loaded only when asked for, never by a deployed start.
 *
 * - Spawned as `node …/blob/main.js`, not through npx, whose wrapper would leave the emulator running
 *   when stopped (toolchain notes, G6).
 * - `--skipApiVersionCheck`: @azure/storage-blob 12.32 speaks a service version newer than
 *   Azurite 3.35 knows, which it would refuse (G5); the calls Unlock makes are all old ones.
 * - It stops when its parent does, even on SIGKILL: its standard input is a pipe from us, and the
 *   end of that pipe asks it to shut down (which also saves its database to the folder).
 * https://learn.microsoft.com/en-us/azure/storage/common/storage-use-azurite
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export interface AzuriteOptions {
  /** A folder for its data, or `memory`. */
  readonly location: string;
  /** 0 for a free port. */
  readonly port: number;
  readonly host?: string;
}

export interface RunningAzurite {
  /** The blob endpoint of the emulator's well-known account. */
  readonly blobEndpoint: string;
  readonly connectionString: string;
  readonly port: number;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * Azurite's fixed development account and key, published by Microsoft for every emulator; not a
 * secret. https://learn.microsoft.com/en-us/azure/storage/common/storage-use-azurite#well-known-storage-account-and-key
 */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** Runs Azurite's own entry point once standard input ends, as SIGTERM would. */
const STOP_WITH_PARENT =
  "process.stdin.on('end',()=>process.emit('SIGTERM')).resume();require(process.argv[1]);";

export async function startAzurite(options: AzuriteOptions): Promise<RunningAzurite> {
  const host = options.host ?? '127.0.0.1';
  const main = require.resolve('azurite/dist/src/blob/main.js');
  const storage =
    options.location === 'memory' ? ['--inMemoryPersistence'] : ['--location', makeFolder(options.location)];
  const child = spawn(
    process.execPath,
    ['-e', STOP_WITH_PARENT, main, '--blobHost', host, '--blobPort', String(options.port), ...storage, '--disableTelemetry', '--skipApiVersionCheck'],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const port = await listeningPort(child);
  const blobEndpoint = `http://${host}:${port}/${ACCOUNT}`;
  return {
    blobEndpoint,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};BlobEndpoint=${blobEndpoint};`,
    port,
    pid: child.pid ?? 0,
    stop: () => stopChild(child),
  };
}

function makeFolder(folder: string): string {
  const path = resolve(folder);
  mkdirSync(path, { recursive: true });
  return path;
}

/** Waits for "successfully listens on http://host:port" and answers the port. */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolvePort, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error('Azurite did not start within 20 s.')), 20_000);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /successfully listens on https?:\/\/[^\s:]+:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout?.removeAllListeners('data');
        child.stdout?.resume();
        resolvePort(Number(match[1]));
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => fail(new Error(`Azurite exited (${code ?? 'signal'}) before listening: ${output.trim().slice(-500)}`)));
    child.once('error', fail);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolveStop();
    });
    // Ending its input is the shutdown signal (see STOP_WITH_PARENT); it then exits on its own.
    child.stdin?.end();
  });
}
