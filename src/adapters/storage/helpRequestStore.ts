/**
 * Help requests and the help-request channel, kept in botbuilder `Storage` (memory, or Azure Blob
 * Storage through `BlobsStorage`) so every instance sees the same requests. A request is one item
 * (`helpRequests/requests/<id>`), changed only with an ETag compare-and-swap, so two operators
 * clicking Take at once make one change; `helpRequests/index` lists the ids newest first for
 * `requests`; `helpRequests/channel` is the channel's conversation reference.
 */
import type { Storage } from 'botbuilder';
import type { HelpChannel, HelpChannelStore, HelpRequestRecord, HelpRequestStore, HelpRequestUpdate } from '../../operations/ports';
import { compareAndSwap, get, put } from './compareAndSwap';

const PREFIX = 'helpRequests/';
const INDEX_KEY = `${PREFIX}index`;
const CHANNEL_KEY = `${PREFIX}channel`;
/** The index keeps the latest requests; older ones stay readable by id. */
const INDEX_LIMIT = 500;

interface RequestIndex {
  readonly ids: readonly string[];
}

export class StorageHelpRequests implements HelpRequestStore {
  constructor(private readonly storage: Storage) {}

  get(id: string): Promise<HelpRequestRecord | undefined> {
    return get<HelpRequestRecord>(this.storage, this.key(id));
  }

  async create(request: HelpRequestRecord): Promise<boolean> {
    // `Storage` cannot create on condition of absence: ids are fresh UUIDs (or the id of the button's
    // own draft, for which this read answers a repeated click).
    if ((await this.get(request.id)) !== undefined) {
      return false;
    }
    await put(this.storage, this.key(request.id), request);
    const indexed = await compareAndSwap<RequestIndex>(this.storage, INDEX_KEY, (index) => ({
      ids: [request.id, ...index.ids.filter((id) => id !== request.id)].slice(0, INDEX_LIMIT),
    }));
    if (indexed.kind === 'missing') {
      await put<RequestIndex>(this.storage, INDEX_KEY, { ids: [request.id] });
    }
    return true;
  }

  update(id: string, change: (current: HelpRequestRecord) => HelpRequestRecord | undefined): Promise<HelpRequestUpdate> {
    return compareAndSwap<HelpRequestRecord>(this.storage, this.key(id), change);
  }

  async recent(limit: number): Promise<readonly HelpRequestRecord[]> {
    const ids = ((await get<RequestIndex>(this.storage, INDEX_KEY))?.ids ?? []).slice(0, limit);
    if (ids.length === 0) return [];
    const items = await this.storage.read(ids.map((id) => this.key(id)));
    return ids.flatMap((id) => {
      const value = (items[this.key(id)] as { value?: HelpRequestRecord } | undefined)?.value;
      return value ? [value] : [];
    });
  }

  private key(id: string): string {
    return `${PREFIX}requests/${id}`;
  }
}

export class StorageHelpChannel implements HelpChannelStore {
  constructor(private readonly storage: Storage) {}

  get(): Promise<HelpChannel | undefined> {
    return get<HelpChannel>(this.storage, CHANNEL_KEY);
  }

  set(channel: HelpChannel): Promise<void> {
    // One operator's choice replaces the last; who set it and when are kept with it.
    return put(this.storage, CHANNEL_KEY, channel);
  }
}
