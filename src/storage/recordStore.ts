/**
 * Small server-side records a card refers to by id (what a card offered, whom a choice card listed),
 * kept in botbuilder `Storage` so any instance sharing the store can serve the click. A card carries
 * only the id; what the id stands for is read from here, never from the card.
 */
import { randomUUID } from 'node:crypto';
import type { Storage } from 'botbuilder';

const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface RecordStore<T> {
  /** Saves a new record and answers its id. */
  add(record: T): Promise<string>;
  get(id: string): Promise<T | undefined>;
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
    if (!RECORD_ID.test(id)) {
      return undefined;
    }
    const key = this.key(id);
    const items = await this.storage.read([key]);
    return (items[key] as { record?: T } | undefined)?.record;
  }

  private key(id: string): string {
    return `unlock/${this.namespace}/${id}`;
  }
}
