/**
 * The remediation steps Unlock knows, in the order the card shows them. The pure half of the
 * remediation catalogue: which findings offer a step. How each step is authorised, confirmed and
 * executed lives beside it in `catalogue.ts`.
 */
import type { FindingKind } from '../diagnosis/types';

export const REMEDIATION_IDS = [
  'allowSignIn',
  'resetPassword',
  'unblockSending',
  'removeInboxRule',
  'revokeSessions',
  'dismissRisk',
  'confirmCompromised',
  'compromisedChecklist',
  'handOver',
] as const;

export type RemediationId = (typeof REMEDIATION_IDS)[number];

export function isRemediationId(value: unknown): value is RemediationId {
  return typeof value === 'string' && (REMEDIATION_IDS as readonly string[]).includes(value);
}

/** Which findings make a step worth offering. `handOver` is always offered last. */
export const OFFERED_BY: Readonly<Record<RemediationId, readonly FindingKind[]>> = {
  allowSignIn: ['signInBlocked'],
  resetPassword: ['smartLockout', 'failedSignIns', 'userAtRisk'],
  unblockSending: ['restrictedSender'],
  removeInboxRule: ['suspiciousInboxRule'],
  revokeSessions: ['userAtRisk', 'suspiciousInboxRule', 'restrictedSender'],
  dismissRisk: ['userAtRisk'],
  confirmCompromised: ['userAtRisk'],
  compromisedChecklist: ['userAtRisk', 'suspiciousInboxRule', 'restrictedSender'],
  handOver: [],
};
