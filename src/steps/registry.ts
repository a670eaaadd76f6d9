/**
 * The remediation steps Unlock knows, in the order the card shows them. The pure half of the
 * remediation catalogue: which findings offer a step. How each step is authorised, confirmed and
 * executed lives beside it in `catalogue.ts`.
 */
import type { FindingKind } from '../domain/diagnosis';

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

/**
 * Which findings make a step worth offering. `handOver` is always offered last. The diagnosis adds
 * only narrowing rules on top (see `diagnosis/remediationSteps.ts`): a failed-sign-in pattern offers a
 * reset only when a new password would fix it, and nothing that changes the account is offered for
 * on-premises or possibly privileged targets where it cannot work or is not ours to do.
 * `restrictedSender` offers a reset because Defender's unblock flow asks to regain control of the
 * account (reset the password, turn on MFA) before unblocking:
 * https://learn.microsoft.com/en-us/defender-office-365/outbound-spam-restore-restricted-users
 */
export const OFFERED_BY: Readonly<Record<RemediationId, readonly FindingKind[]>> = {
  allowSignIn: ['signInBlocked'],
  resetPassword: ['smartLockout', 'failedSignIns', 'userAtRisk', 'restrictedSender'],
  unblockSending: ['restrictedSender'],
  removeInboxRule: ['suspiciousInboxRule'],
  revokeSessions: ['userAtRisk', 'suspiciousInboxRule', 'restrictedSender'],
  dismissRisk: ['userAtRisk'],
  confirmCompromised: ['userAtRisk'],
  compromisedChecklist: ['userAtRisk', 'suspiciousInboxRule', 'restrictedSender'],
  handOver: [],
};

/**
 * Whether a step changes the account (a Graph or Exchange write). Writes are withheld when the
 * target's roles could not be read, because the target may be an admin the bot must not touch.
 */
export const CHANGES_ACCOUNT: Readonly<Record<RemediationId, boolean>> = {
  allowSignIn: true,
  resetPassword: true,
  unblockSending: true,
  removeInboxRule: true,
  revokeSessions: true,
  dismissRisk: true,
  confirmCompromised: true,
  compromisedChecklist: false,
  handOver: false,
};
