/**
 * Small server-side records a card refers to by id (what a card offered, whom a choice card listed),
 * kept in botbuilder `Storage` so any instance sharing the store can serve the click. A card carries
 * only the id; what the id stands for is read from here, never from the card.
 *
 * `update` is a compare-and-swap on the storage ETag: of two instances changing the same record at
 * the same moment, exactly one wins and the other sees the winner's record. That is what makes a
 * card action run at most once across instances.
 */
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem } from 'botbuilder';

const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** How often `update` re-reads after losing a race before it gives up. */
const MAX_UPDATE_ATTEMPTS = 8;

export type UpdateResult<T> =
  | { readonly kind: 'updated'; readonly record: T }
  | { readonly kind: 'unchanged'; readonly record: T }
  | { readonly kind: 'missing' };

export interface RecordStore<T> {
  /** Saves a new record and answers its id. */
  add(record: T): Promise<string>;
  get(id: string): Promise<T | undefined>;
  /**
   * Applies `change` to the current record and saves it only if nobody saved it in between;
   * `change` answers `undefined` to leave the record as it is.
   */
  update(id: string, change: (current: T) => T | undefined): Promise<UpdateResult<T>>;
}

export class StorageRecordStore<T> implements RecordStore<T> {
  constructor(
    private readonly storage: Storage,
    private readonly namespace: string,
  ) {}

  async add(record: T): Promise<string> {
    const id = randomUUID();
    await this.storage.write({ [this.key(id)]: { record } });
    return id;
  }

  async get(id: string): Promise<T | undefined> {
    return (await this.read(id))?.record;
  }

  async update(id: string, change: (current: T) => T | undefined): Promise<UpdateResult<T>> {
    for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt += 1) {
      const current = await this.read(id);
      if (!current) {
        return { kind: 'missing' };
      }
      const next = change(current.record);
      if (next === undefined) {
        return { kind: 'unchanged', record: current.record };
      }
      try {
        // An eTag that no longer matches makes the write fail: someone else changed the record first.
        await this.storage.write({ [this.key(id)]: { record: next, eTag: current.eTag ?? '*' } });
        return { kind: 'updated', record: next };
      } catch {
        continue;
      }
    }
    throw new Error(`Could not update ${this.namespace}/${id}: it kept changing under us.`);
  }

  private async read(id: string): Promise<{ record: T; eTag?: string } | undefined> {
    if (!RECORD_ID.test(id)) {
      return undefined;
    }
    const key = this.key(id);
    const items = await this.storage.read([key]);
    const item = items[key] as (StoreItem & { record?: T }) | undefined;
    return item?.record === undefined ? undefined : { record: item.record, ...(item.eTag ? { eTag: item.eTag } : {}) };
  }

  private key(id: string): string {
    return `unlock/${this.namespace}/${id}`;
  }
}
