/**
 * "At most once" for changes to an account: before a write, its step is claimed on the target
 * user's record in shared storage with a compare-and-swap, so double clicks, replays, and two
 * operators on two cards for the same person (on two instances) make one write. A claim holds for
 * a short while after the write too: a second "Reset password" a minute later is refused with who
 * did it, instead of silently replacing the password the first operator just handed out.
 * This one works on any botbuilder `Storage` and serves `STORAGE=memory`; with Blob Storage,
 * `blobActionClaims.ts` creates claims on condition of absence instead of needing `prepare`.
 */
import type { Storage } from 'botbuilder';
import type { ActionClaim, ActionClaims, ClaimResult, HeldClaim } from '../../operations/ports';
import { compareAndSwap, get, put } from './compareAndSwap';

interface TargetRecord {
  readonly claims: Readonly<Record<string, ActionClaim>>;
}

/** How long a claim, running or done, keeps the same step on the same user from running again. */
export const CLAIM_HOLD_MS = 2 * 60 * 1000;

export class StorageActionClaims implements ActionClaims {
  constructor(private readonly storage: Storage) {}

  async prepare(targetId: string): Promise<void> {
    const key = this.key(targetId);
    if ((await get<TargetRecord>(this.storage, key)) === undefined) {
      await put<TargetRecord>(this.storage, key, { claims: {} });
    }
  }

  async claim(targetId: string, key: string, claimant: { by: string; name: string; step: string; holdMs?: number }, now: Date): Promise<ClaimResult> {
    let taken: ActionClaim | undefined;
    const attempt = () =>
      compareAndSwap<TargetRecord>(this.storage, this.key(targetId), (record) => {
        const current = record.claims[key];
        if (current && holds(current, now)) {
          taken = current;
          return undefined;
        }
        return { claims: { ...live(record.claims, now), [key]: { ...claimant, at: now.toISOString(), state: 'running' } } };
      });
    const result = await attempt();
    if (result.kind === 'missing') {
      // The record is made when the card is shown; recreating it here could let two racing claims
      // both win. A card whose record is gone (a restart of an in-memory store) is a stale card.
      return { kind: 'missing' };
    }
    if (result.kind === 'updated') {
      return { kind: 'claimed' };
    }
    if (!taken) {
      throw new Error(`Could not claim ${key} on ${targetId}.`);
    }
    return { kind: 'taken', claim: withHold(taken) };
  }

  async held(targetId: string, key: string, now: Date): Promise<HeldClaim | undefined> {
    const current = (await get<TargetRecord>(this.storage, this.key(targetId)))?.claims[key];
    return current && holds(current, now) ? withHold(current) : undefined;
  }

  async settle(targetId: string, key: string, by: string, outcome: 'done' | 'failed', now: Date): Promise<void> {
    await compareAndSwap<TargetRecord>(this.storage, this.key(targetId), (record) => {
      const current = record.claims[key];
      // Only our own running claim: one that ran out and was taken by someone else is theirs.
      if (!current || current.by !== by || current.state !== 'running') {
        return undefined;
      }
      const { [key]: _settled, ...others } = record.claims;
      return { claims: outcome === 'failed' ? others : { ...others, [key]: { ...current, at: now.toISOString(), state: 'done' } } };
    });
  }

  private key(targetId: string): string {
    return `unlock/claims/${encodeURIComponent(targetId)}`;
  }
}

/** Claims still holding; older ones are dropped so the record does not grow. */
function live(claims: Readonly<Record<string, ActionClaim>>, now: Date): Record<string, ActionClaim> {
  return Object.fromEntries(Object.entries(claims).filter(([, claim]) => holds(claim, now)));
}

/** Whether a claim still keeps its step (or its confirmation) from running again. */
export function holds(claim: ActionClaim, now: Date): boolean {
  return now.getTime() - Date.parse(claim.at) < (claim.holdMs ?? CLAIM_HOLD_MS);
}

/** The claim with its hold spelled out, so whoever is refused can be told when it lets go. */
export function withHold(claim: ActionClaim): HeldClaim {
  return { ...claim, holdMs: claim.holdMs ?? CLAIM_HOLD_MS };
}
