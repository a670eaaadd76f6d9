/**
 * A help request someone raised with the helpdesk: who asked (as Teams vouched for them), for whom,
 * what they wrote, and where it stands. Open → Taken → Resolved.
 */

export type HelpRequestStatus = 'open' | 'taken' | 'resolved';

/** A person as Teams identified them in an activity: `from.aadObjectId` and `from.name`. */
export interface PersonRef {
  readonly aadObjectId: string;
  readonly name: string;
}

/**
 * For the asker themselves, or for a colleague named (or not) in what they wrote. Asking for someone
 * else is how helpdesk impostors work, so the helpdesk sees it marked.
 */
export type RequestedFor = { readonly kind: 'self' } | { readonly kind: 'colleague'; readonly name?: string };

export interface StatusChange {
  readonly by: PersonRef;
  readonly at: string;
}

export interface HelpRequest {
  readonly id: string;
  readonly requester: PersonRef;
  readonly requestedFor: RequestedFor;
  /** What the asker wrote, cut to a few hundred characters. */
  readonly wrote: string;
  readonly status: HelpRequestStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly takenBy?: StatusChange;
  readonly resolvedBy?: StatusChange;
}
