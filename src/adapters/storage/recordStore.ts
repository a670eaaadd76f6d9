/**
 * Small server-side records a card refers to by id (what a card offered, whom a choice card listed),
 * kept in botbuilder `Storage` (memory, or Azure Blob Storage through `BlobsStorage`) so any instance
 * sharing the store can serve the click. A card carries only the id; what the id stands for is read
 * from here, never from the card.
 *
 * Records expire: each is stored with the time it runs out, and one read after that is "gone", so an
 * old card cannot act however long its record lingers. In Blob Storage the keys start with `cards/`
 * (`BlobsStorage` names the blob `cards%2F…`), which the lifecycle rule in infra/ deletes later.
 * Every id is a fresh UUID, so the unconditional write of a new record cannot replace another.
 */
import { randomUUID } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { RecordStore } from '../../operations/ports';

const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * How long a card's record can be acted on: a week. Longer than any card may stay fresh
 * (`CARD_MAX_AGE_MINUTES`, at most a day), so an old findings card still says "check again" rather
 * than "not one of mine", and a choice card still works the next morning.
 */
export const CARD_RECORD_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export const CARD_RECORDS_PREFIX = 'cards/';

interface StoredRecord<T> {
  readonly value: T;
  readonly expiresAt: string;
}

export class StorageRecordStore<T> implements RecordStore<T> {
  constructor(
    private readonly storage: Storage,
    private readonly namespace: string,
    private readonly options: { readonly lifetimeMs?: number; readonly now?: () => number } = {},
  ) {}

  async add(record: T): Promise<string> {
    const id = randomUUID();
    const expiresAt = new Date(this.now() + (this.options.lifetimeMs ?? CARD_RECORD_LIFETIME_MS)).toISOString();
    await this.storage.write({ [this.key(id)]: { value: record, expiresAt } satisfies StoredRecord<T> });
    return id;
  }

  async get(id: string): Promise<T | undefined> {
    if (!RECORD_ID.test(id)) {
      return undefined;
    }
    const stored = (await this.storage.read([this.key(id)]))[this.key(id)] as Partial<StoredRecord<T>> | undefined;
    const expiresAt = stored?.expiresAt === undefined ? Number.NaN : Date.parse(stored.expiresAt);
    // A record without a readable expiry is treated as expired: nothing acts on a record of unknown age.
    return stored?.value !== undefined && expiresAt > this.now() ? stored.value : undefined;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private key(id: string): string {
    return `${CARD_RECORDS_PREFIX}${this.namespace}/${id}`;
  }
}
