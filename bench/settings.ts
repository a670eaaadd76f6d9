/**
 * How long and how often `npm run bench` measures. The defaults keep a whole run under about ten
 * minutes on a 2-core machine; `BENCH_QUICK=1` runs every part briefly, to check the harness.
 *
 *   BENCH_QUICK=1             short windows, 2 repetitions, small memory rounds
 *   BENCH_WINDOW_S            seconds per load window                     (4; quick 1.5)
 *   BENCH_REPS                interleaved repetitions of every scenario   (3; quick 2)
 *   BENCH_CONVERSATIONS       concurrent conversations, comma-separated   (1,10,50)
 *   BENCH_MAX_TURNS           turns per window at most                    (20000)
 *   BENCH_ROUND_TURNS         diagnosis turns per memory round            (2000; quick 300)
 *   BENCH_STARTUP_RUNS        starts of each server                       (5; quick 3)
 *   BENCH_LATENCY_WINDOW_S    seconds per window at 200 ms upstream       (8; quick 3)
 *   BENCH_PROFILE_S           seconds of the profiled window              (8; quick 3)
 *   BENCH_PARTS               which parts, comma-separated                (load,latency,startup,memory,profile,accountCheck,dataSize,actions,connections)
 *   BENCH_LOGS                a directory for the servers' stdout, one file each (none)
 *   BENCH_HTTP_TRACE=1        with BENCH_LOGS: each server's outgoing HTTP requests too (httpTrace.ts)
 */
export interface Settings {
  readonly quick: boolean;
  readonly windowSeconds: number;
  readonly repetitions: number;
  readonly conversations: readonly number[];
  readonly maxTurnsPerWindow: number;
  readonly warmupSeconds: number;
  readonly roundTurns: number;
  readonly startupRuns: number;
  readonly upstreamLatencyMs: number;
  readonly latencyWindowSeconds: number;
  readonly profileSeconds: number;
  readonly profileConversations: number;
  readonly parts: readonly Part[];
}

export const PARTS = ['load', 'latency', 'startup', 'memory', 'profile', 'accountCheck', 'dataSize', 'actions', 'connections'] as const;
export type Part = (typeof PARTS)[number];

export function readSettings(env: Readonly<Record<string, string | undefined>>): Settings {
  const quick = env.BENCH_QUICK === '1';
  const number = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}=${raw}: expected a positive number`);
    return value;
  };
  const conversations = (env.BENCH_CONVERSATIONS ?? '1,10,50').split(',').map((item) => Number(item.trim()));
  if (conversations.some((count) => !Number.isInteger(count) || count < 1)) {
    throw new Error(`BENCH_CONVERSATIONS=${env.BENCH_CONVERSATIONS}: expected whole numbers, e.g. 1,10,50`);
  }
  const parts = (env.BENCH_PARTS ?? PARTS.join(',')).split(',').map((item) => item.trim());
  for (const part of parts) {
    if (!(PARTS as readonly string[]).includes(part)) throw new Error(`BENCH_PARTS: "${part}" is not one of ${PARTS.join(', ')}`);
  }
  return {
    quick,
    windowSeconds: number('BENCH_WINDOW_S', quick ? 1.5 : 4),
    repetitions: Math.round(number('BENCH_REPS', quick ? 2 : 3)),
    conversations,
    maxTurnsPerWindow: Math.round(number('BENCH_MAX_TURNS', 20_000)),
    warmupSeconds: quick ? 1 : 3,
    roundTurns: Math.round(number('BENCH_ROUND_TURNS', quick ? 300 : 2000)),
    startupRuns: Math.round(number('BENCH_STARTUP_RUNS', quick ? 3 : 5)),
    upstreamLatencyMs: 200,
    latencyWindowSeconds: number('BENCH_LATENCY_WINDOW_S', quick ? 3 : 8),
    profileSeconds: number('BENCH_PROFILE_S', quick ? 3 : 8),
    profileConversations: 10,
    parts: parts as Part[],
  };
}
