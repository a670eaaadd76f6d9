/**
 * The load generator: N conversations, each a closed loop (post a Teams-shaped activity, wait for
 * the turn to finish, post the next), against a real server process over HTTP on loopback, for a
 * window bounded in time and in turns.
 *
 * A turn, as the user sees it: from the moment the POST to `/api/messages` is sent until both the
 * HTTP answer has arrived and, for a message, the bot's reply has reached the connector. CloudAdapter
 * answers the POST only after the turn's replies were sent, so for a message the answer comes last;
 * for an `adaptiveCard/action` invoke the card is the HTTP answer itself. A turn counts as served only
 * when the reply (or the invoke answer) holds the text the scenario expects: a fast error is a failure.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { FastConnector } from './connector';
import { cpuMs, type Server } from './processes';
import { percentile } from './stats';

export const TENANT_ID = '00000000-0000-0000-0000-0000000000001';

export interface Person {
  readonly id: string;
  readonly name: string;
}

export interface Conversation {
  readonly id: string;
  /** What `prepare` found for this conversation, e.g. the button a click scenario presses. */
  state?: Record<string, unknown>;
}

export interface Scenario {
  readonly name: string;
  readonly bot: 'echo' | 'unlock';
  readonly kind: 'message' | 'invoke';
  /** The activity's own fields for one turn (type, text, name, value). */
  turn(conversation: Conversation): Record<string, unknown>;
  /** For a message, text the reply at the connector must hold; for an invoke, text the HTTP answer must hold. */
  readonly expect: string;
  /** Untimed, before each window: what the turns need (a card to click). */
  prepare?(conversation: Conversation, driver: TurnDriver, window: { readonly conversations: number }): Promise<void>;
  /**
   * Turns this conversation still has prepared, for a scenario whose every turn uses up something
   * (a confirmation acts once): the conversation stops when none is left. Unlimited otherwise.
   */
  remaining?(conversation: Conversation): number;
}

export interface TurnOutcome {
  readonly ok: boolean;
  readonly ms: number;
  readonly status: number;
  /** The HTTP answer, and the replies at the connector when asked to capture them. */
  readonly body: string;
  readonly replies: readonly string[];
}

/** Posts activities to one server and follows their replies at the connector. */
export class TurnDriver {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 512 });
  private next = 0;

  constructor(
    readonly server: Server,
    readonly connector: FastConnector,
    private readonly from: Person,
  ) {}

  /** Teams' shape: msteams, the tenant in `conversation.tenantId` and `channelData`, the user's AAD id. */
  activity(conversation: Conversation, fields: Record<string, unknown>): Record<string, unknown> {
    this.next += 1;
    return {
      id: `bench${this.next}`,
      channelId: 'msteams',
      serviceUrl: this.connector.url,
      timestamp: new Date().toISOString(),
      locale: 'en-US',
      from: { id: `29:${this.from.id}`, name: this.from.name, aadObjectId: this.from.id },
      recipient: { id: '28:unlock-bot', name: 'Unlock' },
      conversation: { id: conversation.id, conversationType: 'personal', tenantId: TENANT_ID },
      channelData: { tenant: { id: TENANT_ID } },
      entities: [{ type: 'clientInfo', locale: 'en-US', timezone: 'Europe/Riga' }],
      ...fields,
    };
  }

  async send(
    conversation: Conversation,
    fields: Record<string, unknown>,
    expect: { kind: 'message' | 'invoke'; text: string; capture?: boolean },
  ): Promise<TurnOutcome> {
    const activity = this.activity(conversation, fields);
    const id = activity.id as string;
    const watch = expect.kind === 'message' ? this.connector.watch(id, expect.text, expect.capture) : undefined;
    const started = performance.now();
    try {
      const { status, body } = await this.post(JSON.stringify(activity));
      let ended = performance.now();
      if (watch && watch.received === 0 && status >= 200 && status < 300) {
        // Not expected with CloudAdapter (it answers after sending), but a reply may trail the answer.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 2000);
          watch.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      if (watch && watch.lastAt > ended) ended = watch.lastAt;
      const served = status >= 200 && status < 300 && (watch ? watch.matched > 0 : body.includes(expect.text));
      return { ok: served, ms: ended - started, status, body, replies: watch?.bodies ?? [] };
    } catch (error) {
      return { ok: false, ms: performance.now() - started, status: 0, body: String(error), replies: [] };
    } finally {
      this.connector.forget(id);
    }
  }

  private post(payload: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.server.url}/api/messages`,
        {
          method: 'POST',
          agent: this.agent,
          headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) },
          timeout: 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('no answer in 30 s')));
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface WindowResult {
  readonly scenario: string;
  readonly bot: 'echo' | 'unlock';
  readonly conversations: number;
  readonly repetition: number;
  readonly turns: number;
  readonly failures: number;
  readonly seconds: number;
  readonly turnsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** User + system CPU of the bot process per served turn, from /proc (10 ms ticks over the window). */
  readonly botCpuMsPerTurn: number;
  /** The same for the simulated tenant's process, when the bot calls one. */
  readonly tenantCpuMsPerTurn?: number;
  /** The load generator's and connector's own CPU (this process) per turn: what the bot competes with. */
  readonly loadCpuMsPerTurn: number;
  readonly firstFailure?: string;
}

export interface WindowOptions {
  readonly scenario: Scenario;
  readonly driver: TurnDriver;
  readonly conversations: readonly Conversation[];
  readonly seconds: number;
  readonly maxTurns: number;
  readonly repetition: number;
  /** Another process whose CPU the turns cost (the simulated tenant). */
  readonly tenantPid?: number;
}

/** Prepares every conversation, then runs them all as closed loops until the time or the turn budget is spent. */
export async function runWindow(options: WindowOptions): Promise<WindowResult> {
  const { scenario, driver, conversations } = options;
  if (scenario.prepare) {
    await Promise.all(conversations.map((conversation) => scenario.prepare?.(conversation, driver, { conversations: conversations.length })));
  }
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  let started = 0;
  const botPid = driver.server.child.pid ?? 0;
  const botCpuBefore = cpuMs(botPid);
  const tenantCpuBefore = options.tenantPid ? cpuMs(options.tenantPid) : 0;
  const loadCpuBefore = process.cpuUsage();
  const begin = performance.now();
  const deadline = begin + options.seconds * 1000;

  const loop = async (conversation: Conversation): Promise<void> => {
    while (performance.now() < deadline && started < options.maxTurns && (scenario.remaining?.(conversation) ?? 1) > 0) {
      started += 1;
      const outcome = await driver.send(conversation, scenario.turn(conversation), { kind: scenario.kind, text: scenario.expect });
      if (outcome.ok) {
        latencies.push(outcome.ms);
      } else {
        failures += 1;
        firstFailure ??= `HTTP ${outcome.status}: ${wordsOf(outcome.body) ?? outcome.body.slice(0, 300)}`;
      }
    }
  };
  await Promise.all(conversations.map(loop));

  const seconds = (performance.now() - begin) / 1000;
  const load = process.cpuUsage(loadCpuBefore);
  const botCpu = cpuMs(botPid) - botCpuBefore;
  const tenantCpu = options.tenantPid ? cpuMs(options.tenantPid) - tenantCpuBefore : undefined;
  const turns = latencies.length;
  latencies.sort((a, b) => a - b);
  return {
    scenario: scenario.name,
    bot: scenario.bot,
    conversations: conversations.length,
    repetition: options.repetition,
    turns,
    failures,
    seconds,
    turnsPerSecond: turns / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    botCpuMsPerTurn: botCpu / Math.max(turns, 1),
    ...(tenantCpu !== undefined ? { tenantCpuMsPerTurn: tenantCpu / Math.max(turns, 1) } : {}),
    loadCpuMsPerTurn: (load.user + load.system) / 1000 / Math.max(turns, 1),
    ...(firstFailure ? { firstFailure } : {}),
  };
}

/**
 * The words a card answer shows (its text blocks, in order), so a failure reads as what the
 * operator would have seen rather than the first 300 characters of the card's JSON.
 */
function wordsOf(body: string): string | undefined {
  try {
    const texts: string[] = [];
    JSON.stringify(JSON.parse(body), (key, value: unknown) => {
      if (key === 'text' && typeof value === 'string') texts.push(value);
      return value;
    });
    return texts.length > 0 ? texts.join(' | ').slice(0, 1000) : undefined;
  } catch {
    return undefined;
  }
}
