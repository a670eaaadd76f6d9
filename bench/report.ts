/**
 * From raw windows to what a person reads: medians over the repetitions, ratios against the echo
 * bot paired window by window (same conversation count, same repetition, so both saw the same noise),
 * the goals of issue 13 with the figure that meets or misses each, and the printed tables.
 */
import type { AccountCheckResult } from './accountCheck';
import type { NewConnectionsResult } from './newConnections';
import type { DataSizeResult } from './dataSize';
import type { OperatorActionsCase } from './operatorActions';
import type { WindowResult } from './load';
import type { LatencyResult, MemoryResult, NpmStartLatency, RoundTrips, StartupResults } from './measure';
import type { ProfileSummary } from './profile';
import { echoClick, echoMessage } from './scenarios';
import { fmt, median, percentile, range, ratio, table } from './stats';

export interface LoadRow {
  readonly scenario: string;
  readonly bot: 'echo' | 'unlock';
  readonly conversations: number;
  readonly repetitions: number;
  readonly turns: number;
  readonly failures: number;
  readonly turnsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly botCpuMsPerTurn: number;
  readonly tenantCpuMsPerTurn?: number;
  readonly loadCpuMsPerTurn: number;
  /** The floor this row is compared with: the echo bot's message turn, or its card click. */
  readonly floor: string;
  /** Medians of the ratios of paired windows, and their range over the repetitions. */
  readonly throughputVsFloor: number;
  readonly throughputVsFloorRange: [number, number];
  readonly p50VsFloor: number;
  readonly p99VsFloor: number;
  readonly cpuVsFloor: number;
  /** p50 against the echo bot's message turn, whatever the floor (the issue's first figures used that). */
  readonly p50VsEchoMessage: number;
}

export function floorOf(window: { bot: string; scenario: string }, kind: 'message' | 'invoke'): string {
  return window.bot === 'echo' ? window.scenario : kind === 'invoke' ? echoClick.name : echoMessage.name;
}

export function summariseLoad(windows: readonly WindowResult[], kinds: ReadonlyMap<string, 'message' | 'invoke'>): LoadRow[] {
  const keys = [...new Set(windows.map((window) => `${window.scenario}\u0000${window.conversations}`))];
  return keys.map((key) => {
    const [scenario = '', count = '0'] = key.split('\u0000');
    const conversations = Number(count);
    const mine = windows.filter((window) => window.scenario === scenario && window.conversations === conversations);
    const first = mine[0];
    const floor = floorOf({ bot: first?.bot ?? 'unlock', scenario }, kinds.get(scenario) ?? 'message');
    const paired = (pick: (window: WindowResult) => number, against = floor): number[] =>
      mine.flatMap((window) => {
        const base = windows.find((other) => other.scenario === against && other.conversations === conversations && other.repetition === window.repetition);
        return base ? [pick(window) / pick(base)] : [];
      });
    const throughput = paired((window) => window.turnsPerSecond);
    const tenant = mine.map((window) => window.tenantCpuMsPerTurn).filter((value): value is number => value !== undefined);
    return {
      scenario,
      bot: first?.bot ?? 'unlock',
      conversations,
      repetitions: mine.length,
      turns: mine.reduce((sum, window) => sum + window.turns, 0),
      failures: mine.reduce((sum, window) => sum + window.failures, 0),
      turnsPerSecond: median(mine.map((window) => window.turnsPerSecond)),
      p50Ms: median(mine.map((window) => window.p50Ms)),
      p99Ms: median(mine.map((window) => window.p99Ms)),
      botCpuMsPerTurn: median(mine.map((window) => window.botCpuMsPerTurn)),
      ...(tenant.length > 0 ? { tenantCpuMsPerTurn: median(tenant) } : {}),
      loadCpuMsPerTurn: median(mine.map((window) => window.loadCpuMsPerTurn)),
      floor,
      throughputVsFloor: median(throughput),
      throughputVsFloorRange: range(throughput),
      p50VsFloor: median(paired((window) => window.p50Ms)),
      p99VsFloor: median(paired((window) => window.p99Ms)),
      cpuVsFloor: median(paired((window) => window.botCpuMsPerTurn)),
      p50VsEchoMessage: median(paired((window) => window.p50Ms, echoMessage.name)),
    };
  });
}

export interface Goal {
  readonly goal: string;
  readonly measured: string;
  /** undefined: not measured by this harness. */
  readonly met?: boolean;
}

export interface Findings {
  readonly load: readonly LoadRow[];
  readonly roundTrips: readonly RoundTrips[];
  readonly latency?: LatencyResult;
  readonly npmStartLatency?: NpmStartLatency;
  readonly startup?: StartupResults;
  readonly memory: readonly MemoryResult[];
  readonly profile?: ProfileSummary;
  readonly accountCheck?: AccountCheckResult;
  readonly dataSize?: DataSizeResult;
  readonly operatorActions?: readonly OperatorActionsCase[];
  readonly newConnections?: readonly NewConnectionsResult[];
}

function row(load: readonly LoadRow[], scenario: string, conversations: number): LoadRow | undefined {
  return load.find((candidate) => candidate.scenario === scenario && candidate.conversations === conversations);
}

export function evaluateGoals(findings: Findings): Goal[] {
  const goals: Goal[] = [];
  const { load, latency, startup, memory, npmStartLatency, accountCheck } = findings;
  if (latency) {
    goals.push({
      goal: `diagnosis by address at ${latency.upstreamLatencyMs} ms upstream: p50 ≤ 1.3× the latency`,
      measured: `p50 ${fmt(latency.byAddressP50Ms, 0)} ms = ${ratio(latency.byAddressRatio)}`,
      met: latency.byAddressRatio <= 1.3,
    });
    goals.push({
      goal: `diagnosis by name at ${latency.upstreamLatencyMs} ms upstream: p50 ≤ 2.3× the latency`,
      measured: `p50 ${fmt(latency.byNameP50Ms, 0)} ms = ${ratio(latency.byNameRatio)}`,
      met: latency.byNameRatio <= 2.3,
    });
    goals.push({
      goal: "an operator's first turn adds no round trip (operator check in the same $batch): one sample under 1.5× the latency",
      measured: `first diagnosis of an operator on a warm bot ${fmt(latency.firstTurnMs, 0)} ms, ${latency.firstTurnRoundTrips.requests} requests`,
      // One sample, not a p50: judged as the issue words it, no round trip of its own (a second
      // round trip would take the turn past 2× the latency; 1.5× leaves room for one sample's noise).
      met: latency.firstTurnMs < 1.5 * latency.upstreamLatencyMs,
    });
  }
  const diagnosis = ['diagnosis by address', 'diagnosis by name'].flatMap((name) => load.filter((candidate) => candidate.scenario === name));
  if (diagnosis.length > 0) {
    const worst = Math.max(...diagnosis.map((candidate) => candidate.botCpuMsPerTurn));
    const best = Math.min(...diagnosis.map((candidate) => candidate.botCpuMsPerTurn));
    goals.push({ goal: 'bot CPU per diagnosis turn ≤ 3 ms', measured: `${fmt(best)}–${fmt(worst)} ms (all counts, by address and by name)`, met: worst <= 3 });
  }
  const at50 = row(load, 'diagnosis by address', 50);
  if (at50) {
    goals.push({
      goal: "diagnosis turn ≥ 0.5× the echo bot's throughput at 50 conversations (0 ms upstream)",
      measured: `${fmt(at50.turnsPerSecond, 0)} turns/s = ${ratio(at50.throughputVsFloor)} echo`,
      met: at50.throughputVsFloor >= 0.5,
    });
  }
  const helps = load.filter((candidate) => candidate.scenario === 'help');
  if (helps.length > 0) {
    goals.push({
      goal: "help turn ≥ 0.8× the echo bot's throughput",
      measured: helps.map((candidate) => `${candidate.conversations}: ${ratio(candidate.throughputVsFloor)}`).join(', '),
      met: helps.every((candidate) => candidate.throughputVsFloor >= 0.8),
    });
  }
  const help50 = row(load, 'help', 50);
  if (help50) {
    goals.push({
      goal: "help turn p99 at 50 conversations ≤ 2× the echo bot's",
      measured: `${fmt(help50.p99Ms)} ms = ${ratio(help50.p99VsFloor)} echo`,
      met: help50.p99VsFloor <= 2,
    });
  }
  const clicks = load.filter((candidate) => candidate.scenario === 'card click → confirmation');
  if (clicks.length > 0) {
    goals.push({
      goal: "card click p50 ≤ 2× the echo bot's p50 (its card click; in brackets: its message turn)",
      measured: clicks
        .map((candidate) => `${candidate.conversations}: ${fmt(candidate.p50Ms)} ms = ${ratio(candidate.p50VsFloor, 1)} (${ratio(candidate.p50VsEchoMessage, 1)})`)
        .join(', '),
      met: clicks.every((candidate) => candidate.p50VsFloor <= 2),
    });
  }
  if (startup) {
    const echo = startup.results.find((result) => result.server.startsWith('echo'));
    const unlock = startup.results.find((result) => result.server.includes('production-shaped'));
    if (echo && unlock) {
      goals.push({
        goal: "start-up to /readyz < 1.5 s and ≤ 1.5× the echo bot's",
        measured:
          `Unlock production-shaped ${fmt(unlock.medianMs, 0)} ms to ${unlock.probe}, echo ${fmt(echo.medianMs, 0)} ms: ${ratio(unlock.medianMs / echo.medianMs)} ` +
          `(CPU to ready ${fmt(unlock.medianCpuMs, 0)} ms against ${fmt(echo.medianCpuMs, 0)} ms: ${ratio(unlock.medianCpuMs / echo.medianCpuMs)})`,
        met: unlock.probe === '/readyz' && unlock.medianMs < 1500 && unlock.medianMs <= 1.5 * echo.medianMs,
      });
    }
    goals.push({
      goal: 'a production start never loads the simulator',
      measured: `${startup.simulatorModulesInProductionStart.length} files of src/simulator loaded with GRAPH_ENDPOINT set`,
      met: startup.simulatorModulesInProductionStart.length === 0,
    });
  }
  const unlockMemory = memory.find((result) => result.bot === 'Unlock');
  if (unlockMemory && unlockMemory.rounds.length >= 3) {
    const [one, two, three] = unlockMemory.rounds;
    const growth = (three?.heapUsedMiB ?? 0) - (two?.heapUsedMiB ?? 0);
    const firstGrowth = (two?.heapUsedMiB ?? 0) - (one?.heapUsedMiB ?? 0);
    const turns = (three?.turns ?? 0) - (two?.turns ?? 0);
    goals.push({
      goal: 'heap flat between the second and third rounds (within noise: ≤ 1 MiB)',
      measured: `+${fmt(growth, 1)} MiB over ${turns} turns (${fmt((growth * 1024) / Math.max(turns, 1), 2)} KiB/turn; round 1→2: +${fmt(firstGrowth, 1)} MiB)`,
      met: growth <= 1,
    });
    goals.push({
      goal: 'RSS after 6,000 diagnosis turns under 256 MiB',
      measured: `${fmt(three?.rssMiB, 0)} MiB after ${three?.turns ?? 0} turns`,
      met: (three?.rssMiB ?? Infinity) < 256 && (three?.turns ?? 0) >= 6000 ? true : (three?.rssMiB ?? Infinity) >= 256 ? false : undefined,
    });
  }
  if (npmStartLatency) {
    goals.push({
      goal: 'SIMULATOR_LATENCY_MS works with npm start as with npm run simulator',
      measured: `npm start with ${npmStartLatency.requestedMs} ms: diagnosis p50 ${fmt(npmStartLatency.diagnosisP50Ms)} ms`,
      met: npmStartLatency.honoured,
    });
  }
  if (accountCheck) {
    goals.push({ goal: 'account check alone < 3× one plain GET', measured: ratio(accountCheck.checkOverGet), met: accountCheck.checkOverGet < 3 });
  }
  const cases = findings.operatorActions;
  if (cases && cases.length > 0) {
    const acting = cases.filter((entry) => entry.outcome !== 'refused');
    const over = acting.filter((entry) => entry.count > 3 || entry.outcome !== 'fixed');
    goals.push({
      goal: 'operator actions from report to fix ≤ 3 for every seeded case (messages + button presses)',
      measured:
        `${acting.length} cases: ${range(acting.map((entry) => entry.count)).join("–")} actions` +
        (over.length ? `; over 3 or not fixed: ${over.map((entry) => `${entry.role} ${entry.count} (${entry.outcome})`).join(', ')}` : '') +
        `; ${cases.length - acting.length} administrators refused in 1 (the admin center's job)`,
      met: over.length === 0,
    });
  } else {
    goals.push({ goal: 'operator actions from report to fix ≤ 3 for every seeded case', measured: 'not measured in this run' });
  }
  if (findings.dataSize) {
    // Bounded: no more requests with more data, and no more than half as much CPU again (the sign-in
    // page is up to $top=100 items instead of a handful). p50 is shown, not judged: it includes the tenant.
    const worst = Math.max(...findings.dataSize.rows.map((row) => row.cpuRatio));
    const sameRequests = findings.dataSize.rows.every((row) => row.grown.requests <= row.seeded.requests);
    goals.push({
      goal: 'latency against data size (10,000 sign-ins, 1,000 matching users): no more requests, bot CPU ≤ 1.5×',
      measured: findings.dataSize.rows.map((row) => `${row.scenario}: p50 ${ratio(row.p50Ratio)}, CPU ${ratio(row.cpuRatio)}, requests ${row.seeded.requests} → ${row.grown.requests}`).join('; '),
      met: sameRequests && worst <= 1.5,
    });
  } else {
    goals.push({ goal: 'latency against data size (10,000 sign-ins, 1,000 matching users)', measured: 'not measured in this run' });
  }
  return goals;
}

export function printReport(findings: Findings, goals: readonly Goal[]): string {
  const out: string[] = [];
  if (findings.load.length > 0) {
    out.push('## Load (medians of the repetitions; ratios: paired windows, vs the echo bot)', '');
    out.push(
      table(
        ['scenario', 'conv', 'turns/s', '× echo', 'p50 ms', '× echo', 'p99 ms', '× echo', 'bot CPU ms/turn', '× echo', 'tenant CPU ms/turn', 'failures'],
        findings.load.map((entry) => [
          entry.scenario,
          String(entry.conversations),
          fmt(entry.turnsPerSecond, 0),
          entry.bot === 'echo' ? '' : ratio(entry.throughputVsFloor),
          fmt(entry.p50Ms),
          entry.bot === 'echo' ? '' : ratio(entry.p50VsFloor, 1),
          fmt(entry.p99Ms),
          entry.bot === 'echo' ? '' : ratio(entry.p99VsFloor, 1),
          fmt(entry.botCpuMsPerTurn),
          entry.bot === 'echo' ? '' : ratio(entry.cpuVsFloor, 1),
          fmt(entry.tenantCpuMsPerTurn),
          String(entry.failures),
        ]),
      ),
      '',
      'Message turns are compared with the echo bot\'s message turn, the card click with the echo bot\'s card click.',
      '',
    );
  }
  if (findings.roundTrips.length > 0) {
    out.push('## Graph and Exchange requests per turn', '');
    out.push(table(['turn', 'requests', 'calls'], findings.roundTrips.map((entry) => [entry.scenario, String(entry.requests), entry.calls.join('; ')])), '');
  }
  const { latency } = findings;
  if (latency) {
    out.push(`## Diagnosis at ${latency.upstreamLatencyMs} ms upstream latency, 1 conversation`, '');
    out.push(
      table(
        ['turn', 'p50 ms', '÷ latency'],
        [
          ['by address', fmt(latency.byAddressP50Ms, 0), ratio(latency.byAddressRatio)],
          ['by name', fmt(latency.byNameP50Ms, 0), ratio(latency.byNameRatio)],
          [`an operator's first turn on a warm bot (operator check not cached; ${latency.firstTurnRoundTrips.requests} requests)`, fmt(latency.firstTurnMs, 0), ratio(latency.firstTurnMs / latency.upstreamLatencyMs)],
          ...(latency.coldFirstTurnMs === undefined
            ? []
            : [['the first turn of a freshly started bot (cold connections and token)', fmt(latency.coldFirstTurnMs, 0), ratio(latency.coldFirstTurnMs / latency.upstreamLatencyMs)]]),
        ],
      ),
      '',
    );
  }
  if (findings.npmStartLatency) {
    const entry = findings.npmStartLatency;
    out.push(`SIMULATOR_LATENCY_MS=${entry.requestedMs} with npm start: diagnosis p50 ${fmt(entry.diagnosisP50Ms)} ms → ${entry.honoured ? 'honoured' : 'NOT honoured'}`, '');
  }
  if (findings.startup) {
    out.push('## Start-up (spawn → first 200)', '');
    const echo = findings.startup.results.find((result) => result.server.startsWith('echo'));
    out.push(
      table(
        ['server', 'probe', 'median ms', '× echo', 'runs', 'CPU ms to ready', 'CPU × echo'],
        findings.startup.results.map((result) => [
          result.server,
          result.probe,
          fmt(result.medianMs, 0),
          echo ? ratio(result.medianMs / echo.medianMs) : '—',
          result.runsMs.map((ms) => ms.toFixed(0)).join(', '),
          fmt(result.medianCpuMs, 0),
          echo ? ratio(result.medianCpuMs / echo.medianCpuMs) : '—',
        ]),
      ),
      '',
      `src/simulator files loaded by a start with GRAPH_ENDPOINT: ${findings.startup.simulatorModulesInProductionStart.length}`,
      '',
    );
  }
  if (findings.memory.length > 0) {
    out.push('## Memory over successive rounds (heap after a forced GC; VmRSS)', '');
    out.push(
      table(
        ['bot', 'turns', 'round', 'heap MiB', 'Δ heap MiB', 'RSS MiB'],
        findings.memory.flatMap((result) =>
          [result.baseline, ...result.rounds].map((round, index, all) => [
            `${result.bot} (${result.scenario})`,
            String(round.turns),
            index === 0 ? 'warm-up' : String(index),
            fmt(round.heapUsedMiB, 1),
            index === 0 ? '' : `+${fmt(round.heapUsedMiB - (all[index - 1]?.heapUsedMiB ?? 0), 1)}`,
            fmt(round.rssMiB, 0),
          ]),
        ),
      ),
      '',
    );
  }
  const { profile } = findings;
  if (profile) {
    out.push(
      `## CPU profile: ${profile.scenario}, ${profile.conversations} conversations, ${profile.turns} turns ` +
        `(${fmt(profile.busyMs / Math.max(profile.turns, 1))} ms busy per turn under the profiler, ${fmt(profile.window.botCpuMsPerTurn)} ms CPU by /proc)`,
      '',
    );
    out.push(table(['where (innermost frame)', 'ms/turn', '%'], profile.byCategory.map((entry) => [entry.where, fmt(entry.msPerTurn, 3), fmt(entry.percent, 1)])), '');
    const turns = Math.max(profile.turns, 1);
    out.push(
      `With a frame of our code on the stack (our code and what it calls synchronously): ${fmt(profile.underOurCodeMs / turns, 2)} ms/turn ` +
        `(${fmt((100 * profile.underOurCodeMs) / Math.max(profile.busyMs, 1), 1)} %); the rest runs from the event loop ` +
        '(HTTP parsing and sockets, botbuilder and SDK promise continuations, GC).',
      '',
    );
    out.push('Our code, self time:', '');
    out.push(table(['file:function', 'ms/turn', '%'], profile.oursSelf.slice(0, 10).map((entry) => [entry.where, fmt(entry.msPerTurn, 3), fmt(entry.percent, 1)])), '');
    out.push('Our code, self + the library and builtin calls it makes directly:', '');
    out.push(table(['file:function', 'ms/turn', '%'], profile.oursWithLibraries.slice(0, 12).map((entry) => [entry.where, fmt(entry.msPerTurn, 3), fmt(entry.percent, 1)])), '');
    out.push('Packages, self time:', '');
    out.push(table(['package', 'ms/turn', '%'], profile.packages.map((entry) => [entry.where, fmt(entry.msPerTurn, 3), fmt(entry.percent, 1)])), '');
    out.push('Node internals, self time:', '');
    out.push(table(['module', 'ms/turn', '%'], profile.nodeModules.map((entry) => [entry.where, fmt(entry.msPerTurn, 3), fmt(entry.percent, 1)])), '');
    out.push('Node internals and builtins, by who called them (the nearest package or function of ours up the stack):', '');
    out.push(table(['caller', 'ms/turn', '%'], profile.internalsByCaller.map((entry) => [entry.where, fmt(entry.msPerTurn, 3), fmt(entry.percent, 1)])), '');
    out.push('Top functions anywhere, self time:', '');
    out.push(table(['function', 'ms/turn', '%'], profile.topFunctions.slice(0, 12).map((entry) => [entry.where, fmt(entry.msPerTurn, 3), fmt(entry.percent, 1)])), '');
  }
  if (findings.accountCheck) {
    const entry = findings.accountCheck;
    out.push('## The account check alone (in process)', '');
    out.push(
      table(
        ['measure', 'value', 'goal'],
        [
          ['account check / one plain GET', ratio(entry.checkOverGet), 'under 3×'],
          ['diagnose() / account check', `${(entry.diagnoseShareOfCheck * 100).toFixed(3)} %`, 'under 1 %'],
          ['HTTP round trips per check', String(entry.roundTripsPerCheck), '2'],
          ['heap growth over two rounds of checks', entry.heapGrowthKiB.map((kib) => `${kib.toFixed(0)} kB`).join(', then '), 'flat'],
        ],
      ),
      '',
    );
  }
  if (findings.newConnections) {
    out.push('## New connections to a busy server (25 GETs, each on a connection of its own, sent at once)', '');
    const spread = (times: readonly number[]): string => `${fmt(times[0])} / ${fmt(percentile(times, 50))} / ${fmt(times[times.length - 1])}`;
    out.push(
      table(
        ['server', 'new connections, server idle: first / median / last ms', 'while 25 kept-alive connections keep it busy', 'the kept-alive ones meanwhile, p50 ms'],
        findings.newConnections.map((entry) => [entry.server, spread(entry.idleNewMs), spread(entry.busyNewMs), fmt(entry.busyKeptAliveP50Ms)]),
      ),
      '',
      'A Node.js server busy with kept-alive connections answers new ones one after another. The bot opens new connections to storage when a burst of turns needs more than it has open (or after 5 s idle, when Azurite has closed them), which is the tail of `help` at 50 conversations.',
      '',
    );
  }
  if (findings.dataSize) {
    const { bulk, rows } = findings.dataSize;
    out.push(
      `## Latency against data size (the seeded tenant vs. one with ${bulk.signIns.count.toLocaleString('en')} more sign-ins for ${bulk.signIns.user} and ${bulk.namesakes.count.toLocaleString('en')} more users named ${bulk.namesakes.surname}; 1 conversation, 0 ms upstream)`,
      '',
    );
    out.push(
      table(
        ['turn', 'requests', 'p50 ms seeded', 'p50 ms grown', '× seeded', 'bot CPU ms/turn seeded', 'grown', '× seeded'],
        rows.map((row) => [
          row.scenario,
          `${row.seeded.requests} → ${row.grown.requests}`,
          fmt(row.seeded.p50Ms),
          fmt(row.grown.p50Ms),
          ratio(row.p50Ratio),
          fmt(row.seeded.cpuMsPerTurn),
          fmt(row.grown.cpuMsPerTurn),
          ratio(row.cpuRatio),
        ]),
      ),
      '',
      'The sign-ins are read with `$filter` on the user and the last 24 hours and `$top=100` (the sign-in list refuses `$select`); the search with `$select`, `$top=10` and `$count`, so the grown tenant answers the same number of requests with pages of the same size.',
      '',
    );
  }
  if (findings.operatorActions && findings.operatorActions.length > 0) {
    out.push("## The operator's actions from report to fix, per seeded case (messages + button presses; choices on a confirmation beside them)", '');
    out.push(
      table(
        ['case', 'Unlock', 'choices', 'outcome', 'what the operator did', 'admin center', 'admin-center route'],
        findings.operatorActions.map((entry) => [
          entry.role,
          String(entry.count),
          String(entry.choices),
          entry.outcome,
          entry.actions.join('; '),
          entry.adminCenter.count ? String(entry.adminCenter.count) : '—',
          entry.adminCenter.route,
        ]),
      ),
      '',
    );
  }
  out.push('## Goals of issue 13', '');
  out.push(table(['goal', 'measured', 'met'], goals.map((goal) => [goal.goal, goal.measured, goal.met === undefined ? '—' : goal.met ? 'yes' : 'NO'])), '');
  return out.join('\n');
}
