/**
 * Where the bot's CPU goes in one scenario: the bot child runs under `node --cpu-prof`, the load runs
 * for one window, and the profile's samples taken during that window are summed by where they land.
 *   - self: samples whose innermost frame is the function
 *   - self + libraries: samples attributed to the innermost frame of OUR code on the stack, so time
 *     spent in botbuilder, Intl, JSON or the template engine on our behalf counts against our caller
 * "Our code" is what `src/`, `dialogs/` and `cards/` compile to (`dist/src`, `dist/dialogs`, `dist/cards`).
 * The bot runs from those compiled modules, not from npm start's one-file bundle, where every frame
 * would name the bundle and nothing could be told apart; a turn runs the same code either way.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastConnector } from './connector';
import { runWindow, TurnDriver, type Scenario, type WindowResult } from './load';
import { startUnlock, stopChild, UNLOCK_MODULES_MAIN, type Server } from './processes';
import { conversations, OPERATOR } from './scenarios';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  readonly where: string;
  readonly ms: number;
  readonly msPerTurn: number;
  readonly percent: number;
}

export interface ProfileSummary {
  readonly scenario: string;
  readonly conversations: number;
  readonly turns: number;
  /** Busy (not idle) ms sampled in the window. */
  readonly busyMs: number;
  /** Busy ms with a frame of our code somewhere on the stack (our code and what it called synchronously). */
  readonly underOurCodeMs: number;
  readonly sampledFromWindowOnly: boolean;
  readonly byCategory: readonly ProfileEntry[];
  readonly oursSelf: readonly ProfileEntry[];
  readonly oursWithLibraries: readonly ProfileEntry[];
  readonly packages: readonly ProfileEntry[];
  /** Node's own modules by self time (undici is Node's fetch, which the Graph client and our Exchange client use). */
  readonly nodeModules: readonly ProfileEntry[];
  /** Time in Node internals and builtins, by the nearest frame up the stack in a package or our code: who asked. */
  readonly internalsByCaller: readonly ProfileEntry[];
  readonly topFunctions: readonly ProfileEntry[];
  readonly window: WindowResult;
}

const OURS = /\/dist\/((?:src|dialogs|cards)\/.*)\.js$/;

/** `file:///…/dist/src/i18n/text.js` → `src/i18n/text.ts`, or undefined when not our code. */
function ourFile(url: string): string | undefined {
  const match = OURS.exec(url);
  return match ? `${match[1]}.ts` : undefined;
}

function packageOf(url: string): string | undefined {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  return match?.[1];
}

function category(frame: CallFrame): string {
  if (frame.functionName === '(idle)') return '(idle)';
  if (frame.functionName === '(garbage collector)') return 'garbage collector';
  if (frame.functionName === '(program)' || frame.functionName === '(root)') return 'V8/native (program)';
  if (ourFile(frame.url)) return 'our code (src, dialogs, cards)';
  const pkg = packageOf(frame.url);
  if (pkg) return `node_modules`;
  if (frame.url.startsWith('node:')) return 'node internals';
  if (frame.url === '') return 'builtins (JSON, Intl, RegExp, …)';
  return 'other';
}

function label(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  const file = ourFile(frame.url);
  if (file) return `${file}:${name}`;
  const pkg = packageOf(frame.url);
  if (pkg) return `${pkg} ${name}`;
  if (frame.url.startsWith('node:')) return `${frame.url} ${name}`;
  return name;
}

/** Sums a profile's samples inside [fromUs, toUs] (V8's monotonic clock, the same as process.hrtime). */
export function summariseProfile(profile: CpuProfile, turns: number, window: { fromUs: number; toUs: number }) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  // Sample i lasts until sample i+1.
  const times: number[] = [];
  let clock = profile.startTime;
  for (const delta of profile.timeDeltas) {
    clock += delta;
    times.push(clock);
  }
  let inWindow = profile.samples.map((_, index) => (times[index] ?? 0) >= window.fromUs && (times[index] ?? 0) <= window.toUs);
  const sampledFromWindowOnly = inWindow.some(Boolean);
  if (!sampledFromWindowOnly) inWindow = profile.samples.map(() => true);

  const self = new Map<string, number>();
  const withLibraries = new Map<string, number>();
  const categories = new Map<string, number>();
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  const internals = new Map<string, number>();
  const internalsByCaller = new Map<string, number>();
  let underOurCodeUs = 0;
  const add = (map: Map<string, number>, key: string, us: number): void => void map.set(key, (map.get(key) ?? 0) + us);

  profile.samples.forEach((id, index) => {
    if (!inWindow[index]) return;
    const us = (times[index + 1] ?? profile.endTime) - (times[index] ?? profile.endTime);
    const node = byId.get(id);
    if (!node || us <= 0) return;
    const frame = node.callFrame;
    const kind = category(frame);
    add(categories, kind, us);
    if (kind === '(idle)') return;
    add(functions, label(frame), us);
    const pkg = packageOf(frame.url);
    if (pkg) add(packages, pkg, us);
    if (frame.url.startsWith('node:')) add(internals, frame.url, us);
    if (kind === 'node internals' || kind.startsWith('builtins')) {
      let caller = 'nothing of ours or a package (event loop)';
      for (let at = parent.get(id); at !== undefined; at = parent.get(at)) {
        const ancestor = byId.get(at)?.callFrame;
        if (!ancestor) break;
        const where = ourFile(ancestor.url) ? label(ancestor) : packageOf(ancestor.url);
        if (where) {
          caller = where;
          break;
        }
      }
      add(internalsByCaller, caller, us);
    }
    if (ourFile(frame.url)) add(self, label(frame), us);
    // Walk up to the innermost frame of our code: it asked for this work.
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const ancestor = byId.get(at);
      if (ancestor && ourFile(ancestor.callFrame.url)) {
        add(withLibraries, label(ancestor.callFrame), us);
        underOurCodeUs += us;
        break;
      }
    }
  });

  const busyUs = [...categories.entries()].filter(([key]) => key !== '(idle)').reduce((sum, [, us]) => sum + us, 0);
  const top = (map: Map<string, number>, count: number): ProfileEntry[] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([where, us]) => ({ where, ms: us / 1000, msPerTurn: us / 1000 / Math.max(turns, 1), percent: (100 * us) / Math.max(busyUs, 1) }));
  return {
    busyMs: busyUs / 1000,
    underOurCodeMs: underOurCodeUs / 1000,
    sampledFromWindowOnly,
    byCategory: top(new Map([...categories.entries()].filter(([key]) => key !== '(idle)')), 20),
    oursSelf: top(self, 15),
    oursWithLibraries: top(withLibraries, 15),
    packages: top(packages, 10),
    nodeModules: top(internals, 10),
    internalsByCaller: top(internalsByCaller, 12),
    topFunctions: top(functions, 20),
  };
}

/** Starts a bot under `--cpu-prof`, warms it, runs one window of `scenario`, and reads the profile. */
export async function profileScenario(options: {
  scenario: Scenario;
  connector: FastConnector;
  tenant: Server;
  conversations: number;
  seconds: number;
  warmupSeconds: number;
}): Promise<ProfileSummary> {
  const directory = mkdtempSync(join(tmpdir(), 'unlock-cpu-prof-'));
  let bot: Server | undefined;
  try {
    bot = await startUnlock({ graphEndpoint: options.tenant.url, main: UNLOCK_MODULES_MAIN, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${directory}`] });
    const driver = new TurnDriver(bot, options.connector, OPERATOR);
    const chats = conversations(`profile-${options.scenario.name}`, options.conversations);
    await runWindow({ scenario: options.scenario, driver, conversations: chats, seconds: options.warmupSeconds, maxTurns: 1e9, repetition: 0 });
    const fromUs = Number(process.hrtime.bigint() / 1000n);
    const window = await runWindow({
      scenario: options.scenario,
      driver,
      conversations: chats,
      seconds: options.seconds,
      maxTurns: 1e9,
      repetition: 1,
      ...(options.tenant.child.pid ? { tenantPid: options.tenant.child.pid } : {}),
    });
    const toUs = Number(process.hrtime.bigint() / 1000n);
    driver.close();
    // Unlock exits on SIGTERM through process.exit, which writes the profile.
    await stopChild(bot.child, 20_000);
    const file = readdirSync(directory).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('the bot wrote no CPU profile');
    const profile = JSON.parse(readFileSync(join(directory, file), 'utf8')) as CpuProfile;
    return {
      scenario: options.scenario.name,
      conversations: options.conversations,
      turns: window.turns,
      window,
      ...summariseProfile(profile, window.turns, { fromUs, toUs }),
    };
  } finally {
    if (bot) await stopChild(bot.child);
    rmSync(directory, { recursive: true, force: true });
  }
}
