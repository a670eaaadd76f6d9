/**
 * Limits on writes (`operations/writeLimits.ts`) count in a ledger: one small item per key (an
 * operator and a step, or a target and a step) holding the entries of the current window.
 *
 * Why a ledger rather than counting audit records: the audit trail is indexed by target only (an
 * operator's writes would need a scan of every user), and counting then writing is a race: two
 * instances could both read "4 of 5" and both write. Here the entry is added with a compare-and-swap
 * before the write is made, so only one of them gets the last slot; a write that then does not happen
 * takes its entry back. Entries older than the window are dropped on every change, so an item holds
 * at most a limit's worth.
 *
 * This one serves `STORAGE=memory` over botbuilder `Storage`, which cannot create an item on condition
 * that it is absent: creation is serialised per store object in this process, which is every writer a
 * memory store can have (the instances a test starts share one object). Blob Storage has its own,
 * `blobWriteLedger.ts`, with `If-None-Match: *`.
 */
import type { Storage } from 'botbuilder';
import type { LedgerEntry, LedgerResult, WriteLedger } from '../../operations/ports';
import { compareAndSwap, get, put } from './compareAndSwap';

interface LedgerItem {
  readonly entries: readonly LedgerEntry[];
}

/** Per store object, not per ledger: two ledgers over one memory store must queue behind each other. */
const queues = new WeakMap<Storage, Map<string, Promise<unknown>>>();

export class StorageWriteLedger implements WriteLedger {
  constructor(private readonly storage: Storage) {}

  record(key: string, entry: LedgerEntry, windowMs: number, admit: (recent: readonly LedgerEntry[]) => boolean, now: Date): Promise<LedgerResult> {
    return this.queued(key, async () => {
      const storageKey = this.key(key);
      if ((await get<LedgerItem>(this.storage, storageKey)) === undefined) {
        await put<LedgerItem>(this.storage, storageKey, { entries: [] });
      }
      let refused: readonly LedgerEntry[] | undefined;
      await compareAndSwap<LedgerItem>(this.storage, storageKey, (item) => {
        const recent = inWindow(item.entries, windowMs, now);
        if (!admit(recent)) {
          refused = recent;
          return undefined;
        }
        refused = undefined;
        return { entries: [...recent, entry] };
      });
      return refused ? { kind: 'refused', recent: refused } : { kind: 'recorded' };
    });
  }

  async recent(key: string, windowMs: number, now: Date): Promise<readonly LedgerEntry[]> {
    return inWindow((await get<LedgerItem>(this.storage, this.key(key)))?.entries ?? [], windowMs, now);
  }

  async remove(key: string, entryId: string): Promise<void> {
    await this.queued(key, () =>
      compareAndSwap<LedgerItem>(this.storage, this.key(key), (item) =>
        item.entries.some((entry) => entry.id === entryId) ? { entries: item.entries.filter((entry) => entry.id !== entryId) } : undefined,
      ),
    );
  }

  private queued<T>(key: string, run: () => Promise<T>): Promise<T> {
    let byKey = queues.get(this.storage);
    if (!byKey) {
      byKey = new Map();
      queues.set(this.storage, byKey);
    }
    const previous = byKey.get(key) ?? Promise.resolve();
    const next = previous.then(run, run);
    const settled = next.catch(() => undefined);
    byKey.set(key, settled);
    void settled.then(() => {
      if (byKey.get(key) === settled) byKey.delete(key);
    });
    return next;
  }

  private key(key: string): string {
    return `unlock/limits/${encodeURIComponent(key)}`;
  }
}

/**
 * The entries inside the window `(now - windowMs, now]`, oldest first: an entry exactly one window old
 * has just dropped out.
 */
export function inWindow(entries: readonly LedgerEntry[], windowMs: number, now: Date): LedgerEntry[] {
  const since = now.getTime() - windowMs;
  return entries.filter((entry) => Date.parse(entry.at) > since).sort((a, b) => a.at.localeCompare(b.at));
}
