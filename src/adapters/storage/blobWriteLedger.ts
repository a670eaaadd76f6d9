/**
 * The write-limit ledger (`writeLedger.ts` says why a ledger) in Azure Blob Storage, for several
 * instances sharing one container: one blob per key, `limits/<key>`, created with `If-None-Match: *`
 * and changed with `If-Match: <ETag>`, so of two instances racing for the last slot exactly one
 * writes; the other reads again and finds the window full. It survives restarts like every blob.
 * https://learn.microsoft.com/en-us/rest/api/storageservices/specifying-conditional-headers-for-blob-service-operations
 */
import type { ContainerClient } from '@azure/storage-blob';
import type { LedgerEntry, LedgerResult, WriteLedger } from '../../operations/ports';
import { requestSignal } from '../turnScope';
import { isConditionFailed, isNotFound } from './blobContainer';
import { readJsonBlob } from './blobJson';
import { inWindow } from './writeLedger';

/** How often a change decides again after losing a race before it gives up. */
const MAX_ATTEMPTS = 8;

export const LIMITS_PREFIX = 'limits/';

interface LedgerBlob {
  readonly entries: readonly LedgerEntry[];
}

export class BlobWriteLedger implements WriteLedger {
  constructor(private readonly container: ContainerClient) {}

  async record(key: string, entry: LedgerEntry, windowMs: number, admit: (recent: readonly LedgerEntry[]) => boolean, now: Date): Promise<LedgerResult> {
    const blob = this.blob(key);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const current = await readJsonBlob<LedgerBlob>(blob);
      const recent = inWindow(current?.value.entries ?? [], windowMs, now);
      if (recent.some((existing) => existing.id === entry.id)) {
        // Our own write, answered after a retry.
        return { kind: 'recorded' };
      }
      if (!admit(recent)) {
        return { kind: 'refused', recent };
      }
      const body = JSON.stringify({ entries: [...recent, entry] } satisfies LedgerBlob);
      try {
        await blob.upload(body, Buffer.byteLength(body), {
          conditions: current ? { ifMatch: current.etag } : { ifNoneMatch: '*' },
          abortSignal: requestSignal(),
          blobHTTPHeaders: { blobContentType: 'application/json' },
        });
        return { kind: 'recorded' };
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
      }
    }
    throw new Error(`Could not count a write under ${key}: the ledger kept changing.`);
  }

  async recent(key: string, windowMs: number, now: Date): Promise<readonly LedgerEntry[]> {
    return inWindow((await readJsonBlob<LedgerBlob>(this.blob(key)))?.value.entries ?? [], windowMs, now);
  }

  async remove(key: string, entryId: string): Promise<void> {
    const blob = this.blob(key);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const current = await readJsonBlob<LedgerBlob>(blob);
      if (!current || !current.value.entries.some((entry) => entry.id === entryId)) return;
      const body = JSON.stringify({ entries: current.value.entries.filter((entry) => entry.id !== entryId) } satisfies LedgerBlob);
      try {
        await blob.upload(body, Buffer.byteLength(body), {
          conditions: { ifMatch: current.etag },
          abortSignal: requestSignal(),
          blobHTTPHeaders: { blobContentType: 'application/json' },
        });
        return;
      } catch (error) {
        if (isNotFound(error)) return;
        if (!isConditionFailed(error)) throw error;
      }
    }
    throw new Error(`Could not take back a write under ${key}: the ledger kept changing.`);
  }

  private blob(key: string) {
    return this.container.getBlockBlobClient(`${LIMITS_PREFIX}${encodeURIComponent(key)}`);
  }
}
