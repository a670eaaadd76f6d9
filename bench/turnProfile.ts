/**
 * Developer tool (not part of npm run bench): CPU ms per turn of the help turn, the diagnosis turn and
 * the card click, and where it goes, in a bot under --cpu-prof. `node dist/bench/turnProfile.js [names]`.
 */
import { writeFileSync } from 'node:fs';
import { startFastConnector } from './connector';
import { runWindow, TurnDriver } from './load';
import { benchStorageEnv, startBenchStorage, startServer, startSimulatorProcess, startUnlock } from './processes';
import { SEEDED } from '../src/simulator/seeded';
import { profileScenario } from './profile';
import { cardClickToConfirm, conversations, diagnosisByAddress, diagnosisByName, help, OPERATOR } from './scenarios';

async function main(): Promise<void> {
  const wanted = (process.argv[2] ?? 'help,address,name,click').split(',');
  const all = { help, address: diagnosisByAddress, name: diagnosisByName, click: cardClickToConfirm };
  const connector = await startFastConnector();
  const tenant = await startSimulatorProcess(0);
  const storage = await startBenchStorage();
  const seconds = Number(process.env.SECONDS ?? 4);
  const conv = Number(process.env.CONV ?? 1);
  const out: Record<string, unknown> = {};
  try {
    if (process.env.AB) {
      const env = { PLAYGROUND: 'off', GRAPH_ENDPOINT: tenant.url, AZURE_TENANT_ID: SEEDED.tenantId, HELPDESK_GROUP_ID: SEEDED.helpdeskGroup.id, ...benchStorageEnv() };
      const bots = {
        A: await startServer({ name: 'A', main: process.env.AB, env }),
        B: await startServer({ name: 'B', main: `${__dirname}/../src/host/index.js`, env }),
      };
      console.log(`startup A ${bots.A.startupMs.toFixed(0)} B ${bots.B.startupMs.toFixed(0)}`);
      const drivers = { A: new TurnDriver(bots.A, connector, OPERATOR), B: new TurnDriver(bots.B, connector, OPERATOR) };
      const sums: Record<string, number[]> = {};
      for (let rep = 0; rep < Number(process.env.REPS ?? 3); rep++) {
        for (const key of wanted) {
          for (const which of rep % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const)) {
            const scenario = all[key as keyof typeof all];
            const driver = drivers[which];
            const chats = conversations(`ab-${which}-${key}-${rep}`, conv);
            if (scenario.prepare) for (const c of chats) await scenario.prepare(c, driver, { conversations: chats.length });
            const w = await runWindow({ scenario, driver, conversations: chats, seconds, maxTurns: 1e9, repetition: rep });
            (sums[`${key} ${which}`] ??= []).push(w.botCpuMsPerTurn);
            console.log(`${key} ${which} rep ${rep}: ${w.turns} turns, ${w.turnsPerSecond.toFixed(0)}/s, p50 ${w.p50Ms.toFixed(1)}, CPU ${w.botCpuMsPerTurn.toFixed(2)} ms/turn, fail ${w.failures}`);
          }
        }
      }
      for (const [k, v] of Object.entries(sums)) console.log(`${k}: median CPU ${[...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]?.toFixed(2)} ms/turn (${v.map((x) => x.toFixed(2)).join(', ')})`);
      drivers.A.close();
      drivers.B.close();
      await bots.A.stop();
      await bots.B.stop();
      return;
    }
    if (process.env.PLAIN) {
      const bot = await startUnlock({ graphEndpoint: tenant.url, env: process.env.BOT_STORAGE ? { STORAGE: process.env.BOT_STORAGE } : {} });
      const driver = new TurnDriver(bot, connector, OPERATOR);
      for (let rep = 0; rep < 3; rep++) {
        for (const key of wanted) {
          const scenario = all[key as keyof typeof all];
          const chats = conversations(`plain-${key}-${rep}`, conv);
          if (scenario.prepare) for (const c of chats) await scenario.prepare(c, driver, { conversations: chats.length });
          const w = await runWindow({ scenario, driver, conversations: chats, seconds, maxTurns: 1e9, repetition: rep });
          console.log(`${key} rep ${rep}: ${w.turns} turns, ${w.turnsPerSecond.toFixed(0)}/s, p50 ${w.p50Ms.toFixed(1)}, CPU ${w.botCpuMsPerTurn.toFixed(2)} ms/turn, fail ${w.failures}`);
        }
      }
      driver.close();
      await bot.stop();
      return;
    }
    for (const key of wanted) {
      const scenario = all[key as keyof typeof all];
      const summary = await profileScenario({ scenario, connector, tenant, conversations: conv, seconds, warmupSeconds: 2 });
      out[key] = summary;
      const perTurn = summary.busyMs / Math.max(summary.turns, 1);
      console.log(`\n== ${key}: ${summary.turns} turns, busy ${perTurn.toFixed(2)} ms/turn (profiled), /proc CPU ${summary.window.botCpuMsPerTurn.toFixed(2)} ms/turn`);
      for (const [title, list] of [['category', summary.byCategory], ['ours+libs', summary.oursWithLibraries], ['ours self', summary.oursSelf], ['packages', summary.packages], ['top', summary.topFunctions], ['internals by caller', summary.internalsByCaller]] as const) {
        console.log(`-- ${title}`);
        for (const e of list.slice(0, 14)) console.log(`   ${e.msPerTurn.toFixed(3).padStart(7)} ${e.percent.toFixed(1).padStart(5)}%  ${e.where}`);
      }
    }
    writeFileSync('/tmp/perf-turnprofile.json', JSON.stringify(out, null, 1));
  } finally {
    await storage.stop();
    await tenant.stop();
    await connector.stop();
  }
}
void main();
