/**
 * The simulated tenant's data: what Entra ID, Identity Protection and Exchange Online would hold.
 * Fields are spelled as Graph spells them, so the routes can serve them with little translation.
 * The model is mutable on purpose: writes through the HTTP API change it, and tests may adjust it
 * directly before a scenario.
 */

export interface SimulatedTenant {
  /** Used in the Exchange admin API path; the seeded one is the Agents Playground's tenant id. */
  tenantId: string;
  /** The verified domain of every seeded UPN, e.g. `contoso.com`. */
  domain: string;
  users: SimulatedUser[];
  groups: SimulatedGroup[];
  /** Roles activated in the tenant; `id` is tenant-specific, `roleTemplateId` is the same everywhere. */
  directoryRoles: SimulatedDirectoryRole[];
  /** Exchange Online's restricted-sender list (`Get-BlockedSenderAddress`). */
  blockedSenders: SimulatedBlockedSender[];
  /** The authentication methods policy's Temporary Access Pass configuration. */
  temporaryAccessPassPolicy: SimulatedTemporaryAccessPassPolicy;
}

export interface SimulatedUser {
  id: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  userPrincipalName: string;
  mail: string | null;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  /** Free text, as Graph keeps phones (`+371 29991234`); absent is null. */
  mobilePhone?: string | null;
  businessPhones?: string[];
  /** The object id of the user's manager (`GET /users/{id}/manager`); absent or null when none. */
  managerId?: string | null;
  /** For guests: `PendingAcceptance` or `Accepted`. */
  externalUserState?: string | null;
  preferredLanguage: string | null;
  usageLocation: string | null;
  userType: 'Member' | 'Guest';
  accountEnabled: boolean;
  /** `true` while the account is mastered in on-premises Active Directory; `null` for cloud-only. */
  onPremisesSyncEnabled: boolean | null;
  passwordPolicies: string | null;
  createdDateTime: string;
  lastPasswordChangeDateTime: string;
  signInSessionsValidFromDateTime: string;
  /**
   * The last password set through the API, as a SHA-256 hex digest: enough for a test to check which
   * password was set, never enough to show it.
   */
  passwordProfile: SimulatedPasswordProfile | null;
  /** `null` when the user never signed in: Graph then leaves the property empty. */
  signInActivity: SimulatedSignInActivity | null;
  /** Interactive sign-ins, any order; the sign-in log route sorts them newest first. */
  signIns: SimulatedSignIn[];
  /** `null` when Identity Protection never flagged the user: the riskyUsers route answers 404. */
  risk: SimulatedRisk | null;
  /**
   * The registration report (`userRegistrationDetails`); the seed keeps it in step with
   * `authentication`, and method writes update it (see `authenticationMethods.ts`).
   */
  registration: SimulatedRegistration;
  /** Registered authentication methods besides the password, which every user has. */
  authentication: SimulatedAuthentication;
  /** Template ids of the directory roles the user holds (see `roles.ts`). */
  roleTemplateIds: string[];
  /**
   * Template ids of the roles the user is eligible for through Privileged Identity Management, tenant-wide:
   * listed by `roleEligibilityScheduleInstances`, not held until activated (and activation is not simulated).
   */
  eligibleRoleTemplateIds: string[];
  /** `null` when the user has no Exchange Online mailbox. */
  mailbox: SimulatedMailbox | null;
}

export interface SimulatedPasswordProfile {
  passwordSha256: string;
  forceChangePasswordNextSignIn: boolean;
}

export interface SimulatedSignInActivity {
  lastSignInDateTime: string | null;
  lastSignInRequestId: string | null;
  lastNonInteractiveSignInDateTime: string | null;
  lastNonInteractiveSignInRequestId: string | null;
  lastSuccessfulSignInDateTime: string | null;
  lastSuccessfulSignInRequestId: string | null;
}

/** One interactive sign-in, in the shape of Graph's `signIn` resource minus the user fields. */
export interface SimulatedSignIn {
  id: string;
  createdDateTime: string;
  appDisplayName: string;
  ipAddress: string;
  clientAppUsed: string;
  conditionalAccessStatus: 'success' | 'failure' | 'notApplied';
  errorCode: number;
  failureReason: string | null;
  additionalDetails: string | null;
  city: string;
  /** The region within the country, as the log writes it (`Washington`); often null. */
  state?: string | null;
  countryOrRegion: string;
  /** `deviceDetail`: what the client reported; `deviceName` only for a registered or joined device. */
  operatingSystem?: string;
  browser?: string;
  deviceName?: string;
  riskLevelDuringSignIn: 'none' | 'low' | 'medium' | 'high' | 'hidden';
  riskState: 'none' | 'atRisk' | 'confirmedCompromised' | 'dismissed' | 'remediated' | 'confirmedSafe';
}

export interface SimulatedRisk {
  riskLevel: 'low' | 'medium' | 'high' | 'hidden' | 'none';
  riskState: 'none' | 'confirmedSafe' | 'remediated' | 'dismissed' | 'atRisk' | 'confirmedCompromised';
  riskDetail: string;
  riskLastUpdatedDateTime: string;
}

/** The `userRegistrationDetails` report row; `isSsprCapable` and `isAdmin` are derived when served. */
export interface SimulatedRegistration {
  isSsprRegistered: boolean;
  isSsprEnabled: boolean;
  isMfaRegistered: boolean;
  isMfaCapable: boolean;
  isPasswordlessCapable: boolean;
  methodsRegistered: string[];
  lastUpdatedDateTime: string;
}

export interface SimulatedAuthentication {
  methods: SimulatedAuthenticationMethod[];
  /**
   * The user's default method for multifactor authentication (the report's
   * `userPreferredMethodForSecondaryAuthentication`); Graph refuses to delete it while other
   * methods remain. `null` when the user has none.
   */
  defaultMethodId: string | null;
}

/** One registered method; `kind` picks the Graph type (`authenticationMethods.ts` maps it). */
export type SimulatedAuthenticationMethod =
  | SimulatedPhoneMethod
  | SimulatedAuthenticatorMethod
  | SimulatedFido2Method
  | SimulatedEmailMethod
  | SimulatedSoftwareOathMethod
  | SimulatedTemporaryAccessPass;

interface SimulatedMethodBase {
  id: string;
  /** When the method was registered. */
  createdDateTime: string;
}

export interface SimulatedPhoneMethod extends SimulatedMethodBase {
  kind: 'phone';
  /** Graph's format, `+{country code} {number}`. */
  phoneNumber: string;
  phoneType: 'mobile' | 'alternateMobile' | 'office';
  smsSignInState: 'notSupported' | 'notAllowedByPolicy' | 'notEnabled' | 'phoneNumberNotUnique' | 'ready' | 'notConfigured';
}

export interface SimulatedAuthenticatorMethod extends SimulatedMethodBase {
  kind: 'microsoftAuthenticator';
  /** The device's name, e.g. `iPhone 14`. */
  displayName: string;
  deviceTag: string;
  phoneAppVersion: string;
}

export interface SimulatedFido2Method extends SimulatedMethodBase {
  kind: 'fido2';
  displayName: string;
  model: string;
  aaGuid: string;
  attestationLevel: 'attested' | 'notAttested';
  attestationCertificates: string[];
}

export interface SimulatedEmailMethod extends SimulatedMethodBase {
  kind: 'email';
  emailAddress: string;
}

export interface SimulatedSoftwareOathMethod extends SimulatedMethodBase {
  kind: 'softwareOath';
}

export interface SimulatedTemporaryAccessPass extends SimulatedMethodBase {
  kind: 'temporaryAccessPass';
  startDateTime: string;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
  /** A SHA-256 hex digest of the pass: enough for a test to check which pass was issued, never enough to show it. */
  passSha256: string;
}

/**
 * `authenticationMethodConfigurations/TemporaryAccessPass`: who may get a pass and for how long.
 * https://learn.microsoft.com/en-us/graph/api/resources/temporaryaccesspassauthenticationmethodconfiguration
 */
export interface SimulatedTemporaryAccessPassPolicy {
  state: 'enabled' | 'disabled';
  defaultLifetimeInMinutes: number;
  /** Characters in a new pass, 8 to 48. */
  defaultLength: number;
  minimumLifetimeInMinutes: number;
  maximumLifetimeInMinutes: number;
  /** `true`: every pass is one-time; `false`: the creator chooses. */
  isUsableOnce: boolean;
  /** Group ids, or `all_users`. */
  includeTargets: { targetType: 'group'; id: string; isRegistrationRequired: boolean }[];
  excludeTargets: { targetType: 'group'; id: string }[];
}

export interface SimulatedMailbox {
  /** Inbox rules in Graph's `messageRule` shape. */
  rules: SimulatedMessageRule[];
}

export interface SimulatedMessageRule {
  id: string;
  displayName: string;
  sequence: number;
  isEnabled: boolean;
  hasError: boolean;
  isReadOnly: boolean;
  /** Only the predicates that are set, as Graph serves them. */
  conditions: Record<string, string[] | boolean | string>;
  actions: SimulatedMessageRuleActions;
}

export interface SimulatedRecipient {
  emailAddress: { name: string; address: string };
}

export interface SimulatedMessageRuleActions {
  forwardTo?: SimulatedRecipient[];
  forwardAsAttachmentTo?: SimulatedRecipient[];
  redirectTo?: SimulatedRecipient[];
  delete?: boolean;
  permanentDelete?: boolean;
  moveToFolder?: string;
  markAsRead?: boolean;
  stopProcessingRules?: boolean;
}

export interface SimulatedGroup {
  id: string;
  displayName: string;
  /** Ids of member users or nested groups; membership checks are transitive. */
  memberIds: string[];
}

export interface SimulatedDirectoryRole {
  id: string;
  roleTemplateId: string;
  displayName: string;
}

export interface SimulatedBlockedSender {
  senderAddress: string;
  reason: string;
  createdDateTime: string;
  changedDateTime: string;
}

/** Finds a user the way Graph's `/users/{id | userPrincipalName}` key does. */
export function findUser(
  tenant: SimulatedTenant,
  key: string,
): { user: SimulatedUser; keyIsId: boolean } | undefined {
  const wanted = key.toLowerCase();
  const byId = tenant.users.find((user) => user.id.toLowerCase() === wanted);
  if (byId !== undefined) return { user: byId, keyIsId: true };
  const byUpn = tenant.users.find((user) => user.userPrincipalName.toLowerCase() === wanted);
  return byUpn === undefined ? undefined : { user: byUpn, keyIsId: false };
}
