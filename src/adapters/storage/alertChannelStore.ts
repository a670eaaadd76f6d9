/**
 * The alert channel's conversation reference, one item in botbuilder `Storage` (memory, or Azure Blob
 * Storage through `BlobsStorage`) so every instance posts alerts to the same channel and a restart
 * keeps it. The last operator to say "use this channel for alerts" wins.
 */
import type { Storage } from 'botbuilder';
import type { AlertChannel, AlertChannelStore } from '../../operations/ports';
import { get, put } from './compareAndSwap';

const CHANNEL_KEY = 'alerts/channel';

export class StorageAlertChannel implements AlertChannelStore {
  constructor(private readonly storage: Storage) {}

  get(): Promise<AlertChannel | undefined> {
    return get<AlertChannel>(this.storage, CHANNEL_KEY);
  }

  set(channel: AlertChannel): Promise<void> {
    return put(this.storage, CHANNEL_KEY, channel);
  }
}
