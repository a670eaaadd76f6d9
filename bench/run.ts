/**
 * `npm run bench`: Unlock measured from outside, as Teams and Graph see it, next to the floor of its
 * stack (a bare echo bot on the same botbuilder CloudAdapter and restify), on loopback in one process
 * tree. Ratios from one run are what to read: the machines are small and noisy. See bench/README.md.
 *
 * Processes: this one (load generator + fast connector), the echo bot, Unlock (as `npm start` runs it,
 * pointed with GRAPH_ENDPOINT at the simulated tenant and with STORAGE_CONNECTION_STRING at the run's
 * Azurite), the simulated tenant (as `npm run simulator` runs it) and that Azurite, each a child on
 * 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import { cpus, hostname, release } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { measureAccountCheck } from './accountCheck';
import { measureNewConnections } from './newConnections';
import { measureDataSize } from './dataSize';
import { CASES, operatorActions } from './operatorActions';
import { startFastConnector } from './connector';
import { TurnDriver, type Scenario, type WindowResult } from './load';
import {
  countRoundTrips,
  measureLoad,
  measureMemory,
  measureNpmStartLatency,
  measureStartup,
  measureUpstreamLatency,
  type MemoryResult,
  type RoundTrips,
} from './measure';
import { startBenchStorage, startEcho, startSimulatorProcess, startUnlock, UNLOCK_MAIN } from './processes';
import { profileScenario } from './profile';
import { evaluateGoals, printReport, summariseLoad, type Findings } from './report';
import {
  cardClickToConfirm,
  conversations,
  diagnosisByAddress,
  diagnosisByName,
  echoClick,
  echoMessage,
  growTenantForRemediation,
  help,
  OPERATOR,
  REMEDIATION_CLICKS_PER_WINDOW,
  remediationClick,
} from './scenarios';
import { readSettings, type Settings } from './settings';

/** Interleaved in this order within every repetition. */
const SCENARIOS: readonly Scenario[] = [echoMessage, help, diagnosisByAddress, diagnosisByName, echoClick, cardClickToConfirm, remediationClick];

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** The commit measured: `BENCH_COMMIT` when the tree is a copy without git, else `git rev-parse HEAD` (+ "dirty"). */
function commit(): string {
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT;
  try {
    const root = join(__dirname, '..', '..');
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'dialogs', 'cards'], { cwd: root, encoding: 'utf8' }).trim();
    return dirty ? `${head} + uncommitted changes in src/dialogs/cards` : head;
  } catch {
    return 'unknown';
  }
}

function machine(): Record<string, unknown> {
  return {
    nproc: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    kernel: release(),
    host: hostname(),
    date: new Date().toISOString(),
    commit: commit(),
  };
}

async function main(): Promise<void> {
  const settings = readSettings(process.env);
  const began = performance.now();
  const wants = (part: Settings['parts'][number]): boolean => settings.parts.includes(part);
  log(`Unlock benchmark (${settings.quick ? 'quick' : 'full'}): ${JSON.stringify(machine())}`);

  const connector = await startFastConnector();
  const tenant = await startSimulatorProcess(0);
  const storage = await startBenchStorage();
  let windows: WindowResult[] = [];
  const roundTrips: RoundTrips[] = [];
  const memory: MemoryResult[] = [];
  const findings: { -readonly [K in keyof Findings]?: Findings[K] } = {};
  try {
    if (wants('load')) {
      // A person of their own for every remediation click: the warm-up and every window, each window's
      // share rounded up per conversation.
      const perWindow = Math.max(...[10, ...settings.conversations].map((count) => Math.ceil(REMEDIATION_CLICKS_PER_WINDOW / count) * count));
      await growTenantForRemediation(tenant.url, perWindow * (1 + settings.conversations.length * settings.repetitions));
      const echo = await startEcho();
      const unlock = await startUnlock({ graphEndpoint: tenant.url });
      const drivers = { echo: new TurnDriver(echo, connector, OPERATOR), unlock: new TurnDriver(unlock, connector, OPERATOR) };
      try {
        log('\nGraph and Exchange requests per turn');
        const [chat] = conversations('round-trips', 1);
        const conversation = chat ?? { id: 'a:round-trips' };
        roundTrips.push(await countRoundTrips(drivers.unlock, tenant, diagnosisByAddress, 'diagnosis by address, first turn of the bot', conversation));
        roundTrips.push(await countRoundTrips(drivers.unlock, tenant, diagnosisByAddress, 'diagnosis by address', conversation));
        roundTrips.push(await countRoundTrips(drivers.unlock, tenant, diagnosisByName, 'diagnosis by name', conversation));
        roundTrips.push(await countRoundTrips(drivers.unlock, tenant, help, 'help', conversation));
        for (const entry of roundTrips) log(`  ${entry.scenario}: ${entry.requests} (${entry.calls.join('; ')})`);
        log(`\nLoad: ${settings.repetitions} × ${settings.windowSeconds} s windows at ${settings.conversations.join(' / ')} conversations, interleaved`);
        windows = await measureLoad({ settings, scenarios: SCENARIOS, drivers, ...(tenant.child.pid ? { tenantPid: tenant.child.pid } : {}) });
      } finally {
        drivers.echo.close();
        drivers.unlock.close();
        await echo.stop();
        await unlock.stop();
      }
    }
    if (wants('latency')) {
      log(`\nDiagnosis at ${settings.upstreamLatencyMs} ms upstream latency (npm run simulator with SIMULATOR_LATENCY_MS)`);
      findings.latency = await measureUpstreamLatency(settings, connector);
      findings.npmStartLatency = await measureNpmStartLatency(settings, connector);
      log(`  npm start with SIMULATOR_LATENCY_MS=${settings.upstreamLatencyMs}: diagnosis p50 ${findings.npmStartLatency.diagnosisP50Ms.toFixed(1)} ms`);
    }
    if (wants('startup')) {
      log(`\nStart-up: ${settings.startupRuns} starts of each server, interleaved`);
      findings.startup = await measureStartup(settings, tenant);
    }
    if (wants('memory')) {
      log(`\nMemory: 3 rounds of ${settings.roundTurns} turns on a fresh server`);
      memory.push(await measureMemory({ settings, connector, bot: 'unlock', tenant }));
      memory.push(await measureMemory({ settings, connector, bot: 'echo' }));
    }
    if (wants('dataSize')) {
      log('\nLatency against data size: the seeded tenant and one with 10,000 more sign-ins and 1,000 more namesakes');
      findings.dataSize = await measureDataSize(settings, connector, log);
    }
    if (wants('actions')) {
      log("\nThe operator's actions from report to fix, for each seeded case");
      // Memory storage: a fresh store each run, so no claim from an earlier run answers "already done";
      // one scripted operator runs every case, far past the limit on resets one operator may make.
      const actionsTenant = await startSimulatorProcess(0);
      const bot = await startUnlock({ graphEndpoint: actionsTenant.url, env: { STORAGE: 'memory', LIMIT_RESET_PASSWORD_PER_OPERATOR: '1000/15m' } });
      const driver = new TurnDriver(bot, connector, OPERATOR);
      try {
        const cases = [];
        for (const role of CASES) {
          const [chat] = conversations(`actions-${role}`, 1);
          const result = await operatorActions(driver, role, chat ?? { id: `a:actions-${role}` });
          log(`  ${role}: ${result.count} (${result.outcome}): ${result.actions.join('; ')}`);
          cases.push(result);
        }
        findings.operatorActions = cases;
      } finally {
        driver.close();
        await bot.stop();
        await actionsTenant.stop();
      }
    }
    if (wants('connections')) {
      log('\nNew connections to a busy server: Azurite and a bare Node.js http server');
      findings.newConnections = await measureNewConnections(storage.connectionString);
    }
    if (wants('profile')) {
      log(`\nCPU profile of ${diagnosisByAddress.name} at ${settings.profileConversations} conversations (node --cpu-prof on the bot)`);
      findings.profile = await profileScenario({
        scenario: diagnosisByAddress,
        connector,
        tenant,
        conversations: settings.profileConversations,
        seconds: settings.profileSeconds,
        warmupSeconds: settings.warmupSeconds,
      });
    }
  } finally {
    await storage.stop();
    await tenant.stop();
    await connector.stop();
  }
  if (wants('accountCheck')) {
    log('\nThe account check alone, in this process');
    findings.accountCheck = await measureAccountCheck({ quick: settings.quick });
  }

  const kinds = new Map(SCENARIOS.map((scenario) => [scenario.name, scenario.kind]));
  const complete: Findings = { ...findings, load: summariseLoad(windows, kinds), roundTrips, memory };
  const goals = evaluateGoals(complete);
  log(`\n${printReport(complete, goals)}`);

  const results = {
    machine: machine(),
    settings,
    runSeconds: (performance.now() - began) / 1000,
    processes:
      `this process: load generator + fast connector; children: echo bot, Unlock (${relative(join(__dirname, '..', '..'), UNLOCK_MAIN)}, GRAPH_ENDPOINT → the simulated tenant, STORAGE_CONNECTION_STRING → the run's Azurite), simulated tenant (dist/src/simulator/main.js), Azurite (one for the run, a temporary folder); all on 127.0.0.1`,
    turn: 'POST /api/messages sent → HTTP answer received and, for a message, its reply received at the connector; served only if the reply (or invoke answer) holds the expected text',
    ...complete,
    goals,
    windows,
  };
  const stem = join(__dirname, '..', '..', 'bench', settings.quick ? 'results-quick' : 'results');
  writeFileSync(`${stem}.json`, `${JSON.stringify(results, null, 2)}\n`);
  const about = results.machine as { nproc: number; cpuModel: string; node: string; date: string; commit: string };
  const heading =
    `# npm run bench (${settings.quick ? 'quick' : 'full'}), ${about.date}\n\n` +
    `${about.nproc} × ${about.cpuModel}, Node ${about.node}, commit ${about.commit}; ` +
    `${settings.repetitions} × ${settings.windowSeconds} s windows; ${results.runSeconds.toFixed(0)} s in all. Raw figures: ${settings.quick ? 'results-quick' : 'results'}.json.\n\n`;
  writeFileSync(`${stem}.md`, heading + printReport(complete, goals));
  log(`Results: ${stem}.json and ${stem}.md (${results.runSeconds.toFixed(0)} s)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`The benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
