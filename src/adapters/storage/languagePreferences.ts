/**
 * The language a person chose with "language lv|en", by their Entra object id, in botbuilder `Storage`
 * (memory, or Azure Blob Storage through `BlobsStorage`). botbuilder's `UserState` keeps the same
 * choice under the Teams user id of an activity, which nothing outside that person's own turns knows;
 * a question Unlock sends them first (a confirmation asked in Teams) finds their language here. Only
 * the person's own turn writes it, so an unconditional write is enough.
 */
import type { Storage } from 'botbuilder';
import type { LanguagePreferences } from '../../operations/ports';
import { get, put } from './compareAndSwap';

const PREFIX = 'preferences/language/';

interface StoredLanguage {
  /** Absent: "language auto", follow the Teams locale. */
  readonly language?: string;
}

export class StorageLanguagePreferences implements LanguagePreferences {
  constructor(private readonly storage: Storage) {}

  async languageOf(aadObjectId: string): Promise<string | undefined> {
    return (await get<StoredLanguage>(this.storage, key(aadObjectId)))?.language;
  }

  remember(aadObjectId: string, language: string | undefined): Promise<void> {
    return put<StoredLanguage>(this.storage, key(aadObjectId), language ? { language } : {});
  }
}

function key(aadObjectId: string): string {
  return `${PREFIX}${encodeURIComponent(aadObjectId)}`;
}
