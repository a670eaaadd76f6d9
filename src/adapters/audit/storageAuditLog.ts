/**
 * The audit trail in botbuilder `Storage`, for `STORAGE=memory` (one process; Azure Blob Storage has
 * its own, `blobAuditLog.ts`). Each record is written once under its own key; a per-user index of
 * keys only ever grows, extended with an ETag compare-and-swap. Storage has no "create if absent", so
 * the first entry of a user's index is checked after writing; within one instance appends to the same
 * index are also queued, which closes that gap for the one instance a memory store can serve.
 */
import { randomUUID } from 'node:crypto';
import type { Storage } from 'botbuilder';
import { compareAndSwap, get, put } from '../storage/compareAndSwap';
import type { AuditRecord } from '../../domain/audit';
import type { AuditLog, AuditPage, AuditPageRequest } from '../../operations/ports';

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

  forTarget(targetId: string, limit: number): Promise<readonly AuditRecord[]>;
  forTarget(targetId: string, page: AuditPageRequest): Promise<AuditPage>;
  async forTarget(targetId: string, request: number | AuditPageRequest): Promise<readonly AuditRecord[] | AuditPage> {
    const page = await this.page(targetId, typeof request === 'number' ? { limit: request } : request);
    return typeof request === 'number' ? page.records : page;
  }

  /** The continuation is the key of the last record shown: the next page is what was indexed before it. */
  private async page(targetId: string, { limit, continuation }: AuditPageRequest): Promise<AuditPage> {
    const index = (await get<AuditIndex>(this.storage, this.indexKey(targetId)))?.keys ?? [];
    const end = continuation === undefined ? index.length : Math.max(0, index.indexOf(continuation));
    const start = Math.max(0, end - Math.max(1, Math.floor(limit)));
    const keys = index.slice(start, end).reverse();
    if (keys.length === 0) {
      return { records: [] };
    }
    const items = await this.storage.read(keys);
    const records = keys.flatMap((key) => {
      const record = (items[key] as { value?: AuditRecord } | undefined)?.value;
      return record ? [record] : [];
    });
    return { records, ...(start > 0 ? { continuation: keys[keys.length - 1] } : {}) };
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
