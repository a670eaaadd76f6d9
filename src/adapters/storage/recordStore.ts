/**
 * Small server-side records a card refers to by id (what a card offered, whom a choice card listed),
 * kept in botbuilder `Storage` so any instance sharing the store can serve the click. A card carries
 * only the id; what the id stands for is read from here, never from the card.
 */
import { randomUUID } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { RecordStore } from '../../operations/ports';
import { get, put } from './compareAndSwap';

const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class StorageRecordStore<T> implements RecordStore<T> {
  constructor(
    private readonly storage: Storage,
    private readonly namespace: string,
  ) {}

  async add(record: T): Promise<string> {
    const id = randomUUID();
    await put(this.storage, this.key(id), record);
    return id;
  }

  async get(id: string): Promise<T | undefined> {
    return RECORD_ID.test(id) ? get<T>(this.storage, this.key(id)) : undefined;
  }

  private key(id: string): string {
    return `unlock/${this.namespace}/${id}`;
  }
}
