/**
 * "Can this instance serve turns now?" for `GET /readyz`: each named check (storage answers, a Graph
 * token can be had) runs with a time limit. Answers are reused for a few seconds, so a probe every few
 * seconds (or someone hammering a public endpoint) costs at most one round of checks per interval.
 * Failures are logged with their reason; the HTTP answer names only the check.
 */
import type { Logger } from '../adapters/logging';

export type CheckState = 'ok' | 'failed';

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, CheckState>>;
}

export interface Readiness {
  check(): Promise<ReadinessReport>;
}

export function createReadiness(
  checks: Readonly<Record<string, () => Promise<unknown>>>,
  logger: Logger,
  options: { readonly timeoutMs?: number; readonly reuseMs?: number } = {},
): Readiness {
  const timeoutMs = options.timeoutMs ?? 3_000;
  const reuseMs = options.reuseMs ?? 5_000;
  let last: { report: Promise<ReadinessReport>; at: number } | undefined;

  const run = async (): Promise<ReadinessReport> => {
    const entries = await Promise.all(
      Object.entries(checks).map(async ([name, check]): Promise<[string, CheckState]> => {
        try {
          await withTimeout(check(), timeoutMs);
          return [name, 'ok'];
        } catch (error) {
          logger.warn({ check: name, err: error instanceof Error ? error.message.slice(0, 300) : String(error) }, 'readiness check failed');
          return [name, 'failed'];
        }
      }),
    );
    return { ready: entries.every(([, state]) => state === 'ok'), checks: Object.fromEntries(entries) };
  };

  return {
    check: () => {
      if (!last || Date.now() - last.at > reuseMs) {
        last = { report: run(), at: Date.now() };
      }
      return last.report;
    },
  };
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
