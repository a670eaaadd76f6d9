/** The real Graph and Exchange clients wired to a simulated tenant on loopback, for tests. */
import { GraphGateway, type GraphRetryPolicy } from '../../src/adapters/graph/graphGateway';
import { DevelopmentTokenCredential } from '../../src/adapters/graph/credentials';
import { ExchangeAdminClient } from '../../src/adapters/exchange/exchangeAdminClient';
import { ExchangeRestrictedSenders } from '../../src/adapters/exchange/restrictedSenders';
import { GraphDirectoryService } from '../../src/adapters/graph/directoryService';
import { GraphOperatorDirectory } from '../../src/adapters/graph/operatorDirectory';
import { SEEDED, startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator';

export const FAST_RETRY: GraphRetryPolicy = { maxRetries: 2, maxBatchItemRetries: 2, maxRetryAfterSeconds: 5 };

export interface TestTenant {
  readonly simulator: RunningSimulator;
  readonly graph: GraphGateway;
  readonly exchange: ExchangeAdminClient;
  readonly directory: GraphDirectoryService;
  /** The operator check the directory's lookups can carry in their `$batch`. */
  readonly operators: GraphOperatorDirectory;
}

export async function startTestTenant(options: SimulatorOptions = {}): Promise<TestTenant> {
  const simulator = await startSimulator({ port: 0, ...options });
  const credential = new DevelopmentTokenCredential();
  const graph = new GraphGateway({ endpoint: simulator.url, credential, retry: FAST_RETRY });
  const exchange = new ExchangeAdminClient({ endpoint: simulator.url, tenantId: simulator.tenantId, credential, maxRetries: 2 });
  const operators = new GraphOperatorDirectory(graph, SEEDED.helpdeskGroup.id);
  const groups = { helpdeskGroupId: SEEDED.helpdeskGroup.id, protectedGroupIds: [] };
  const directory = new GraphDirectoryService(graph, new ExchangeRestrictedSenders(exchange), groups, undefined, { operators });
  return { simulator, graph, exchange, directory, operators };
}

/** Graph and Exchange calls in the log, control calls left out. */
export function tenantCalls(simulator: RunningSimulator) {
  return simulator.requests.filter((request) => request.api !== 'control');
}

/** The Graph and Exchange calls in the log that change something, as "METHOD path" (or the cmdlet). */
export function tenantWrites(simulator: RunningSimulator): string[] {
  return simulator.requests.flatMap((request) => {
    if (request.api === 'exchange') {
      return request.cmdlet?.startsWith('Remove-') ? [request.cmdlet] : [];
    }
    if (request.api !== 'graph') {
      return [];
    }
    const calls = request.batchItems ? request.batchItems.map((item) => ({ method: item.method, path: item.url })) : [request];
    return calls
      .filter(({ method, path }) => method !== 'GET' && !/\$batch$|\/checkMemberGroups$/.test(path))
      .map(({ method, path }) => `${method} ${path}`);
  });
}
