/**
 * Questions asked in Teams ("was that you?") in botbuilder `Storage` (memory, or Azure Blob Storage
 * through its `Storage`), so any instance can take the answer: one item per question
 * (`teamsConfirmations/<id>`), changed only with an ETag compare-and-swap, so a Yes is taken once
 * however often it is clicked and on whichever instance; and per operator, target and step the id of
 * the latest question (`teamsConfirmations/latest/<key>`), which its own asker alone overwrites.
 */
import type { Storage } from 'botbuilder';
import type { TeamsConfirmation, TeamsConfirmationStore, TeamsConfirmationUpdate } from '../../operations/ports';
import { compareAndSwap, get, put } from './compareAndSwap';

const PREFIX = 'teamsConfirmations/';

export class StorageTeamsConfirmations implements TeamsConfirmationStore {
  constructor(private readonly storage: Storage) {}

  get(id: string): Promise<TeamsConfirmation | undefined> {
    return get<TeamsConfirmation>(this.storage, this.key(id));
  }

  /** Ids are fresh UUIDs: nobody else writes this key first. */
  create(confirmation: TeamsConfirmation): Promise<void> {
    return put(this.storage, this.key(confirmation.id), confirmation);
  }

  update(id: string, change: (current: TeamsConfirmation) => TeamsConfirmation | undefined): Promise<TeamsConfirmationUpdate> {
    return compareAndSwap<TeamsConfirmation>(this.storage, this.key(id), change);
  }

  async latest(key: string): Promise<string | undefined> {
    return (await get<{ id: string }>(this.storage, `${PREFIX}latest/${encodeURIComponent(key)}`))?.id;
  }

  setLatest(key: string, id: string): Promise<void> {
    return put(this.storage, `${PREFIX}latest/${encodeURIComponent(key)}`, { id });
  }

  private key(id: string): string {
    return `${PREFIX}${encodeURIComponent(id)}`;
  }
}
