/**
 * The account check alone, in this process (what `npm run bench` measured before the HTTP harness):
 *   - diagnose(): pure, per account state
 *   - one account check over HTTP (one $batch + one Exchange call) against the simulated tenant,
 *     next to the floor of one plain Graph GET to the same server
 *   - heap growth over many checks (settled with --expose-gc, which `npm run bench` passes)
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

export interface AccountCheckResult {
  readonly diagnoseMs: number;
  readonly plainGetMs: number;
  readonly accountCheckMs: number;
  /** Goal: under 3× (the batch costs about one round trip). */
  readonly checkOverGet: number;
  /** Goal: under 1 % (the pure part is free). */
  readonly diagnoseShareOfCheck: number;
  /** Goal: 2. */
  readonly roundTripsPerCheck: number;
  readonly heapGrowthKiB: readonly number[];
  readonly heapSettled: boolean;
}

async function time(runs: number, body: () => Promise<unknown> | unknown): Promise<number> {
  for (let i = 0; i < Math.min(20, runs); i += 1) await body();
  const start = performance.now();
  for (let i = 0; i < runs; i += 1) await body();
  return (performance.now() - start) / runs;
}

export async function measureAccountCheck(options: { quick: boolean }): Promise<AccountCheckResult> {
  const scale = options.quick ? 0.2 : 1;
  const simulator = await startSimulator({ port: 0 });
  try {
    const credential = new DevelopmentTokenCredential();
    const graph = new GraphGateway({ endpoint: simulator.url, credential });
    const exchange = new ExchangeAdminClient({ endpoint: simulator.url, tenantId: simulator.tenantId, credential });
    const directory = new GraphDirectoryService(graph, new ExchangeRestrictedSenders(exchange), { helpdeskGroupId: SEEDED.helpdeskGroup.id, protectedGroupIds: [] });
    const found = await directory.findUsers(SEEDED.users.everything.upn);
    const user = found.kind === 'found' ? found.users[0] : undefined;
    const read = user ? await directory.readAccountState(user) : undefined;
    if (!user || read?.kind !== 'ok') throw new Error('the seeded tenant did not answer');

    const diagnoseMs = await time(Math.round(20_000 * scale), () => diagnose(read.state));
    const plainGetMs = await time(Math.round(300 * scale), () => graph.get(`/users/${user.id}?$select=id`));
    const accountCheckMs = await time(Math.round(300 * scale), () => directory.readAccountState(user));
    simulator.resetLog();
    await directory.readAccountState(user);
    const roundTripsPerCheck = simulator.requests.filter((request) => request.api !== 'control').length;

    // Two rounds: the first may warm caches; a leak keeps growing in the second.
    const heapGrowthKiB: number[] = [];
    for (let round = 0; round < 2; round += 1) {
      global.gc?.();
      const before = process.memoryUsage().heapUsed;
      for (let i = 0; i < Math.round(1000 * scale); i += 1) {
        simulator.resetLog();
        const again = await directory.readAccountState(user);
        if (again.kind === 'ok') diagnose(again.state);
      }
      global.gc?.();
      heapGrowthKiB.push((process.memoryUsage().heapUsed - before) / 1024);
    }
    simulator.resetLog();
    return {
      diagnoseMs,
      plainGetMs,
      accountCheckMs,
      checkOverGet: accountCheckMs / plainGetMs,
      diagnoseShareOfCheck: diagnoseMs / accountCheckMs,
      roundTripsPerCheck,
      heapGrowthKiB,
      heapSettled: Boolean(global.gc),
    };
  } finally {
    await simulator.stop();
  }
}
