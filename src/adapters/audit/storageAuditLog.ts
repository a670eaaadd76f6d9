/**
 * The audit trail in botbuilder `Storage` (memory now; Blob or Cosmos DB later, unchanged callers).
 * Each record is written once under its own key; a per-user index of keys only ever grows, extended
 * with an ETag compare-and-swap so that instances appending at once do not lose each other's entries.
 * Storage has no "create if absent", so the first entry of a user's index is checked after writing;
 * within one instance appends to the same index are also queued, which closes that gap here.
 */
import { randomUUID } from 'node:crypto';
import type { Storage } from 'botbuilder';
import { compareAndSwap, get, put } from '../storage/compareAndSwap';
import type { AuditRecord } from '../../domain/audit';
import type { AuditLog } from '../../operations/ports';

/** Rounds of "write the first entry, check it is still there" before giving up. */
const MAX_CREATE_ATTEMPTS = 5;

interface AuditIndex {
  readonly keys: readonly string[];
}

export class StorageAuditLog implements AuditLog {
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly storage: Storage) {}

  async append(record: AuditRecord): Promise<void> {
    const recordKey = `unlock/audit/records/${record.at}-${randomUUID()}`;
    await put(this.storage, recordKey, record);
    const indexKey = this.indexKey(record.target.id);
    const previous = this.queues.get(indexKey) ?? Promise.resolve();
    const appended = previous.then(() => this.index(indexKey, recordKey));
    const settled = appended.catch(() => undefined);
    this.queues.set(indexKey, settled);
    try {
      await appended;
    } finally {
      if (this.queues.get(indexKey) === settled) {
        this.queues.delete(indexKey);
      }
    }
  }

  async forTarget(targetId: string, limit: number): Promise<readonly AuditRecord[]> {
    const index = await get<AuditIndex>(this.storage, this.indexKey(targetId));
    const keys = (index?.keys ?? []).slice(-limit).reverse();
    if (keys.length === 0) {
      return [];
    }
    const items = await this.storage.read(keys);
    return keys.flatMap((key) => {
      const record = (items[key] as { value?: AuditRecord } | undefined)?.value;
      return record ? [record] : [];
    });
  }

  private async index(indexKey: string, recordKey: string): Promise<void> {
    for (let attempt = 0; attempt < MAX_CREATE_ATTEMPTS; attempt += 1) {
      const appended = await compareAndSwap<AuditIndex>(this.storage, indexKey, (index) =>
        index.keys.includes(recordKey) ? undefined : { keys: [...index.keys, recordKey] },
      );
      if (appended.kind !== 'missing') {
        return;
      }
      await put<AuditIndex>(this.storage, indexKey, { keys: [recordKey] });
      if ((await get<AuditIndex>(this.storage, indexKey))?.keys.includes(recordKey)) {
        return;
      }
    }
    throw new Error(`Could not index audit record ${recordKey}: the index kept changing.`);
  }

  private indexKey(targetId: string): string {
    return `unlock/audit/byTarget/${encodeURIComponent(targetId)}`;
  }
}
