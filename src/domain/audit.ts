/**
 * The audit trail: every remediation attempt, recorded before and after it runs, with who, where,
 * what, on whom, and how it ended. Append-only by construction: the interface can add and read, and
 * no code path edits or deletes a record. Secrets are never recorded (a reset records that a
 * temporary password was set, not the password).
 */
import type { UnavailableCause } from './account';
import type { RemediationId } from '../steps/registry';

export interface AuditActor {
  readonly aadObjectId: string;
  readonly name?: string;
  /** Read from Graph with the operator check; Teams activities do not carry it. */
  readonly userPrincipalName?: string;
}

export interface AuditPlace {
  readonly conversationId: string;
  readonly conversationType?: string;
  readonly channelId?: string;
  readonly teamId?: string;
}

export interface AuditTarget {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
}

export type AuditOutcome =
  | { readonly kind: 'attempted' }
  | { readonly kind: 'succeeded'; readonly requestId?: string }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'failed'; readonly cause: UnavailableCause | 'rejected' | 'noAnswer'; readonly code?: string; readonly requestId?: string };

export interface AuditRecord {
  readonly at: string;
  /** The card action this record belongs to (card id and step); ties an attempt to its outcome. */
  readonly actionId: string;
  readonly actor: AuditActor;
  readonly place: AuditPlace;
  readonly target: AuditTarget;
  readonly step: RemediationId;
  readonly ruleId?: string;
  readonly outcome: AuditOutcome;
}

export interface AuditLog {
  append(record: AuditRecord): Promise<void>;
  /** The latest records about a user, newest first. */
  forTarget(targetId: string, limit: number): Promise<readonly AuditRecord[]>;
}
