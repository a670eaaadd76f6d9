/**
 * The account state that one diagnosis reads: what Graph and Exchange Online said about a user,
 * already translated from wire formats into domain terms. Each part that can fail on its own
 * (a missing permission or licence, throttling) is a `Checked<T>`, so one unreadable part never
 * fails the whole check.
 */

/** Why a part of the account could not be read. */
export type UnavailableCause =
  | 'permission' // 403 Authorization_RequestDenied: the app lacks a Graph permission or Entra role
  | 'licence' // 403 for a feature the tenant's licence does not include (Entra ID P1/P2)
  | 'notFound' // 404 where the resource should exist
  | 'throttled' // 429 still failing after the retries
  | 'outage'; // 5xx, network error, or an answer we could not read

export interface Unavailable {
  readonly kind: 'unavailable';
  readonly cause: UnavailableCause;
  /** What would make the check work: a permission, a role or a licence, in Microsoft's own words. */
  readonly needs?: string;
  /** Graph `request-id` (or Exchange equivalent) of the failed call, for support. */
  readonly requestId?: string;
}

export interface Available<T> {
  readonly kind: 'ok';
  readonly value: T;
}

export type Checked<T> = Available<T> | Unavailable;

export interface UserSummary {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
  readonly mail?: string;
}

export interface UserAccount extends UserSummary {
  readonly accountEnabled: boolean;
  /** True when the account is mastered in on-premises Active Directory and synced to Entra. */
  readonly onPremisesSyncEnabled: boolean;
  readonly lastPasswordChangeDateTime?: string;
  /** Sessions issued before this were revoked (`revokeSignInSessions` moves it to now). */
  readonly signInSessionsValidFromDateTime?: string;
  readonly passwordPolicies?: string;
  readonly userType?: string;
  // Callback facts for verifying a caller. Phone numbers are masked when read (`maskPhone`): the
  // full number is never kept, so it cannot reach a card, storage or a log.
  readonly mobilePhone?: string;
  readonly businessPhones?: readonly string[];
  readonly department?: string;
  readonly jobTitle?: string;
  readonly officeLocation?: string;
  readonly createdDateTime?: string;
}

export interface SignInActivity {
  readonly lastSignInDateTime?: string;
  readonly lastNonInteractiveSignInDateTime?: string;
  readonly lastSuccessfulSignInDateTime?: string;
}

/** One interactive sign-in from `/auditLogs/signIns`, newest first in `AccountState.signIns`. */
export interface SignInEvent {
  readonly createdDateTime: string;
  /** 0 is success; anything else is an Entra error code (AADSTS without the prefix). */
  readonly errorCode: number;
  readonly failureReason?: string;
  readonly appDisplayName?: string;
  readonly ipAddress?: string;
  readonly city?: string;
  readonly state?: string;
  /** ISO 3166 two-letter code, as the sign-in log writes it (`US`, `LV`). */
  readonly countryOrRegion?: string;
  /** `none`, `low`, `medium`, `high`, or `hidden` without Entra ID P2. */
  readonly riskLevelDuringSignIn?: string;
  readonly operatingSystem?: string;
  readonly browser?: string;
  /** The device's name, for a registered or joined device only. */
  readonly deviceName?: string;
}

/**
 * The user's manager, for a callback through them: the name and how to reach them. Phones are masked
 * as the user's are. https://learn.microsoft.com/en-us/graph/api/user-list-manager
 */
export interface ManagerContact {
  readonly displayName: string;
  readonly mail?: string;
  readonly userPrincipalName?: string;
  readonly jobTitle?: string;
  readonly mobilePhone?: string;
  readonly businessPhones?: readonly string[];
}

export type RiskLevel = 'low' | 'medium' | 'high' | 'hidden' | 'none' | 'unknownFutureValue';
export type RiskState =
  | 'none'
  | 'confirmedSafe'
  | 'remediated'
  | 'dismissed'
  | 'atRisk'
  | 'confirmedCompromised'
  | 'unknownFutureValue';

export interface UserRisk {
  readonly riskLevel: RiskLevel;
  readonly riskState: RiskState;
  readonly riskDetail?: string;
  readonly riskLastUpdatedDateTime?: string;
}

export interface AuthenticationRegistration {
  readonly isSsprRegistered: boolean;
  readonly isSsprEnabled: boolean;
  readonly isSsprCapable: boolean;
  readonly isMfaRegistered: boolean;
  readonly methodsRegistered: readonly string[];
}

/** The kinds of sign-in method Graph lists; anything newer is `other`. */
export type SignInMethodType =
  | 'password'
  | 'phone'
  | 'microsoftAuthenticator'
  | 'fido2'
  | 'email'
  | 'softwareOath'
  | 'temporaryAccessPass'
  | 'windowsHelloForBusiness'
  | 'platformCredential'
  | 'other';

/**
 * A registered sign-in (authentication) method, reduced to what an operator checks with the user.
 * Phone numbers are masked when read: only the last two digits are ever kept.
 * https://learn.microsoft.com/en-us/graph/api/resources/authenticationmethods-overview
 */
export interface SignInMethod {
  readonly id: string;
  readonly type: SignInMethodType;
  /** A device, key model, masked number or address; empty when Graph gives nothing to show. */
  readonly label: string;
  /** When it was registered; Graph has no date for some methods (the password, phones). */
  readonly createdDateTime?: string;
}

/** A directory role the user holds; compare `roleTemplateId`, never the tenant-specific object id. */
export interface DirectoryRoleMembership {
  readonly roleTemplateId: string;
  readonly displayName: string;
}

export interface MailRecipient {
  readonly address: string;
  readonly name?: string;
}

/** An Outlook inbox rule, reduced to what can hide or leak mail after a compromise. */
export interface InboxRule {
  readonly id: string;
  readonly displayName: string;
  readonly isEnabled: boolean;
  readonly forwardTo: readonly MailRecipient[];
  readonly forwardAsAttachmentTo: readonly MailRecipient[];
  readonly redirectTo: readonly MailRecipient[];
  readonly delete: boolean;
  readonly permanentDelete: boolean;
  readonly moveToFolder?: string;
  readonly markAsRead: boolean;
}

/** An entry of Exchange Online's restricted-sender list (`Get-BlockedSenderAddress`). */
export interface RestrictedSender {
  readonly senderAddress: string;
  readonly reason?: string;
  readonly createdDateTime?: string;
}

/** Groups that put a user out of the bot's reach, whatever their roles. */
export interface GroupProtection {
  /** A member of the helpdesk group: an operator does not change another operator's account. */
  readonly operator: boolean;
  /** The configured protected groups (`PROTECTED_GROUP_IDS`) the user belongs to. */
  readonly protectedGroupIds: readonly string[];
}

export interface AccountState {
  readonly user: UserAccount;
  /** Membership of the helpdesk group and the protected groups, read in the same `$batch`. */
  readonly protection: Checked<GroupProtection>;
  readonly signInActivity: Checked<SignInActivity | null>;
  /** Interactive sign-ins of the last 24 hours, newest first. */
  readonly signIns: Checked<readonly SignInEvent[]>;
  /** `null` when Identity Protection has never flagged the user. */
  readonly risk: Checked<UserRisk | null>;
  readonly registration: Checked<AuthenticationRegistration | null>;
  readonly roles: Checked<readonly DirectoryRoleMembership[]>;
  /**
   * Roles the user may activate through Privileged Identity Management (eligible, not active). Unavailable
   * with cause `licence` when the tenant has no PIM (Entra ID P2 or ID Governance), so nobody is eligible.
   */
  readonly eligibleRoles: Checked<readonly DirectoryRoleMembership[]>;
  /** `null` when the user has no Exchange Online mailbox. */
  readonly inboxRules: Checked<readonly InboxRule[] | null>;
  /** `null` when the user is not on the restricted-sender list. */
  readonly restrictedSender: Checked<RestrictedSender | null>;
  /** Registered sign-in methods, the password first. */
  readonly signInMethods: Checked<readonly SignInMethod[]>;
  /**
   * What an operator checks a caller against (issue 10). Absent when not read; each part can fail
   * alone and then shows as "could not read" on the card, never failing the check.
   * - `manager`: null when the user has none (Graph answers 404).
   * - `earlierSignIns`: successful interactive sign-ins of the last 30 days (at most a few dozen),
   *   the places the user is known to sign in from.
   * - `sameDisplayName`: other users whose display name is exactly this user's.
   */
  readonly manager?: Checked<ManagerContact | null>;
  readonly earlierSignIns?: Checked<readonly SignInEvent[]>;
  readonly sameDisplayName?: Checked<readonly UserSummary[]>;
  /** When the state was read (ISO 8601); the diagnosis measures "recent" and "lifts at" from it. */
  readonly checkedAt: string;
}
