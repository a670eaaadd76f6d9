/**
 * New connections to a busy Node.js server (the `connections` part). The `help` turn's p99 at 50
 * conversations is seconds while its p50 is a few hundred ms; tracing the bot's outgoing requests
 * (`BENCH_HTTP_TRACE`) showed that every storage request over 1 s was the first request on a *new*
 * connection to Azurite, and that they were answered one after another. This part measures that
 * mechanism on its own, on two servers:
 *   - the run's Azurite (a public container of its own, read with plain GETs), and
 *   - a bare Node.js http server (one child process, about 1 ms of CPU per request),
 * each first idle, then while 25 kept-alive connections keep it busy: 25 GETs each on a connection of
 * its own, all sent at once. A server busy with kept-alive connections takes the new ones one at a
 * time, so the last waits for all the others; an idle one takes them together.
 */
import { spawn } from 'node:child_process';
import { Agent, get } from 'node:http';
import { performance } from 'node:perf_hooks';
import { ContainerClient } from '@azure/storage-blob';
import { percentile } from './stats';
import { sleep, stopChild } from './processes';

const BUSY_CONNECTIONS = 25;
const NEW_CONNECTIONS = 25;

export interface NewConnectionsResult {
  readonly server: 'Azurite' | 'bare Node.js http server';
  /** The 25 new connections' first answers, sorted, when the server has nothing else to do. */
  readonly idleNewMs: readonly number[];
  /** The same while 25 kept-alive connections keep it busy. */
  readonly busyNewMs: readonly number[];
  /** The kept-alive connections' p50 meanwhile. */
  readonly busyKeptAliveP50Ms: number;
}

function getOnce(url: string, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = get(url, { agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(performance.now() - started));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** Each GET on a connection of its own (an agent that keeps none), all at once. */
function newConnections(url: string): Promise<number[]> {
  return Promise.all(Array.from({ length: NEW_CONNECTIONS }, () => getOnce(url, new Agent({ keepAlive: false })))).then((times) =>
    times.sort((a, b) => a - b),
  );
}

async function measure(server: NewConnectionsResult['server'], url: string): Promise<NewConnectionsResult> {
  const idleNewMs = await newConnections(url);
  const keptAlive = new Agent({ keepAlive: true });
  const busy: number[] = [];
  let stop = false;
  const loops = Array.from({ length: BUSY_CONNECTIONS }, async () => {
    while (!stop) busy.push(await getOnce(url, keptAlive));
  });
  await sleep(1000);
  const busyNewMs = await newConnections(url);
  stop = true;
  await Promise.all(loops);
  keptAlive.destroy();
  busy.sort((a, b) => a - b);
  return { server, idleNewMs, busyNewMs, busyKeptAliveP50Ms: percentile(busy, 50) };
}

/** A bare http server in a process of its own: about 1 ms of CPU, then the answer on the next turn. */
const BARE_SERVER = `
const server = require('node:http').createServer((request, response) => {
  const until = performance.now() + 1;
  while (performance.now() < until);
  setImmediate(() => response.end('{}'));
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));`;

export async function measureNewConnections(storageConnectionString: string): Promise<NewConnectionsResult[]> {
  const container = new ContainerClient(storageConnectionString, 'bench-connections');
  await container.createIfNotExists({ access: 'blob' });
  const blob = container.getBlockBlobClient('state.json');
  await blob.upload('{"dialogStack":[]}', 18);
  const azurite = await measure('Azurite', blob.url);

  const child = spawn(process.execPath, ['-e', BARE_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8').trim()));
      child.once('exit', (code) => reject(new Error(`the bare server exited (${code ?? 'signal'})`)));
    });
    const bare = await measure('bare Node.js http server', `http://127.0.0.1:${port}/`);
    return [azurite, bare];
  } finally {
    await stopChild(child);
  }
}
