/**
 * At-most-once claims in Azure Blob Storage, for several instances sharing one container. Each
 * (user, step) has its own small blob, `claims/<user id>/<claim key>`:
 * - the first claim creates it with `If-None-Match: *`, which the service lets exactly one writer win
 *   (the others get 409 `BlobAlreadyExists`). botbuilder's `BlobsStorage` cannot do this: it writes
 *   unconditionally when an item has no ETag, so two instances could both "create" and both win;
 * - a claim that ran out is taken over with `If-Match: <ETag>`, so again one writer wins;
 * - settling replaces (done) or deletes (failed) it with `If-Match`, and only a claim that is ours.
 * A lost race re-reads and decides again; it is never silently lost. Each attempt carries its own id,
 * so a retry of a create whose first answer was lost recognises its own claim instead of refusing it.
 * Claims are read as gone after their hold (`CLAIM_HOLD_MS` unless they say); the lifecycle rule in
 * infra/ deletes the blobs later.
 * https://learn.microsoft.com/en-us/rest/api/storageservices/specifying-conditional-headers-for-blob-service-operations
 */
import { randomUUID } from 'node:crypto';
import type { ContainerClient } from '@azure/storage-blob';
import type { ActionClaim, ActionClaims, ClaimResult, HeldClaim } from '../../operations/ports';
import { requestSignal } from '../turnScope';
import { holds, withHold } from './actionClaims';
import { isConditionFailed, isNotFound } from './blobContainer';
import { readJsonBlob } from './blobJson';

/** How often a claim or settle decides again after losing a race before it gives up. */
const MAX_ATTEMPTS = 8;

interface StoredClaim extends ActionClaim {
  /** Which attempt wrote this claim. */
  readonly attempt: string;
}

export const CLAIMS_PREFIX = 'claims/';

export class BlobActionClaims implements ActionClaims {
  constructor(private readonly container: ContainerClient) {}

  /** Nothing to ready: the first claim creates the blob on condition that it is absent. */
  async prepare(): Promise<void> {}

  async claim(targetId: string, key: string, claimant: { by: string; name: string; step: string; holdMs?: number }, now: Date): Promise<ClaimResult> {
    const blob = this.blob(targetId, key);
    const mine: StoredClaim = { ...claimant, at: now.toISOString(), state: 'running', attempt: randomUUID() };
    const body = JSON.stringify(mine);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const current = await readJsonBlob<StoredClaim>(blob);
      try {
        if (current === undefined) {
          await blob.upload(body, Buffer.byteLength(body), { conditions: { ifNoneMatch: '*' }, ...asJson() });
          return { kind: 'claimed' };
        }
        if (current.value.attempt === mine.attempt) {
          // Our own create, answered after a retry: the service kept the first one.
          return { kind: 'claimed' };
        }
        if (holds(current.value, now)) {
          return { kind: 'taken', claim: withHold(withoutAttempt(current.value)) };
        }
        await blob.upload(body, Buffer.byteLength(body), { conditions: { ifMatch: current.etag }, ...asJson() });
        return { kind: 'claimed' };
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
      }
    }
    throw new Error(`Could not claim ${key} on ${targetId}: the claim kept changing.`);
  }

  async held(targetId: string, key: string, now: Date): Promise<HeldClaim | undefined> {
    const current = await readJsonBlob<StoredClaim>(this.blob(targetId, key));
    return current && holds(current.value, now) ? withHold(withoutAttempt(current.value)) : undefined;
  }

  async settle(targetId: string, key: string, by: string, outcome: 'done' | 'failed', now: Date): Promise<void> {
    const blob = this.blob(targetId, key);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const current = await readJsonBlob<StoredClaim>(blob);
      // Only our own running claim: one that ran out and was taken by someone else is theirs.
      if (!current || current.value.by !== by || current.value.state !== 'running') return;
      try {
        if (outcome === 'failed') {
          await blob.delete({ conditions: { ifMatch: current.etag }, abortSignal: requestSignal() });
        } else {
          const body = JSON.stringify({ ...current.value, at: now.toISOString(), state: 'done' });
          await blob.upload(body, Buffer.byteLength(body), { conditions: { ifMatch: current.etag }, ...asJson() });
        }
        return;
      } catch (error) {
        if (isNotFound(error)) return;
        if (!isConditionFailed(error)) throw error;
      }
    }
    throw new Error(`Could not settle ${key} on ${targetId}: the claim kept changing.`);
  }

  private blob(targetId: string, key: string) {
    return this.container.getBlockBlobClient(`${CLAIMS_PREFIX}${encodeURIComponent(targetId)}/${encodeURIComponent(key)}`);
  }
}

function asJson() {
  return { abortSignal: requestSignal(), blobHTTPHeaders: { blobContentType: 'application/json' } };
}

function withoutAttempt(stored: StoredClaim): ActionClaim {
  const { attempt: _attempt, ...claim } = stored;
  return claim;
}
