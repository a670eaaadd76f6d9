/**
 * Who gets the operator's view of a shared card, in one place for every shared card (findings cards in
 * a helpdesk channel thread, help-request cards in the help channel): the operators the bot knows for
 * the card's scope, named in its `refresh` (`userIds`, at most Teams' 60), and the two views of it: the
 * read-only card everyone sees, and an operator's own with the buttons. Someone is remembered only
 * once they passed the operator check, so nobody else is named.
 * https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/user-specific-views
 */
import { createHash } from 'node:crypto';
import type { Storage } from 'botbuilder';
import { MAX_REFRESH_USERS, type CardView } from '../../cards';
import { CARD_RECORDS_PREFIX } from '../adapters/storage/recordStore';

interface StoredViewers {
  readonly ids: readonly string[];
}

export class SharedCardViewers {
  constructor(
    private readonly storage: Storage,
    /** Who gets the refresh is a convenience (Show actions still works for everyone): a failed write is logged. */
    private readonly onError?: (error: unknown, what: string) => void,
  ) {}

  /** Names this operator (a Teams user id) first for the scope, then those known before, at most 60. */
  async remember(scope: string, teamsUserId: string | undefined): Promise<readonly string[]> {
    const key = viewersKey(scope);
    const known = await this.read(key);
    if (!teamsUserId) return known;
    const ids = [teamsUserId, ...known.filter((id) => id !== teamsUserId)].slice(0, MAX_REFRESH_USERS);
    try {
      await this.storage.write({ [key]: { ids } satisfies StoredViewers });
    } catch (error) {
      this.onError?.(error, 'shared card viewers');
    }
    return ids;
  }

  /** The operators known for the scope, for the card shown to everyone (and to someone who is not one). */
  known(scope: string): Promise<readonly string[]> {
    return this.read(viewersKey(scope));
  }

  private async read(key: string): Promise<readonly string[]> {
    try {
      const stored = (await this.storage.read([key]))[key] as Partial<StoredViewers> | undefined;
      return Array.isArray(stored?.ids) ? stored.ids.filter((id): id is string => typeof id === 'string') : [];
    } catch {
      return [];
    }
  }
}

/** The card for an operator's own click or refresh: the buttons, with the refresh kept for the others. */
export function operatorView(view: CardView, refreshFor: readonly string[]): CardView {
  return { ...view, shared: { refreshFor, withActions: true } };
}

/** The read-only card everyone in the channel sees, refreshed to their own view for the operators named. */
export function readOnlyView(view: CardView, refreshFor: readonly string[]): CardView {
  return { ...view, shared: { refreshFor, withActions: false } };
}

/** The scope of a help request's card: its operators are those who acted on that request. */
export function helpRequestScope(requestId: string): string {
  return `helpRequest:${requestId}`;
}

/**
 * One record per scope, under the card records' prefix so the storage lifecycle rule removes it with
 * them; the scope (a conversation id holds `;` and `:`) is hashed into the key.
 */
function viewersKey(scope: string): string {
  return `${CARD_RECORDS_PREFIX}sharedCardViewers-${createHash('sha256').update(scope).digest('hex').slice(0, 32)}`;
}
