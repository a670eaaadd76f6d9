/**
 * The parts of `npm run bench` that need running servers: load windows interleaved A/B/A/B, round
 * trips per turn, latency against a slow tenant, start-up, and memory over successive rounds.
 */
import { performance } from 'node:perf_hooks';
import type { FastConnector } from './connector';
import { runWindow, TurnDriver, type Conversation, type Scenario, type WindowResult } from './load';
import { askChild, CHILD_PROBE, ECHO_MAIN, rssMiB, startEcho, startServer, startSimulatorProcess, startUnlock, UNLOCK_BUNDLE_MAIN, UNLOCK_MODULES_MAIN, type Server } from './processes';
import { conversations, diagnosisByAddress, diagnosisByName, echoMessage, OPERATOR, SECOND_OPERATOR } from './scenarios';
import type { Settings } from './settings';
import { median } from './stats';

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/**
 * Every scenario at every conversation count, repeated: for each count, repetition after
 * repetition, all scenarios in turn (A B C … A B C …), so a noisy second hits all of them alike.
 */
export async function measureLoad(options: {
  settings: Settings;
  scenarios: readonly Scenario[];
  drivers: Record<'echo' | 'unlock', TurnDriver>;
  tenantPid?: number;
}): Promise<WindowResult[]> {
  const { settings, scenarios, drivers } = options;
  const chats = new Map<string, Conversation[]>();
  const chatsFor = (scenario: Scenario, count: number): Conversation[] => {
    const key = `${scenario.name}/${count}`;
    if (!chats.has(key)) chats.set(key, conversations(key, count));
    return chats.get(key) ?? [];
  };
  const window = (scenario: Scenario, count: number, seconds: number, repetition: number): Promise<WindowResult> =>
    runWindow({
      scenario,
      driver: drivers[scenario.bot],
      conversations: chatsFor(scenario, count),
      seconds,
      maxTurns: settings.maxTurnsPerWindow,
      repetition,
      ...(scenario.bot === 'unlock' && options.tenantPid ? { tenantPid: options.tenantPid } : {}),
    });

  log(`warm-up: every scenario for ${settings.warmupSeconds} s at 10 conversations`);
  for (const scenario of scenarios) await window(scenario, 10, settings.warmupSeconds, 0);

  const results: WindowResult[] = [];
  for (const count of settings.conversations) {
    for (let repetition = 1; repetition <= settings.repetitions; repetition += 1) {
      for (const scenario of scenarios) {
        const result = await window(scenario, count, settings.windowSeconds, repetition);
        results.push(result);
        log(
          `  ${scenario.name.padEnd(28)} ${String(count).padStart(2)} conv  rep ${repetition}: ` +
            `${result.turnsPerSecond.toFixed(0).padStart(5)} turns/s  p50 ${result.p50Ms.toFixed(1).padStart(6)} ms  ` +
            `p99 ${result.p99Ms.toFixed(1).padStart(6)} ms  bot CPU ${result.botCpuMsPerTurn.toFixed(2)} ms/turn` +
            (result.failures ? `  FAILURES ${result.failures}: ${result.firstFailure ?? ''}` : ''),
        );
      }
    }
  }
  return results;
}

export interface RoundTrips {
  readonly scenario: string;
  /** Graph and Exchange requests one turn made, with `$batch` items counted inside their request. */
  readonly requests: number;
  readonly calls: readonly string[];
}

interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  api: string;
  batchItems?: { method: string; url: string }[];
  cmdlet?: string;
}

/** One turn, with the simulated tenant's request log cleared before and read after. */
export async function countRoundTrips(driver: TurnDriver, tenant: Server, scenario: Scenario, label: string, conversation: Conversation): Promise<RoundTrips> {
  await fetch(`${tenant.url}/_simulator/requests`, { method: 'DELETE' });
  const outcome = await driver.send(conversation, scenario.turn(conversation), { kind: scenario.kind, text: scenario.expect });
  if (!outcome.ok) throw new Error(`${label}: the turn failed (HTTP ${outcome.status}) ${outcome.body.slice(0, 300)}`);
  const log = (await (await fetch(`${tenant.url}/_simulator/requests`)).json()) as { requests: RecordedRequest[] };
  // Ids and the tenant's GUIDs as {id}, so the list reads as a shape.
  const shape = (text: string): string => text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12,13}/gi, '{id}');
  const calls = log.requests
    .filter((request) => request.api !== 'control')
    .map((request) =>
      shape(
        request.batchItems
          ? `${request.method} ${request.path} [${request.batchItems.map((item) => `${item.method} ${item.url.split('?')[0] ?? ''}`).join(', ')}]`
          : `${request.method} ${request.path}${request.cmdlet ? ` ${request.cmdlet}` : ''}${request.query ? `?${decodeURIComponent(request.query).slice(0, 60)}…` : ''}`,
      ),
    );
  return { scenario: label, requests: calls.length, calls };
}

export interface LatencyResult {
  readonly upstreamLatencyMs: number;
  /** The first diagnosis of a freshly started bot (cold connections, token, first expansions). */
  readonly coldFirstTurnMs: number;
  /** An operator's first diagnosis on a warm bot: their operator check is not cached yet. */
  readonly firstTurnMs: number;
  readonly firstTurnRoundTrips: RoundTrips;
  readonly windows: readonly WindowResult[];
  readonly byAddressP50Ms: number;
  readonly byNameP50Ms: number;
  readonly byAddressRatio: number;
  readonly byNameRatio: number;
}

/**
 * Diagnosis at 1 conversation against a simulated tenant that waits `SIMULATOR_LATENCY_MS` on every
 * Graph and Exchange request. Started as `npm run simulator` starts it: `npm start` does not pass the
 * variable to its in-process tenant (see `measureNpmStartLatency`).
 */
export async function measureUpstreamLatency(settings: Settings, connector: FastConnector): Promise<LatencyResult> {
  const tenant = await startSimulatorProcess(settings.upstreamLatencyMs);
  const bot = await startUnlock({ graphEndpoint: tenant.url });
  const driver = new TurnDriver(bot, connector, OPERATOR);
  try {
    // The bot's own first turn pays for cold connections, the token and the first template expansions:
    // another operator's diagnosis pays those first, so the figure below is what an operator whose
    // status is not cached adds to a warm bot (the goal: no round trip of its own).
    const [warmUp, first] = conversations('latency-first', 2);
    const coldStarted = performance.now();
    await countRoundTrips(new TurnDriver(bot, connector, SECOND_OPERATOR), tenant, diagnosisByAddress, 'first diagnosis of the bot', warmUp ?? { id: 'a:w' });
    const coldFirstTurnMs = performance.now() - coldStarted;
    const started = performance.now();
    const firstTurnRoundTrips = await countRoundTrips(driver, tenant, diagnosisByAddress, 'first diagnosis (operator not cached)', first ?? { id: 'a:x' });
    const firstTurnMs = performance.now() - started;
    const chats = { address: conversations('latency-address', 1), name: conversations('latency-name', 1) };
    const windows: WindowResult[] = [];
    for (let repetition = 1; repetition <= settings.repetitions; repetition += 1) {
      for (const [scenario, chat] of [
        [diagnosisByAddress, chats.address],
        [diagnosisByName, chats.name],
      ] as const) {
        const result = await runWindow({
          scenario,
          driver,
          conversations: chat,
          seconds: settings.latencyWindowSeconds,
          maxTurns: settings.maxTurnsPerWindow,
          repetition,
          ...(tenant.child.pid ? { tenantPid: tenant.child.pid } : {}),
        });
        windows.push(result);
        log(`  ${scenario.name.padEnd(28)} at ${settings.upstreamLatencyMs} ms upstream, rep ${repetition}: p50 ${result.p50Ms.toFixed(0)} ms (${result.turns} turns)`);
      }
    }
    const p50 = (name: string): number => median(windows.filter((window) => window.scenario === name).map((window) => window.p50Ms));
    const byAddressP50Ms = p50(diagnosisByAddress.name);
    const byNameP50Ms = p50(diagnosisByName.name);
    return {
      upstreamLatencyMs: settings.upstreamLatencyMs,
      coldFirstTurnMs,
      firstTurnMs,
      firstTurnRoundTrips,
      windows,
      byAddressP50Ms,
      byNameP50Ms,
      byAddressRatio: byAddressP50Ms / settings.upstreamLatencyMs,
      byNameRatio: byNameP50Ms / settings.upstreamLatencyMs,
    };
  } finally {
    driver.close();
    await bot.stop();
    await tenant.stop();
  }
}

export interface NpmStartLatency {
  readonly requestedMs: number;
  readonly diagnosisP50Ms: number;
  readonly honoured: boolean;
}

/** `SIMULATOR_LATENCY_MS` given to `npm start` (in-process tenant): does a diagnosis get slower? */
export async function measureNpmStartLatency(settings: Settings, connector: FastConnector): Promise<NpmStartLatency> {
  const bot = await startUnlock({ env: { SIMULATOR_LATENCY_MS: String(settings.upstreamLatencyMs) } });
  const driver = new TurnDriver(bot, connector, OPERATOR);
  try {
    const window = await runWindow({ scenario: diagnosisByAddress, driver, conversations: conversations('npm-start', 1), seconds: 1, maxTurns: 7, repetition: 1 });
    return { requestedMs: settings.upstreamLatencyMs, diagnosisP50Ms: window.p50Ms, honoured: window.p50Ms >= settings.upstreamLatencyMs };
  } finally {
    driver.close();
    await bot.stop();
  }
}

export interface StartupResult {
  readonly server: string;
  readonly probe: string;
  readonly runsMs: readonly number[];
  readonly medianMs: number;
  /** CPU of the server's process from spawn to ready, per run (10 ms ticks). */
  readonly runsCpuMs: readonly number[];
  readonly medianCpuMs: number;
}

export interface StartupResults {
  readonly results: readonly StartupResult[];
  /** Our compiled simulator files loaded by a start against an external tenant (a production-shaped start). */
  readonly simulatorModulesInProductionStart: readonly string[];
}

/** Each server started and stopped in turn, `runs` times: spawn → first 200 on `/readyz` (else `/healthz`). */
export async function measureStartup(settings: Settings, tenant: Server): Promise<StartupResults> {
  const starters: [string, () => Promise<Server>][] = [
    ['echo bot', () => startEcho()],
    // As deployed: Graph at GRAPH_ENDPOINT, state in a storage account that is already there (the run's Azurite).
    ['Unlock production-shaped (GRAPH_ENDPOINT, STORAGE_CONNECTION_STRING)', () => startUnlock({ graphEndpoint: tenant.url })],
    // The same start from tsc's modules instead of npm start's bundle: what the bundle is worth.
    // The same bundle run directly, without the code cache npm start's launcher compiles it with.
    ['Unlock bundle without its code cache (the same, node index.bundle.js)', () => startUnlock({ graphEndpoint: tenant.url, main: UNLOCK_BUNDLE_MAIN })],
    ['Unlock unbundled (the same, from the compiled modules)', () => startUnlock({ graphEndpoint: tenant.url, main: UNLOCK_MODULES_MAIN })],
    // A developer's `npm start` without settings: the simulated tenant in-process and an Azurite it boots itself.
    ['Unlock npm start (in-process tenant, boots its own Azurite)', () => startUnlock()],
  ];
  const runs = new Map<string, { probe: string; ms: number[]; cpuMs: number[] }>();
  for (let run = 0; run < settings.startupRuns; run += 1) {
    for (const [name, start] of starters) {
      const server = await start();
      const entry = runs.get(name) ?? { probe: server.readyPath, ms: [], cpuMs: [] };
      entry.ms.push(server.startupMs);
      entry.cpuMs.push(server.startupCpuMs);
      runs.set(name, entry);
      await server.stop();
    }
  }
  const results = starters.map(([name]) => {
    const entry = runs.get(name) ?? { probe: '', ms: [], cpuMs: [] };
    return { server: name, probe: entry.probe, runsMs: entry.ms, medianMs: median(entry.ms), runsCpuMs: entry.cpuMs, medianCpuMs: median(entry.cpuMs) };
  });
  for (const result of results) {
    log(
      `  ${result.server.padEnd(72)} to ${result.probe}: median ${result.medianMs.toFixed(0)} ms (${result.runsMs.map((ms) => ms.toFixed(0)).join(', ')}), ` +
        `CPU ${result.medianCpuMs.toFixed(0)} ms`,
    );
  }

  const production = await startUnlock({ graphEndpoint: tenant.url, nodeArgs: ['-r', CHILD_PROBE], ipc: true });
  try {
    const { modules } = await askChild<{ modules: string[] }>(production.child, 'modules');
    return { results, simulatorModulesInProductionStart: modules.filter((file) => file.startsWith('src/simulator/')) };
  } finally {
    await production.stop();
  }
}

export interface MemoryRound {
  readonly turns: number;
  readonly heapUsedMiB: number;
  readonly rssMiB: number;
}

export interface MemoryResult {
  readonly bot: string;
  readonly scenario: string;
  readonly conversations: number;
  readonly baseline: MemoryRound;
  readonly rounds: readonly MemoryRound[];
  /** Heap after a forced GC, read by `childProbe` inside the child (Unlock exposes no heap figure). */
  readonly heapSource: string;
}

/** A fresh server, warmed, then `rounds` rounds of `roundTurns` turns; heap (after GC) and VmRSS after each. */
export async function measureMemory(options: {
  settings: Settings;
  connector: FastConnector;
  bot: 'echo' | 'unlock';
  tenant?: Server;
  rounds?: number;
}): Promise<MemoryResult> {
  const nodeArgs = ['--expose-gc', '-r', CHILD_PROBE];
  const server =
    options.bot === 'echo'
      ? await startServer({ name: 'echo bot', main: ECHO_MAIN, env: {}, nodeArgs, ipc: true })
      : await startUnlock({ ...(options.tenant ? { graphEndpoint: options.tenant.url } : {}), nodeArgs, ipc: true });
  const scenario = options.bot === 'echo' ? echoMessage : diagnosisByAddress;
  const driver = new TurnDriver(server, options.connector, OPERATOR);
  const chats = conversations(`memory-${options.bot}`, 10);
  const pid = server.child.pid ?? 0;
  const read = async (turns: number): Promise<MemoryRound> => {
    const heap = await askChild<{ heapUsed: number }>(server.child, 'heap');
    return { turns, heapUsedMiB: heap.heapUsed / 1024 / 1024, rssMiB: rssMiB(pid) };
  };
  try {
    await runWindow({ scenario, driver, conversations: chats, seconds: 60, maxTurns: 200, repetition: 0 });
    const baseline = await read(200);
    const rounds: MemoryRound[] = [];
    let total = 200;
    for (let round = 1; round <= (options.rounds ?? 3); round += 1) {
      const result = await runWindow({ scenario, driver, conversations: chats, seconds: 600, maxTurns: options.settings.roundTurns, repetition: round });
      total += result.turns;
      if (result.failures > 0) log(`  memory round ${round}: ${result.failures} failures: ${result.firstFailure ?? ''}`);
      rounds.push(await read(total));
      const last = rounds[rounds.length - 1];
      log(`  ${options.bot} memory round ${round}: ${result.turns} turns, heap ${last?.heapUsedMiB.toFixed(1)} MiB, RSS ${last?.rssMiB.toFixed(0)} MiB`);
    }
    return {
      bot: options.bot === 'echo' ? 'echo bot' : 'Unlock',
      scenario: scenario.name,
      conversations: chats.length,
      baseline,
      rounds,
      heapSource: 'process.memoryUsage().heapUsed after global.gc(), read in the child by bench/childProbe.ts (-r preload, IPC)',
    };
  } finally {
    driver.close();
    await server.stop();
  }
}
