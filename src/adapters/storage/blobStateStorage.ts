/**
 * botbuilder `Storage` on the Blob container: dialog state, preferences, card records and help
 * requests. It keeps the layout of botbuilder-azure-blobs' `BlobsStorage` (which Unlock used before,
 * so what it wrote stays readable): one JSON blob per key, named `encodeURIComponent(key)` with empty
 * path segments dropped, the ETag of the blob as the item's `eTag`, a write conditional on it unless
 * it is `*` or absent, and a lost condition reported as "eTag conflict" (what `compareAndSwap` and
 * botbuilder's `BotState` expect).
 *
 * Why not `BlobsStorage` itself: it builds a new blob client for every key it touches, and the Blob
 * SDK's client constructor alone costs about 0.9 ms of CPU, more than the request (measured against
 * Azurite: 1.5–1.7 ms a read through `BlobsStorage`, 0.7 ms with a client kept), plus a zod parse of
 * its arguments on every call. A turn reads two keys (the user's preferences and the conversation's
 * dialog state) that the next turn of the same conversation reads again, so the clients of the most
 * recently used blobs are kept (bounded). Only clients are kept, never what a blob holds: every read
 * is a request to the store, as it must be when several instances share it.
 */
import { buffer } from 'node:stream/consumers';
import type { Storage, StoreItems } from 'botbuilder';
import type { BlockBlobClient, ContainerClient } from '@azure/storage-blob';
import { requestSignal } from '../turnScope';
import { isConditionFailed, isNotFound } from './blobContainer';

/**
 * Clients kept: two per active conversation (preferences, dialog state); beyond it the least recently
 * read goes. A client is a few kB; only reads keep one, so card records written once and never
 * clicked do not push the conversations' clients out.
 */
const CLIENTS_KEPT = 512;

export class BlobStateStorage implements Storage {
  private readonly clients = new Map<string, BlockBlobClient>();

  constructor(private readonly container: ContainerClient) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const item = await this.readOne(key);
        if (item !== undefined) items[key] = item;
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        const { eTag, ...value } = (item ?? {}) as { eTag?: unknown } & Record<string, unknown>;
        const body = JSON.stringify(value);
        try {
          await this.clientFor(key).upload(body, Buffer.byteLength(body), {
            conditions: typeof eTag === 'string' && eTag !== '*' && eTag !== '' ? { ifMatch: eTag } : {},
            blobHTTPHeaders: { blobContentType: 'application/json' },
            abortSignal: requestSignal(),
          });
        } catch (error) {
          if (isConditionFailed(error)) {
            throw new Error(`Storage: error writing "${key}" due to eTag conflict.`, { cause: error });
          }
          throw error;
        }
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map(async (key) => {
        try {
          await this.clientFor(key).delete({ abortSignal: requestSignal() });
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
        this.clients.delete(blobName(key));
      }),
    );
  }

  /** Protects against JSON.stringify cycles, as BlobsStorage does. */
  toJSON(): { name: string } {
    return { name: 'BlobStateStorage' };
  }

  private async readOne(key: string): Promise<Record<string, unknown> | undefined> {
    try {
      const response = await this.client(key).download(0, undefined, { abortSignal: requestSignal() });
      if (!response.readableStreamBody) return undefined;
      const parsed = JSON.parse((await buffer(response.readableStreamBody)).toString('utf8')) as Record<string, unknown>;
      return { ...parsed, eTag: response.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** The kept client of a blob read lately, or a new one that is not kept. */
  private clientFor(key: string): BlockBlobClient {
    const name = blobName(key);
    return this.clients.get(name) ?? this.container.getBlockBlobClient(name);
  }

  /** The blob's client, kept as the most recently read. */
  private client(key: string): BlockBlobClient {
    const name = blobName(key);
    let client = this.clients.get(name);
    if (client) {
      // Most recently used last, so the first entry is the one to drop.
      this.clients.delete(name);
    } else {
      client = this.container.getBlockBlobClient(name);
      if (this.clients.size >= CLIENTS_KEPT) {
        const oldest = this.clients.keys().next().value;
        if (oldest !== undefined) this.clients.delete(oldest);
      }
    }
    this.clients.set(name, client);
    return client;
  }
}

/**
 * BlobsStorage's blob name for a key (botbuilder-azure-blobs `sanitizeBlobKey`): empty path segments
 * dropped, then URI-encoded (so `/` becomes `%2F`), at most 1,024 characters.
 */
export function blobName(key: string): string {
  if (!key) throw new Error('Please provide a non-empty key');
  const joined = key.split('/').reduce((acc, part, index) => (part ? [acc, part].join(index < 255 ? '/' : '') : acc));
  return encodeURIComponent(joined).slice(0, 1024);
}
