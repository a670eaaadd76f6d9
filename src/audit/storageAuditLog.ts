/**
 * The audit trail in botbuilder `Storage` (memory now; Blob or Cosmos DB later, unchanged callers).
 * Each record is written once under its own key; a per-user index of keys only ever grows, extended
 * with an ETag compare-and-swap so that instances appending at once do not lose each other's entries.
 * Storage has no "create if absent", so the first entry of a user's index is checked after writing;
 * within one instance appends to the same index are also queued, which closes that gap here.
 */
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem } from 'botbuilder';
import type { AuditLog, AuditRecord } from './auditLog';

const MAX_APPEND_ATTEMPTS = 10;

interface IndexItem extends StoreItem {
  keys: string[];
}

export class StorageAuditLog implements AuditLog {
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly storage: Storage) {}

  async append(record: AuditRecord): Promise<void> {
    const recordKey = `unlock/audit/records/${record.at}-${randomUUID()}`;
    await this.storage.write({ [recordKey]: { record } });
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

  private async index(indexKey: string, recordKey: string): Promise<void> {
    for (let attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt += 1) {
      const index = await this.readIndex(indexKey);
      if (index?.keys.includes(recordKey)) {
        return;
      }
      try {
        await this.storage.write({ [indexKey]: { keys: [...(index?.keys ?? []), recordKey], eTag: index?.eTag ?? '*' } });
      } catch {
        continue;
      }
      if (index) {
        return;
      }
      // A first entry was written unconditionally: loop to check it was not overwritten.
    }
    throw new Error(`Could not index audit record ${recordKey}: the index kept changing.`);
  }

  private async readIndex(indexKey: string): Promise<IndexItem | undefined> {
    return (await this.storage.read([indexKey]))[indexKey] as IndexItem | undefined;
  }

  async forTarget(targetId: string, limit: number): Promise<readonly AuditRecord[]> {
    const index = await this.readIndex(this.indexKey(targetId));
    const keys = (index?.keys ?? []).slice(-limit).reverse();
    if (keys.length === 0) {
      return [];
    }
    const items = await this.storage.read(keys);
    return keys.flatMap((key) => {
      const record = (items[key] as { record?: AuditRecord } | undefined)?.record;
      return record ? [record] : [];
    });
  }

  private indexKey(targetId: string): string {
    return `unlock/audit/byTarget/${encodeURIComponent(targetId)}`;
  }
}
