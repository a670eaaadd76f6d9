/**
 * Findings about the account itself: blocked, risky, restricted from sending, not ready for
 * self-service reset, mastered on-premises, out of the bot's reach.
 */
import type {
  AuthenticationRegistration,
  DirectoryRoleMembership,
  GroupProtection,
  RestrictedSender,
  UserAccount,
  UserRisk,
} from '../domain/account';
import type { MessageKey } from '../i18n/catalogue';
import { text, type Text } from '../i18n/text';
import { restrictionReasonTexts } from './restrictedSenderReason';
import type {
  PasswordManagedOnPremisesFinding,
  PrivilegedTargetFinding,
  RestrictedSenderFinding,
  SessionsOpenAfterRiskFinding,
  SignInBlockedFinding,
  SsprNotRegisteredFinding,
  UserAtRiskFinding,
  ProtectedTargetFinding,
} from '../domain/diagnosis';

export function signInBlockedFinding(user: UserAccount): SignInBlockedFinding | undefined {
  if (user.accountEnabled) return undefined;
  return {
    kind: 'signInBlocked',
    severity: 'blocking',
    title: text('finding.signInBlocked.title'),
    details: [
      // A synced account's enabled state comes from Active Directory: a cloud change is refused or
      // overwritten at the next sync (reference §9, and AADSTS50057 "disabled in Active Directory").
      text(user.onPremisesSyncEnabled ? 'finding.signInBlocked.onPremises' : 'finding.signInBlocked.cloud'),
      text('finding.signInBlocked.checkWhy'),
    ],
  };
}

export function passwordManagedOnPremisesFinding(user: UserAccount): PasswordManagedOnPremisesFinding | undefined {
  if (!user.onPremisesSyncEnabled) return undefined;
  return {
    kind: 'passwordManagedOnPremises',
    severity: 'info',
    title: text('finding.passwordManagedOnPremises.title'),
    details: [text('finding.passwordManagedOnPremises.resetInAd'), text('finding.passwordManagedOnPremises.writeback')],
  };
}

const RISK_LEVEL_TEXT: Partial<Record<UserRisk['riskLevel'], MessageKey>> = {
  low: 'finding.userAtRisk.levelLow',
  medium: 'finding.userAtRisk.levelMedium',
  high: 'finding.userAtRisk.levelHigh',
  // Identity Protection hides the level from tenants without Entra ID P2.
  hidden: 'finding.userAtRisk.levelHidden',
};

/** Only a live risk counts: dismissed, remediated, confirmed safe or none mean nothing to do. */
export function userAtRiskFinding(risk: UserRisk | null): UserAtRiskFinding | undefined {
  if (risk === null || (risk.riskState !== 'atRisk' && risk.riskState !== 'confirmedCompromised')) return undefined;
  const compromised = risk.riskState === 'confirmedCompromised';
  const levelText = RISK_LEVEL_TEXT[risk.riskLevel];
  const details: Text[] = [];
  if (compromised) details.push(text('finding.userAtRisk.confirmedCompromised'));
  if (levelText !== undefined) details.push(text(levelText));
  if (risk.riskLastUpdatedDateTime !== undefined) {
    details.push(text('finding.userAtRisk.updatedAt', { at: risk.riskLastUpdatedDateTime }));
  }
  details.push(text(compromised ? 'finding.userAtRisk.adviceCompromised' : 'finding.userAtRisk.advice'));
  return {
    kind: 'userAtRisk',
    severity: compromised || risk.riskLevel === 'high' ? 'blocking' : 'warning',
    title: text(compromised ? 'finding.userAtRisk.titleCompromised' : 'finding.userAtRisk.title'),
    details,
    riskLevel: risk.riskLevel,
    riskState: risk.riskState,
    ...(risk.riskDetail !== undefined ? { riskDetail: risk.riskDetail } : {}),
    ...(risk.riskLastUpdatedDateTime !== undefined ? { updatedAt: risk.riskLastUpdatedDateTime } : {}),
  };
}

/** Risk details Identity Protection records when a password change or reset closed the risk. */
const REMEDIATED_BY_PASSWORD: ReadonlySet<string> = new Set([
  'adminGeneratedTemporaryPassword',
  'userPerformedSecuredPasswordChange',
  'userPerformedSecuredPasswordReset',
  'userChangedPasswordOnPremises',
  'adminChangedPasswordOnPremises',
]);

/** After this long, a risk closed without revoking sessions is no longer shown. */
const SESSIONS_OPEN_SHOWN_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * A password reset closed the user's risk, but an admin reset revokes only password-based sessions
 * and tokens: those that signed in without the password (Authenticator, Windows Hello, a passkey) and
 * confidential clients' tokens stay valid until the sessions are revoked. So Revoke sessions is still
 * called for until `signInSessionsValidFromDateTime` is later than the reset that closed the risk.
 * https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens#token-revocation
 * Revoking before the reset is not seen: once remediated, Entra keeps no earlier time for the risk.
 */
export function sessionsOpenAfterRiskFinding(risk: UserRisk | null, user: UserAccount, checkedAt: string): SessionsOpenAfterRiskFinding | undefined {
  if (risk === null || risk.riskState !== 'remediated' || !REMEDIATED_BY_PASSWORD.has(risk.riskDetail ?? '')) return undefined;
  const remediatedAt = risk.riskLastUpdatedDateTime;
  if (remediatedAt === undefined || Number.isNaN(Date.parse(remediatedAt))) return undefined;
  if (Date.parse(checkedAt) - Date.parse(remediatedAt) > SESSIONS_OPEN_SHOWN_MS) return undefined;
  const revokedAt = user.signInSessionsValidFromDateTime === undefined ? Number.NaN : Date.parse(user.signInSessionsValidFromDateTime);
  if (revokedAt >= Date.parse(remediatedAt)) return undefined;
  return {
    kind: 'sessionsOpenAfterRisk',
    severity: 'warning',
    title: text('finding.sessionsOpenAfterRisk.title'),
    details: [text('finding.sessionsOpenAfterRisk.when', { at: remediatedAt }), text('finding.sessionsOpenAfterRisk.why')],
    remediatedAt,
  };
}

/**
 * Restricted from sending after outbound spam or a sending limit; still receives mail.
 * https://learn.microsoft.com/en-us/defender-office-365/outbound-spam-restore-restricted-users
 */
export function restrictedSenderFinding(sender: RestrictedSender | null, user: UserAccount): RestrictedSenderFinding | undefined {
  if (sender === null) return undefined;
  const after = (moment: string | undefined): boolean =>
    moment !== undefined && sender.createdDateTime !== undefined && Date.parse(moment) > Date.parse(sender.createdDateTime);
  const details: Text[] = [];
  if (sender.createdDateTime !== undefined) details.push(text('finding.restrictedSender.since', { since: sender.createdDateTime }));
  details.push(...restrictionReasonTexts(sender.reason));
  details.push(
    text('finding.restrictedSender.effect'),
    // Defender's unblock flow asks to regain control (password, MFA) before unblocking.
    text('finding.restrictedSender.secureFirst'),
    // "all restrictions should be removed from the user within one hour … no longer than 24 hours"
    text('finding.restrictedSender.unblockDelay'),
    // Unblocks per account are capped; past that only Microsoft support can help (reference §15).
    text('finding.restrictedSender.unblockLimit'),
  );
  return {
    kind: 'restrictedSender',
    severity: 'blocking',
    title: text('finding.restrictedSender.title'),
    details,
    ...(sender.createdDateTime !== undefined ? { since: sender.createdDateTime } : {}),
    ...(sender.reason !== undefined ? { reason: sender.reason } : {}),
    passwordChangedSince: after(user.lastPasswordChangeDateTime),
    sessionsRevokedSince: after(user.signInSessionsValidFromDateTime),
  };
}

/**
 * Not registered for self-service password reset: not why they are locked out now, but why they
 * need the helpdesk for it. A warning when the policy covers them (they only have to register),
 * information when it does not (an admin decision, nothing the user can do).
 */
export function ssprNotRegisteredFinding(registration: AuthenticationRegistration | null): SsprNotRegisteredFinding | undefined {
  if (registration === null || registration.isSsprRegistered) return undefined;
  const details: Text[] = [text('finding.ssprNotRegistered.register')];
  if (!registration.isSsprEnabled) details.push(text('finding.ssprNotRegistered.policyDoesNotCover'));
  return {
    kind: 'ssprNotRegistered',
    severity: registration.isSsprEnabled ? 'warning' : 'info',
    title: text('finding.ssprNotRegistered.title'),
    details,
    ssprEnabled: registration.isSsprEnabled,
  };
}

/**
 * `held`: privileged roles the target holds now; `eligible`: privileged roles they may activate
 * through Privileged Identity Management and do not hold now.
 */
export function privilegedTargetFinding(
  held: readonly DirectoryRoleMembership[],
  eligible: readonly DirectoryRoleMembership[],
): PrivilegedTargetFinding | undefined {
  if (held.length === 0 && eligible.length === 0) return undefined;
  const heldNames = namesOf(held);
  const eligibleNames = namesOf(eligible).filter((name) => !heldNames.includes(name));
  const details: Text[] = [];
  if (heldNames.length > 0) {
    details.push(text('finding.privilegedTarget.roles', { count: heldNames.length, roles: heldNames.join(', ') }));
  }
  if (eligibleNames.length > 0) {
    details.push(text('finding.privilegedTarget.eligible', { count: eligibleNames.length, roles: eligibleNames.join(', ') }));
  }
  details.push(text('finding.privilegedTarget.whoCanAct'), text('finding.privilegedTarget.noSteps'));
  return {
    kind: 'privilegedTarget',
    severity: 'info',
    title: text('finding.privilegedTarget.title'),
    details,
    roles: [...heldNames, ...eligibleNames],
    eligibleRoles: eligibleNames,
  };
}

/**
 * A member of the helpdesk group (an operator does not change another operator's account: an
 * impostor with one operator's session must not take over the others) or of a protected group.
 */
export function protectedTargetFinding(protection: GroupProtection | null): ProtectedTargetFinding | undefined {
  if (protection === null || (!protection.operator && protection.protectedGroupIds.length === 0)) return undefined;
  const reason = protection.operator ? 'operator' : 'protectedGroup';
  return {
    kind: 'protectedTarget',
    severity: 'info',
    title: text(protection.operator ? 'finding.protectedTarget.operator' : 'finding.protectedTarget.group'),
    details: [text('finding.protectedTarget.whoCanAct'), text('finding.privilegedTarget.noSteps')],
    reason,
  };
}

function namesOf(roles: readonly DirectoryRoleMembership[]): string[] {
  return [...new Set(roles.map((role) => role.displayName))];
}
