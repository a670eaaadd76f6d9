/**
 * "At most once" for changes to an account: before a write, its step is claimed on the target
 * user's record in shared storage with a compare-and-swap, so double clicks, replays, and two
 * operators on two cards for the same person (on two instances) make one write. A claim holds for
 * a short while after the write too: a second "Reset password" a minute later is refused with who
 * did it, instead of silently replacing the password the first operator just handed out.
 */
import type { Storage } from 'botbuilder';
import { compareAndSwap, get, put } from './compareAndSwap';

export interface ActionClaim {
  readonly by: string;
  readonly name: string;
  readonly at: string;
  readonly state: 'running' | 'done';
}

interface TargetRecord {
  readonly claims: Readonly<Record<string, ActionClaim>>;
}

export type ClaimResult =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'taken'; readonly claim: ActionClaim }
  | { readonly kind: 'missing' };

/** How long a claim, running or done, keeps the same step on the same user from running again. */
export const CLAIM_HOLD_MS = 2 * 60 * 1000;

export interface ActionClaims {
  /**
   * Makes sure the user's record exists. Called when a card is shown, long before any click, because
   * a store cannot create an item on condition that it is absent.
   */
  prepare(targetId: string): Promise<void>;
  claim(targetId: string, step: string, claimant: { by: string; name: string }, now: Date): Promise<ClaimResult>;
  /** After the write: `done` keeps the claim for the hold time, `failed` gives the step back. */
  settle(targetId: string, step: string, by: string, outcome: 'done' | 'failed', now: Date): Promise<void>;
}

export class StorageActionClaims implements ActionClaims {
  constructor(private readonly storage: Storage) {}

  async prepare(targetId: string): Promise<void> {
    const key = this.key(targetId);
    if ((await get<TargetRecord>(this.storage, key)) === undefined) {
      await put<TargetRecord>(this.storage, key, { claims: {} });
    }
  }

  async claim(targetId: string, step: string, claimant: { by: string; name: string }, now: Date): Promise<ClaimResult> {
    let taken: ActionClaim | undefined;
    const attempt = () =>
      compareAndSwap<TargetRecord>(this.storage, this.key(targetId), (record) => {
        const current = record.claims[step];
        if (current && now.getTime() - Date.parse(current.at) < CLAIM_HOLD_MS) {
          taken = current;
          return undefined;
        }
        return { claims: { ...live(record.claims, now), [step]: { ...claimant, at: now.toISOString(), state: 'running' } } };
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
      throw new Error(`Could not claim ${step} on ${targetId}.`);
    }
    return { kind: 'taken', claim: taken };
  }

  async settle(targetId: string, step: string, by: string, outcome: 'done' | 'failed', now: Date): Promise<void> {
    await compareAndSwap<TargetRecord>(this.storage, this.key(targetId), (record) => {
      const current = record.claims[step];
      // Only our own running claim: one that ran out and was taken by someone else is theirs.
      if (!current || current.by !== by || current.state !== 'running') {
        return undefined;
      }
      const { [step]: _settled, ...others } = record.claims;
      return { claims: outcome === 'failed' ? others : { ...others, [step]: { ...current, at: now.toISOString(), state: 'done' } } };
    });
  }

  private key(targetId: string): string {
    return `unlock/claims/${encodeURIComponent(targetId)}`;
  }
}

/** Claims still holding; older ones are dropped so the record does not grow. */
function live(claims: Readonly<Record<string, ActionClaim>>, now: Date): Record<string, ActionClaim> {
  return Object.fromEntries(Object.entries(claims).filter(([, claim]) => now.getTime() - Date.parse(claim.at) < CLAIM_HOLD_MS));
}
