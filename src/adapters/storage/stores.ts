/**
 * Everything Unlock keeps, opened for one kind of store:
 * - `memory`: botbuilder `MemoryStorage` for all of it; one process, gone on restart (tests, and
 *   `STORAGE=memory npm start`);
 * - `blob`: one Azure Blob Storage container shared by every instance. Dialog state, preferences and
 *   card records go through `BlobStateStorage` (botbuilder's `Storage` in `BlobsStorage`'s layout);
 *   claims and the audit trail use the Blob SDK directly, because they need what `Storage` cannot
 *   do: create only if absent, and list a prefix newest first (`blobActionClaims.ts`, `../audit/blobAuditLog.ts`).
 * README.md "State and storage" describes the layout.
 */
import { MemoryStorage, type Storage } from 'botbuilder';
import type { ActionClaims, AuditLog, WriteLedger } from '../../operations/ports';
import { BlobAuditLog } from '../audit/blobAuditLog';
import { BlobActionClaims } from './blobActionClaims';
import { BlobStateStorage } from './blobStateStorage';
import { BlobWriteLedger } from './blobWriteLedger';
import { containerClient, describeContainer, ensureContainer, type BlobLocation } from './blobContainer';

export interface Stores {
  readonly kind: 'memory' | 'blob';
  /** Dialog state, user preferences and card records. */
  readonly storage: Storage;
  /** Absent: claims and the audit trail live in `storage` (the memory store). */
  readonly claims?: ActionClaims;
  readonly audit?: AuditLog;
  /** Counts for the limits on writes; absent: in `storage`, like claims. */
  readonly ledger?: WriteLedger;
  /** Where the data is, for the start-up line: an address without keys or tokens. */
  readonly description: string;
  /** Resolves when the store answers now; for `/readyz`. */
  check(): Promise<void>;
}

export function memoryStores(storage: Storage = new MemoryStorage()): Stores {
  return { kind: 'memory', storage, description: 'memory (lost on restart, this instance only)', check: async () => {} };
}

/**
 * Opens the container, creating it if absent, and fails fast (`StorageStartError`) when it cannot:
 * an instance that cannot keep state must not start taking turns.
 */
export async function openBlobStores(location: BlobLocation, container: string): Promise<Stores> {
  const client = containerClient(location, container);
  await ensureContainer(client);
  const storage = new BlobStateStorage(client);
  return {
    kind: 'blob',
    storage,
    claims: new BlobActionClaims(client),
    audit: new BlobAuditLog(client),
    ledger: new BlobWriteLedger(client),
    description: `Azure Blob Storage, ${describeContainer(client)}`,
    check: async () => {
      await client.getProperties({ abortSignal: AbortSignal.timeout(3_000) });
    },
  };
}
