/**
 * What every call made while serving one turn can know about it, without passing it down: the
 * correlation id that ties its log lines together, and the deadline by which Teams wants an answer.
 * Teams gives up on a card action's invoke after a few seconds; a retry that would wait past the
 * deadline is not made, and the user hears "throttled, try again" instead of silence.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface TurnScope {
  readonly correlationId: string;
  /** `Date.now()` by which the turn should be answered. */
  readonly deadline: number;
}

/** How long a turn may spend waiting on Graph and Exchange, retries included. */
export const TURN_BUDGET_MS = 10_000;

const scope = new AsyncLocalStorage<TurnScope>();

export function withTurnScope<T>(run: () => Promise<T>, budgetMs: number = TURN_BUDGET_MS): Promise<T> {
  return scope.run({ correlationId: randomUUID(), deadline: Date.now() + budgetMs }, run);
}

export function currentCorrelationId(): string | undefined {
  return scope.getStore()?.correlationId;
}

/** Milliseconds left in this turn; unlimited outside a turn (start-up, benchmarks, tests of a service). */
export function remainingTurnMs(): number {
  const deadline = scope.getStore()?.deadline;
  return deadline === undefined ? Number.POSITIVE_INFINITY : deadline - Date.now();
}

/** Whether waiting `seconds` still leaves the turn time to answer. */
export function canWaitInTurn(seconds: number): boolean {
  return seconds * 1000 < remainingTurnMs() - 1000;
}

/** Requests outside a turn still give up at some point. */
const MAX_REQUEST_MS = 30_000;

/**
 * An abort signal for one request: it fires when the turn's time is up (or after 30 s), so a
 * service that never answers cannot hold the turn past the moment Teams stops waiting.
 */
export function requestSignal(): AbortSignal {
  return AbortSignal.timeout(Math.max(1, Math.min(MAX_REQUEST_MS, remainingTurnMs())));
}
