/**
 * A help request someone raised with the helpdesk: who asked (as Teams vouched for them), for whom,
 * what they wrote, and where it stands. Open → Taken → Resolved, or Withdrawn by the asker; a
 * resolved or withdrawn request is closed and changes no more.
 */

export type HelpRequestStatus = 'open' | 'taken' | 'resolved' | 'withdrawn';

/** Statuses nothing moves on from. */
export function isClosed(status: HelpRequestStatus): boolean {
  return status === 'resolved' || status === 'withdrawn';
}

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

/** An operator handed the request to a colleague (also an operator, checked at the click). */
export interface Assignment {
  readonly to: PersonRef;
  readonly by: PersonRef;
  readonly at: string;
}

/** The account the request turned out to be about, once an operator's Check account found it. */
export interface RequestTarget {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
}

/** A change made on the target's account while the request was open, as the audit trail has it. */
export interface StepTaken {
  /** A step id from the step registry. */
  readonly step: string;
  readonly by: string;
  readonly at: string;
}

/** What the resolving operator wrote, and what the audit trail says was done since the request was raised. */
export interface Resolution {
  readonly note: string;
  readonly steps: readonly StepTaken[];
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
  readonly assigned?: Assignment;
  readonly resolution?: Resolution;
  readonly withdrawnAt?: string;
  /** The asker's UPN as the directory has it, for the "chat with the requester" link; absent when it could not be read. */
  readonly requesterUpn?: string;
  readonly target?: RequestTarget;
  /**
   * When the asker could not be told of the latest change in their chat with Unlock (the card says so,
   * for the helpdesk to tell them another way); absent once a notice reached them.
   */
  readonly requesterNotNotifiedAt?: string;
  /** When the last reminder about this request was posted; the next is due an interval after it. */
  readonly remindedAt?: string;
}
