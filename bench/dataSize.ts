/**
 * Latency against data size: the same turns against the seeded tenant and against one grown with
 * `POST /_simulator/bulk` (10,000 more sign-ins for Megan Bowen in the last 24 hours, 1,000 more
 * users named Bowen), a bot on each, windows interleaved. The bot asks for bounded pages (`$top`,
 * `$select`), so a turn should cost about the same either way, in requests, time and CPU.
 */
import type { FastConnector } from './connector';
import { runWindow, TurnDriver, type Scenario, type WindowResult } from './load';
import { countRoundTrips, type RoundTrips } from './measure';
import { startSimulatorProcess, startUnlock } from './processes';
import { conversations, diagnosisByAddress, OPERATOR, TARGET } from './scenarios';
import type { Settings } from './settings';
import { median } from './stats';

export const BULK = { signIns: { user: TARGET.upn, count: 10_000 }, namesakes: { surname: 'Bowen', count: 1_000 } } as const;

/** By surname alone: one match in the seeded tenant (Megan's card), 1,001 in the grown one (the first page to choose from). */
export const searchBySurname: Scenario = {
  name: 'unlock Bowen (by name)',
  bot: 'unlock',
  kind: 'message',
  turn: () => ({ type: 'message', text: 'unlock Bowen' }),
  expect: 'Bowen',
};

export interface DataSizeRow {
  readonly scenario: string;
  readonly seeded: { p50Ms: number; cpuMsPerTurn: number; requests: number };
  readonly grown: { p50Ms: number; cpuMsPerTurn: number; requests: number };
  readonly p50Ratio: number;
  readonly cpuRatio: number;
}

export interface DataSizeResult {
  readonly bulk: typeof BULK;
  readonly rows: readonly DataSizeRow[];
  readonly grownRoundTrips: readonly RoundTrips[];
  readonly windows: readonly WindowResult[];
}

export async function measureDataSize(settings: Settings, connector: FastConnector, log: (line: string) => void): Promise<DataSizeResult> {
  const tenants = { seeded: await startSimulatorProcess(0), grown: await startSimulatorProcess(0) };
  const answer = await fetch(`${tenants.grown.url}/_simulator/bulk`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(BULK) });
  if (answer.status !== 201) throw new Error(`the simulated tenant did not take the bulk data: ${answer.status} ${await answer.text()}`);
  const bots = { seeded: await startUnlock({ graphEndpoint: tenants.seeded.url }), grown: await startUnlock({ graphEndpoint: tenants.grown.url }) };
  const drivers = { seeded: new TurnDriver(bots.seeded, connector, OPERATOR), grown: new TurnDriver(bots.grown, connector, OPERATOR) };
  const windows: WindowResult[] = [];
  const requests: Record<string, number> = {};
  const grownRoundTrips: RoundTrips[] = [];
  try {
    for (const which of ['seeded', 'grown'] as const) {
      for (const scenario of [diagnosisByAddress, searchBySurname]) {
        const [chat] = conversations(`data-size-trips-${which}-${scenario.name}`, 1);
        const trips = await countRoundTrips(drivers[which], tenants[which], scenario, `${scenario.name}, ${which}`, chat ?? { id: 'a:x' });
        requests[`${scenario.name} ${which}`] = trips.requests;
        if (which === 'grown') grownRoundTrips.push(trips);
      }
    }
    for (let repetition = 1; repetition <= settings.repetitions; repetition += 1) {
      for (const scenario of [diagnosisByAddress, searchBySurname]) {
        for (const which of repetition % 2 ? (['seeded', 'grown'] as const) : (['grown', 'seeded'] as const)) {
          const result = await runWindow({
            scenario: { ...scenario, name: `${scenario.name} ${which}` },
            driver: drivers[which],
            conversations: conversations(`data-size-${which}-${scenario.name}`, 1),
            seconds: settings.windowSeconds,
            maxTurns: settings.maxTurnsPerWindow,
            repetition,
          });
          windows.push(result);
          log(`  ${scenario.name} (${which}) rep ${repetition}: p50 ${result.p50Ms.toFixed(1)} ms, CPU ${result.botCpuMsPerTurn.toFixed(2)} ms/turn, ${result.turns} turns, ${result.failures} failures`);
        }
      }
    }
  } finally {
    drivers.seeded.close();
    drivers.grown.close();
    await bots.seeded.stop();
    await bots.grown.stop();
    await tenants.seeded.stop();
    await tenants.grown.stop();
  }
  const of = (name: string, field: 'p50Ms' | 'botCpuMsPerTurn'): number => median(windows.filter((window) => window.scenario === name).map((window) => window[field]));
  const rows = [diagnosisByAddress, searchBySurname].map((scenario): DataSizeRow => {
    const seeded = { p50Ms: of(`${scenario.name} seeded`, 'p50Ms'), cpuMsPerTurn: of(`${scenario.name} seeded`, 'botCpuMsPerTurn'), requests: requests[`${scenario.name} seeded`] ?? 0 };
    const grown = { p50Ms: of(`${scenario.name} grown`, 'p50Ms'), cpuMsPerTurn: of(`${scenario.name} grown`, 'botCpuMsPerTurn'), requests: requests[`${scenario.name} grown`] ?? 0 };
    return { scenario: scenario.name, seeded, grown, p50Ratio: grown.p50Ms / seeded.p50Ms, cpuRatio: grown.cpuMsPerTurn / seeded.cpuMsPerTurn };
  });
  return { bulk: BULK, rows, grownRoundTrips, windows };
}
