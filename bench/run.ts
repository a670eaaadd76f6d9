/**
 * `npm run bench`: speed and memory of the hot paths, as ratios measured in one run (the machines
 * are small and noisy, so absolute numbers only mean something next to each other).
 *   - diagnose(): pure, per account state
 *   - one account check over HTTP (one $batch + one Exchange call) against the simulated tenant,
 *     next to the floor of one plain Graph GET to the same server
 *   - heap growth over many checks
 */
import { performance } from 'node:perf_hooks';
import { DevelopmentTokenCredential } from '../src/adapters/graph/credentials';
import { GraphGateway } from '../src/adapters/graph/graphGateway';
import { ExchangeAdminClient } from '../src/adapters/exchange/exchangeAdminClient';
import { ExchangeRestrictedSenders } from '../src/adapters/exchange/restrictedSenders';
import { GraphDirectoryService } from '../src/adapters/graph/directoryService';
import { diagnose } from '../src/diagnosis/diagnose';
import { startSimulator } from '../src/simulator';
import { SEEDED } from '../src/simulator/seeded';

async function time(label: string, runs: number, body: () => Promise<unknown> | unknown): Promise<number> {
  for (let i = 0; i < Math.min(20, runs); i += 1) await body();
  const start = performance.now();
  for (let i = 0; i < runs; i += 1) await body();
  const perRun = (performance.now() - start) / runs;
  console.log(`${label.padEnd(48)} ${perRun.toFixed(3)} ms/run (${runs} runs)`);
  return perRun;
}

async function main(): Promise<void> {
  const simulator = await startSimulator({ port: 0 });
  const credential = new DevelopmentTokenCredential();
  const graph = new GraphGateway({ endpoint: simulator.url, credential });
  const exchange = new ExchangeAdminClient({ endpoint: simulator.url, tenantId: simulator.tenantId, credential });
  const directory = new GraphDirectoryService(graph, new ExchangeRestrictedSenders(exchange));
  const found = await directory.findUsers(SEEDED.users.everything.upn);
  const user = found.kind === 'found' ? found.users[0] : undefined;
  const read = user ? await directory.readAccountState(user) : undefined;
  if (!user || read?.kind !== 'ok') throw new Error('the seeded tenant did not answer');

  const pure = await time('diagnose() on the "everything" user', 20_000, () => diagnose(read.state));
  const floor = await time('one plain Graph GET (floor)', 300, () => graph.get(`/users/${user.id}?$select=id`));
  const check = await time('one account check ($batch + Exchange)', 300, () => directory.readAccountState(user));
  simulator.resetLog();
  await directory.readAccountState(user);
  const roundTrips = simulator.requests.filter((request) => request.api !== 'control').length;

  // Two rounds: the first may warm caches; a leak keeps growing in the second.
  const rounds: number[] = [];
  for (let round = 0; round < 2; round += 1) {
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 1000; i += 1) {
      simulator.resetLog();
      const again = await directory.readAccountState(user);
      if (again.kind === 'ok') diagnose(again.state);
    }
    global.gc?.();
    rounds.push((process.memoryUsage().heapUsed - before) / 1024);
  }
  simulator.resetLog();
  await simulator.stop();

  console.log('');
  console.log(`account check / plain GET: ${(check / floor).toFixed(2)}× (goal: under 3×, i.e. the batch costs about one round trip)`);
  console.log(`diagnose / account check: ${((pure / check) * 100).toFixed(3)} % (goal: under 1 %: the pure part is free)`);
  console.log(`HTTP round trips per check: ${roundTrips} (goal: 2)`);
  console.log(`heap growth over 1000 checks: ${rounds.map((kb) => `${kb.toFixed(0)} kB`).join(', then ')}${global.gc ? '' : ' (run with --expose-gc for a settled figure)'}`);
}

void main();
