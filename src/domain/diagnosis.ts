/**
 * What the diagnosis concludes: findings, each with a severity and the catalogue keys of its text,
 * and the remediation steps that apply. Plain data: cards render it, dialogs route on it, tests compare it.
 */
import type { RiskLevel, RiskState, SignInMethodType, UnavailableCause } from './account';
import type { Text } from '../i18n/text';
import type { CallerVerification } from './callerVerification';

/** `blocking` stops the user signing in or sending now; `ok` is the all-clear. */
export type Severity = 'blocking' | 'warning' | 'info' | 'ok';

/** The parts of the account a diagnosis reads; used to say which one could not be checked. */
export type CheckName =
  | 'signInActivity'
  | 'signIns'
  | 'risk'
  | 'registration'
  | 'roles'
  | 'eligibleRoles'
  | 'inboxRules'
  | 'restrictedSender'
  | 'signInMethods'
  | 'protection';

interface FindingBase {
  readonly severity: Severity;
  /** One line that names the problem. */
  readonly title: Text;
  /** Plain-language explanation and advice, one paragraph per entry. */
  readonly details: readonly Text[];
}

export interface SignInBlockedFinding extends FindingBase {
  readonly kind: 'signInBlocked';
}

export interface SmartLockoutFinding extends FindingBase {
  readonly kind: 'smartLockout';
  readonly lastLockoutAt: string;
  /** Earliest moment the lockout lifts by itself (Entra's default lockout is 60 s and grows on repeats). */
  readonly estimatedUnlockAt: string;
  readonly lockoutCount: number;
}

export type SignInFailureCategory =
  | 'lockedOut'
  | 'maliciousIp'
  | 'wrongPassword'
  | 'passwordExpired'
  | 'noPassword'
  | 'accountDisabled'
  | 'conditionalAccess'
  | 'mfaRequired'
  | 'mfaFailed'
  | 'mfaRegistrationRequired'
  | 'securityPolicy'
  | 'deviceRequired'
  | 'riskBlocked'
  | 'other';

export interface FailedSignInCause {
  readonly errorCode: number;
  readonly category: SignInFailureCategory;
  readonly count: number;
  readonly lastAt: string;
  /** Plain-language meaning of the error code. */
  readonly meaning: Text;
}

export interface FailedSignInsFinding extends FindingBase {
  readonly kind: 'failedSignIns';
  /** Most frequent cause first. */
  readonly causes: readonly FailedSignInCause[];
  readonly total: number;
}

export interface UserAtRiskFinding extends FindingBase {
  readonly kind: 'userAtRisk';
  readonly riskLevel: RiskLevel;
  readonly riskState: RiskState;
  readonly riskDetail?: string;
  readonly updatedAt?: string;
}

/**
 * The user's risk was closed by a password reset, and their sessions have not been revoked since. A
 * password reset ends only password-based sessions; ones that signed in without the password stay.
 */
export interface SessionsOpenAfterRiskFinding extends FindingBase {
  readonly kind: 'sessionsOpenAfterRisk';
  /** When the reset closed the risk (`riskLastUpdatedDateTime`). */
  readonly remediatedAt: string;
}

export interface RestrictedSenderFinding extends FindingBase {
  readonly kind: 'restrictedSender';
  readonly since?: string;
  readonly reason?: string;
  /** The password was changed after the restriction began: that part of securing the account is done. */
  readonly passwordChangedSince: boolean;
  /** Sessions were revoked after the restriction began. */
  readonly sessionsRevokedSince: boolean;
}

export interface SsprNotRegisteredFinding extends FindingBase {
  readonly kind: 'ssprNotRegistered';
  /** False when the tenant's policy does not allow this user self-service reset at all. */
  readonly ssprEnabled: boolean;
}

export type InboxRuleBehaviour =
  | 'forward'
  | 'forwardAsAttachment'
  | 'redirect'
  | 'delete'
  | 'permanentDelete'
  | 'moveAndMarkRead';

export interface SuspiciousInboxRuleFinding extends FindingBase {
  readonly kind: 'suspiciousInboxRule';
  readonly ruleId: string;
  readonly ruleName: string;
  readonly behaviours: readonly InboxRuleBehaviour[];
  /** Addresses mail is forwarded or redirected to. */
  readonly recipients: readonly string[];
}

/** A sign-in method registered in the last days: an attacker who got in often adds their own. */
export interface NewSignInMethodFinding extends FindingBase {
  readonly kind: 'newSignInMethod';
  readonly methodId: string;
  readonly methodType: SignInMethodType;
  readonly label: string;
  readonly addedAt: string;
}

/** Every registered sign-in method, for checking with the user on a compromised-looking account or lost MFA. */
export interface SignInMethodsFinding extends FindingBase {
  readonly kind: 'signInMethods';
  /** When a Temporary Access Pass was issued, if the user has one: a second would replace it. */
  readonly temporaryAccessPassSince?: string;
}

export interface PasswordManagedOnPremisesFinding extends FindingBase {
  readonly kind: 'passwordManagedOnPremises';
}

export interface PrivilegedTargetFinding extends FindingBase {
  readonly kind: 'privilegedTarget';
  /** Display names of the roles that make the target privileged, held or eligible. */
  readonly roles: readonly string[];
  /** Those of `roles` the target does not hold now but may activate through Privileged Identity Management. */
  readonly eligibleRoles: readonly string[];
}

/** In a group that is out of the bot's reach: the helpdesk group, or a configured protected group. */
export interface ProtectedTargetFinding extends FindingBase {
  readonly kind: 'protectedTarget';
  readonly reason: 'operator' | 'protectedGroup';
}

export interface CouldNotCheckFinding extends FindingBase {
  readonly kind: 'couldNotCheck';
  readonly check: CheckName;
  readonly cause: UnavailableCause;
  readonly needs?: string;
}

export interface NothingWrongFinding extends FindingBase {
  readonly kind: 'nothingWrong';
}

export type Finding =
  | SignInBlockedFinding
  | SmartLockoutFinding
  | FailedSignInsFinding
  | UserAtRiskFinding
  | SessionsOpenAfterRiskFinding
  | RestrictedSenderFinding
  | SsprNotRegisteredFinding
  | SuspiciousInboxRuleFinding
  | NewSignInMethodFinding
  | SignInMethodsFinding
  | PasswordManagedOnPremisesFinding
  | PrivilegedTargetFinding
  | ProtectedTargetFinding
  | CouldNotCheckFinding
  | NothingWrongFinding;

export type FindingKind = Finding['kind'];

/** Failures a new password fixes; only these make a failed-sign-in pattern offer a password reset. */
export const PASSWORD_FAILURES: ReadonlySet<SignInFailureCategory> = new Set<SignInFailureCategory>([
  'lockedOut',
  'wrongPassword',
  'passwordExpired',
  'noPassword',
]);

/**
 * A remediation the card offers as a button: a step id from the step registry (`src/steps/`);
 * `itemId` and `itemName` name the one thing a step is about: an inbox rule, a sign-in method.
 */
export interface RemediationStep {
  readonly id: string;
  /**
   * A highlighted button: what the findings call for, first things first (at most three). Steps any
   * account may need (a password reset the user asked for) are offered too, as secondary actions.
   */
  readonly primary?: boolean;
  readonly itemId?: string;
  readonly itemName?: string;
}

export interface Diagnosis {
  readonly userId: string;
  /** Most severe first. */
  readonly findings: readonly Finding[];
  readonly steps: readonly RemediationStep[];
  /** When the target holds, or is eligible for, a role the bot must not touch, every step is withheld. */
  readonly privileged: boolean;
  /** The roles could not be read, so the target may be privileged: steps that change the account are withheld. */
  readonly rolesUnknown: boolean;
  /**
   * The account looks compromised (at risk, blocked from sending, a suspicious rule or a new sign-in
   * method): securing it comes first, and lifting a protection asks the operator to look again.
   */
  readonly compromised: boolean;
  /** On a compromised-looking account, the securing steps its findings still call for. */
  readonly stillOpen: readonly RemediationStep[];
  /** One line for the top of the card: what is wrong, and what to do first. */
  readonly summary: Text;
  /** What an operator checks a caller against (sign-in places, callback facts, identity warnings); operators only. */
  readonly verification?: CallerVerification;
}
