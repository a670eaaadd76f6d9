/**
 * Changing one stored item safely when several instances may change it at once: read it with its
 * ETag, change it, and write it back only if nobody wrote in between; otherwise read again.
 * botbuilder's stores refuse a write whose ETag no longer matches (MemoryStorage throws
 * "eTag conflict"; BlobsStorage turns the service's 412 into the same words). Used with the memory
 * store; Blob Storage's claims and audit trail make their own conditional writes (`blobActionClaims.ts`).
 */
import type { Storage, StoreItem } from 'botbuilder';

/** How often an update re-reads after losing a race before it gives up. */
const MAX_ATTEMPTS = 8;

export type SwapResult<T> =
  | { readonly kind: 'updated'; readonly value: T }
  | { readonly kind: 'unchanged'; readonly value: T }
  | { readonly kind: 'missing' };

/**
 * Applies `change` to the item's `value` and saves it only if the item did not change meanwhile.
 * `change` answers `undefined` to leave the item as it is. A missing item is not created: creating
 * cannot be made conditional through `Storage`, so callers create items before anyone races on them.
 */
export async function compareAndSwap<T>(
  storage: Storage,
  key: string,
  change: (current: T) => T | undefined,
): Promise<SwapResult<T>> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const item = (await storage.read([key]))[key] as (StoreItem & { value?: T }) | undefined;
    if (item?.value === undefined) {
      return { kind: 'missing' };
    }
    if (!item.eTag) {
      throw new Error(`The store returned ${key} without an ETag, so it cannot be updated safely.`);
    }
    const next = change(item.value);
    if (next === undefined) {
      return { kind: 'unchanged', value: item.value };
    }
    try {
      await storage.write({ [key]: { value: next, eTag: item.eTag } });
      return { kind: 'updated', value: next };
    } catch (error) {
      if (!isConflict(error)) {
        throw error;
      }
    }
  }
  throw new Error(`Could not update ${key}: it kept changing under us.`);
}

/** Writes an item with no condition: for creating items, and for items only one writer owns. */
export async function put<T>(storage: Storage, key: string, value: T): Promise<void> {
  await storage.write({ [key]: { value } });
}

export async function get<T>(storage: Storage, key: string): Promise<T | undefined> {
  return ((await storage.read([key]))[key] as { value?: T } | undefined)?.value;
}

export function isConflict(error: unknown): boolean {
  const status = (error as { statusCode?: unknown; code?: unknown } | null)?.statusCode ?? (error as { code?: unknown } | null)?.code;
  return status === 412 || /etag/i.test(error instanceof Error ? error.message : String(error));
}
