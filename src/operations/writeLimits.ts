/**
 * Limits on how often a sensitive step runs: per operator (a stolen or abused helpdesk account resets
 * many people fast) and per target (an impostor calling again and again about one person). Each step
 * brings its defaults (`WriteStep.limits`); `LIMIT_<NAME>_PER_OPERATOR` / `_PER_TARGET` change them
 * (`host/config.ts`). Counted in a shared ledger at the confirming click, before the write is made, so
 * the count holds across instances and restarts; a write that does not happen takes its entries back.
 * Whether one more fits is `policy.withinLimit`'s call.
 */
import { randomUUID } from 'node:crypto';
import type { RateLimit, StepLimits, WriteStep } from '../steps/step';
import { withinLimit, type LimitReached } from './policy';
import type { WriteLedger } from './ports';

/** The limits in force for one step: its defaults, or what the configuration says; `off` lifts one. */
export interface LimitSetting {
  readonly perOperator?: RateLimit | 'off';
  readonly perTarget?: RateLimit | 'off';
}

/** By step id, as `host/config.ts` reads them from the environment. */
export type LimitSettings = Readonly<Record<string, LimitSetting>>;

export type LimitTaken = { readonly kind: 'taken'; release(): Promise<void> } | LimitReached;

interface Counted {
  readonly key: string;
  readonly scope: LimitReached['scope'];
  readonly limit: RateLimit;
}

export class WriteLimits {
  constructor(
    private readonly ledger: WriteLedger,
    private readonly settings: LimitSettings = {},
  ) {}

  /** The limits in force for a step: each scope from the settings when they name it, else the step's own. */
  limitsOf(step: WriteStep): { readonly perOperator?: RateLimit; readonly perTarget?: RateLimit } {
    const setting = this.settings[step.id] ?? {};
    const pick = (configured: RateLimit | 'off' | undefined, own: RateLimit | undefined): RateLimit | undefined =>
      configured === 'off' ? undefined : (configured ?? own);
    const perOperator = pick(setting.perOperator, step.limits?.perOperator);
    const perTarget = pick(setting.perTarget, step.limits?.perTarget);
    return { ...(perOperator ? { perOperator } : {}), ...(perTarget ? { perTarget } : {}) };
  }

  /** Whether one more would fit now, without counting it: said when a step is offered, so nobody verifies a caller for nothing. */
  async check(step: WriteStep, operatorId: string, targetId: string, now: Date): Promise<LimitReached | undefined> {
    for (const counted of this.counted(step, operatorId, targetId)) {
      const refused = withinLimit(counted.scope, counted.limit, await this.ledger.recent(counted.key, windowMs(counted.limit), now));
      if (refused) return refused;
    }
    return undefined;
  }

  /**
   * Counts this write in every limit of the step, or answers the first limit it would pass (then
   * nothing stays counted). Operator first, then target: a refusal by the target's count gives the
   * operator's entry back.
   */
  async take(step: WriteStep, operatorId: string, targetId: string, now: Date): Promise<LimitTaken> {
    const entry = { id: randomUUID(), at: now.toISOString() };
    const taken: Counted[] = [];
    const release = async (): Promise<void> => {
      await Promise.all(taken.map((counted) => this.ledger.remove(counted.key, entry.id)));
    };
    for (const counted of this.counted(step, operatorId, targetId)) {
      let refusal: LimitReached | undefined;
      const result = await this.ledger.record(
        counted.key,
        entry,
        windowMs(counted.limit),
        (recent) => {
          refusal = withinLimit(counted.scope, counted.limit, recent);
          return refusal === undefined;
        },
        now,
      );
      if (result.kind === 'refused') {
        await release();
        return refusal ?? { ...(withinLimit(counted.scope, counted.limit, result.recent) as LimitReached) };
      }
      taken.push(counted);
    }
    return { kind: 'taken', release };
  }

  private counted(step: WriteStep, operatorId: string, targetId: string): Counted[] {
    const { perOperator, perTarget } = this.limitsOf(step);
    return [
      ...(perOperator ? [{ key: `operator/${operatorId}/${step.id}`, scope: 'operator' as const, limit: perOperator }] : []),
      ...(perTarget ? [{ key: `target/${targetId}/${step.id}`, scope: 'target' as const, limit: perTarget }] : []),
    ];
  }
}

function windowMs(limit: RateLimit): number {
  return limit.windowMinutes * 60_000;
}

/** The defaults every step brings, for the README and the configuration's error messages. */
export function defaultLimits(steps: readonly { readonly id: string; readonly kind: string; readonly limits?: StepLimits }[]): ReadonlyArray<{ id: string; limits: StepLimits }> {
  return steps.flatMap((step) => (step.kind === 'write' && step.limits ? [{ id: step.id, limits: step.limits }] : []));
}
