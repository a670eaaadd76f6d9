/**
 * Building blocks for account states made by hand: the card samples (scripts/sampleAccounts.ts) and
 * the diagnosis tests (test/unit/fixtures) build theirs from these, so both make states the same way.
 */
import type { AccountState, Checked, InboxRule, UserAccount } from '../src/domain/account';

export type AccountStateChange = Partial<Omit<AccountState, 'user'>> & { user?: Partial<UserAccount> };

export function ok<T>(value: T): Checked<T> {
  return { kind: 'ok', value };
}

/** A state with some parts replaced; `user` fields are merged. */
export function changed(base: AccountState, change: AccountStateChange): AccountState {
  return { ...base, ...change, user: { ...base.user, ...change.user } };
}

/** An enabled inbox rule that does nothing until `change` says what. */
export function inboxRule(id: string, displayName: string, change: Partial<InboxRule> = {}): InboxRule {
  return {
    id,
    displayName,
    isEnabled: true,
    forwardTo: [],
    forwardAsAttachmentTo: [],
    redirectTo: [],
    delete: false,
    permanentDelete: false,
    markAsRead: false,
    ...change,
  };
}
