/**
 * Entra sign-in error codes (AADSTS without the prefix) → what kind of failure it is and the catalogue
 * key that says so in plain words. Checked against:
 * - https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes (all but 500121)
 * - https://learn.microsoft.com/en-us/entra/architecture/security-operations-privileged-accounts
 *   (500121: "Authentication failed during strong authentication request")
 * - /work/shared/reference/graph-and-exchange.md §3
 * Microsoft warns that codes and texts may change; anything not listed here is reported as
 * "other: code N" with a link to https://login.microsoftonline.com/error?code=N.
 */
import type { SignInEvent } from '../domain/account';
import type { MessageKey } from '../i18n/catalogue';
import type { SignInFailureCategory } from '../domain/diagnosis';

export interface SignInErrorMeaning {
  readonly category: SignInFailureCategory;
  /** A plural message with `{count}` (and `{code}` for the fallback). */
  readonly meaning: MessageKey;
}

/** Every code Unlock explains by name. 50053 is split by `failureReason`, see `classifySignIn`. */
export const SIGN_IN_ERRORS: ReadonlyMap<number, SignInErrorMeaning> = new Map<number, SignInErrorMeaning>([
  // IdsLocked: smart lockout after too many wrong passwords.
  [50053, { category: 'lockedOut', meaning: 'signInError.50053.lockedOut' }],
  // InvalidPasswordExpiredPassword.
  [50055, { category: 'passwordExpired', meaning: 'signInError.50055' }],
  // Invalid or null password: no password stored in the directory for this user.
  [50056, { category: 'noPassword', meaning: 'signInError.50056' }],
  // UserDisabled (for synced users: disabled in Active Directory).
  [50057, { category: 'accountDisabled', meaning: 'signInError.50057' }],
  // InvalidUserNameOrPassword.
  [50126, { category: 'wrongPassword', meaning: 'signInError.50126' }],
  // BlockedByConditionalAccess.
  [53003, { category: 'conditionalAccess', meaning: 'signInError.53003' }],
  // UserStrongAuthClientAuthNRequiredInterrupt: MFA required, not (yet) passed.
  [50074, { category: 'mfaRequired', meaning: 'signInError.50074' }],
  // UserStrongAuthClientAuthNRequired: MFA now required (policy, per-user MFA or new location).
  [50076, { category: 'mfaRequired', meaning: 'signInError.50076' }],
  // UserStrongAuthEnrollmentRequired: must register security info first.
  [50079, { category: 'mfaRegistrationRequired', meaning: 'signInError.50079' }],
  // MFA failed (denied, timed out, wrong code).
  [500121, { category: 'mfaFailed', meaning: 'signInError.500121' }],
  // BlockedByConditionalAccessOnSecurityPolicy: a tenant security policy blocked the request.
  [530032, { category: 'securityPolicy', meaning: 'signInError.530032' }],
  // ExternalSecurityChallenge: an external MFA provider or custom control was not satisfied.
  [50158, { category: 'mfaFailed', meaning: 'signInError.50158' }],
  // DeviceAuthenticationRequired.
  [50097, { category: 'deviceRequired', meaning: 'signInError.50097' }],
  // ProofUpBlockedDueToRisk: may not register security info because the sign-in looks risky.
  [53004, { category: 'riskBlocked', meaning: 'signInError.53004' }],
]);

const SMART_LOCKOUT = 50053;

/**
 * 50053 means either smart lockout (IdsLocked) or "Sign-in was blocked because it came from an IP
 * address with malicious activity"; only `failureReason` tells which (reference-error-codes, and
 * howto-password-smart-lockout "Default protections"). Without a recognisable reason we do not guess:
 * it is reported as its own, ambiguous cause, and offers no password reset.
 */
export function classifySignIn(event: SignInEvent): SignInErrorMeaning {
  if (event.errorCode === SMART_LOCKOUT) {
    const reason = event.failureReason ?? '';
    if (/malicious/i.test(reason)) return { category: 'maliciousIp', meaning: 'signInError.50053.maliciousIp' };
    if (/lock/i.test(reason)) return { category: 'lockedOut', meaning: 'signInError.50053.lockedOut' };
    return { category: 'other', meaning: 'signInError.50053' };
  }
  return SIGN_IN_ERRORS.get(event.errorCode) ?? { category: 'other', meaning: 'signInError.other' };
}

export function isFailure(event: SignInEvent): boolean {
  return event.errorCode !== 0;
}

export { PASSWORD_FAILURES } from '../domain/diagnosis';

/**
 * 50074/50076 are interrupts: Entra asks for MFA and the sign-in normally continues once the user
 * approves, so the log is full of them for healthy users. On their own they are information, not a
 * problem (reference-error-codes: "Retry with a new authorize request").
 */
export const NORMAL_INTERRUPTS: ReadonlySet<SignInFailureCategory> = new Set<SignInFailureCategory>(['mfaRequired']);
