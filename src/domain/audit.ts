/**
 * The audit trail: every remediation attempt, recorded before and after it runs, with who, where,
 * what, on whom, and how it ended. Append-only by construction: the interface can add and read, and
 * no code path edits or deletes a record. Secrets are never recorded (a reset records that a
 * temporary password was set, not the password).
 */
import type { Place } from './actor';
import type { WriteFailureCause } from './outcome';

export interface AuditActor {
  readonly aadObjectId: string;
  readonly name?: string;
  /** Read from Graph with the operator check; Teams activities do not carry it. */
  readonly userPrincipalName?: string;
}

export type AuditPlace = Place;

export interface AuditTarget {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
}

export type AuditOutcome =
  | { readonly kind: 'attempted' }
  | { readonly kind: 'succeeded'; readonly requestId?: string }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'failed'; readonly cause: WriteFailureCause; readonly code?: string; readonly requestId?: string };

export interface AuditRecord {
  readonly at: string;
  /** The card action this record belongs to (card id and step); ties an attempt to its outcome. */
  readonly actionId: string;
  readonly actor: AuditActor;
  readonly place: AuditPlace;
  readonly target: AuditTarget;
  /** A step id from the step registry. */
  readonly step: string;
  /** The one thing the step was about (an inbox rule, a sign-in method). */
  readonly itemId?: string;
  /** How the operator said the requester was verified (`calledBack`, `inPerson`, `manager`). */
  readonly verifiedBy?: string;
  /** For a confirmation asked in Teams: who answered (the user or their manager), when, and what. */
  readonly answeredInTeams?: { readonly aadObjectId: string; readonly name: string; readonly at: string; readonly answer: 'yes' | 'no' };
  readonly outcome: AuditOutcome;
}
