/**
 * Graph JSON → domain types. Graph answers are data from the network: every field is checked for
 * its type, and a malformed answer becomes an "outage" for that part instead of a crash.
 */
import type {
  AuthenticationRegistration,
  DirectoryRoleMembership,
  GroupProtection,
  InboxRule,
  MailRecipient,
  ManagerContact,
  RiskLevel,
  RiskState,
  SignInActivity,
  SignInEvent,
  SignInMethod,
  SignInMethodType,
  UserAccount,
  UserRisk,
  UserSummary,
} from '../../domain/account';
import { roleName } from '../../domain/roleNames';
import { maskPhone } from '../../diagnosis/verifierFacts';

type Json = Record<string, unknown>;

export class MalformedAnswerError extends Error {}

/**
 * Graph lists directory objects the app may not read with only `@odata.type` and `id`, every other
 * property null. For roles that would hide an administrator, so it must not read as "no roles".
 * https://learn.microsoft.com/en-us/graph/permissions-overview#limited-information-returned-for-inaccessible-member-objects
 */
export class LimitedInformationError extends Error {}

function object(value: unknown, what: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new MalformedAnswerError(`${what} is not an object`);
  }
  return value as Json;
}

function list(body: unknown, what: string): Json[] {
  const value = object(body, what).value;
  if (!Array.isArray(value)) {
    throw new MalformedAnswerError(`${what} has no value array`);
  }
  return value.map((item, index) => object(item, `${what}[${index}]`));
}

function requiredString(json: Json, key: string, what: string): string {
  const value = json[key];
  if (typeof value !== 'string') {
    throw new MalformedAnswerError(`${what}.${key} is not a string`);
  }
  return value;
}

function optionalString(json: Json, key: string): string | undefined {
  const value = json[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function flag(json: Json, key: string): boolean {
  return json[key] === true;
}

export function userSummaryFrom(body: unknown): UserSummary {
  const json = object(body, 'user');
  const mail = optionalString(json, 'mail');
  return {
    id: requiredString(json, 'id', 'user'),
    userPrincipalName: requiredString(json, 'userPrincipalName', 'user'),
    displayName: optionalString(json, 'displayName') ?? requiredString(json, 'userPrincipalName', 'user'),
    ...(mail ? { mail } : {}),
  };
}

export function userListFrom(body: unknown): { users: UserSummary[]; more: boolean } {
  const users = list(body, 'users').map(userSummaryFrom);
  return { users, more: typeof object(body, 'users')['@odata.nextLink'] === 'string' };
}

/** A lookup that selected the account's fields: the accounts found, so the lookup is also the read. */
export function userAccountListFrom(body: unknown): { accounts: UserAccount[]; more: boolean } {
  const accounts = list(body, 'users').map(userAccountFrom);
  return { accounts, more: typeof object(body, 'users')['@odata.nextLink'] === 'string' };
}

export function userAccountFrom(body: unknown): UserAccount {
  const json = object(body, 'user');
  return {
    ...userSummaryFrom(json),
    accountEnabled: json.accountEnabled !== false,
    onPremisesSyncEnabled: flag(json, 'onPremisesSyncEnabled'),
    ...optional('lastPasswordChangeDateTime', optionalString(json, 'lastPasswordChangeDateTime')),
    ...optional('signInSessionsValidFromDateTime', optionalString(json, 'signInSessionsValidFromDateTime')),
    ...optional('passwordPolicies', optionalString(json, 'passwordPolicies')),
    ...optional('userType', optionalString(json, 'userType')),
    ...contactFacts(json),
    ...optional('department', optionalString(json, 'department')),
    ...optional('officeLocation', optionalString(json, 'officeLocation')),
    ...optional('createdDateTime', optionalString(json, 'createdDateTime')),
  };
}

/** Phones (masked here, before anything keeps them) and job title: the user's and the manager's alike. */
function contactFacts(json: Json): { mobilePhone?: string; businessPhones?: readonly string[]; jobTitle?: string } {
  const mobile = optionalString(json, 'mobilePhone');
  const business = Array.isArray(json.businessPhones) ? json.businessPhones.filter((phone): phone is string => typeof phone === 'string' && phone !== '') : [];
  return {
    ...(mobile ? { mobilePhone: maskPhone(mobile) } : {}),
    ...(business.length > 0 ? { businessPhones: business.map(maskPhone) } : {}),
    ...optional('jobTitle', optionalString(json, 'jobTitle')),
  };
}

/**
 * `GET /users/{id}/manager`: a user, or an organisational contact; either has a display name.
 * https://learn.microsoft.com/en-us/graph/api/user-list-manager
 */
export function managerFrom(body: unknown): ManagerContact {
  const json = object(body, 'manager');
  return {
    displayName: optionalString(json, 'displayName') ?? requiredString(json, 'id', 'manager'),
    ...optional('mail', optionalString(json, 'mail')),
    ...optional('userPrincipalName', optionalString(json, 'userPrincipalName')),
    ...contactFacts(json),
  };
}

/** `/users?$filter=displayName eq …`: everyone with exactly that name, the user included. */
export function sameDisplayNameFrom(body: unknown): UserSummary[] {
  return list(body, 'users').map(userSummaryFrom);
}

/** `signInActivity` is absent for users who never signed in. */
export function signInActivityFrom(body: unknown): SignInActivity | null {
  const activity = object(body, 'user').signInActivity;
  if (activity === undefined || activity === null) {
    return null;
  }
  const json = object(activity, 'signInActivity');
  return {
    ...optional('lastSignInDateTime', optionalString(json, 'lastSignInDateTime')),
    ...optional('lastNonInteractiveSignInDateTime', optionalString(json, 'lastNonInteractiveSignInDateTime')),
    ...optional('lastSuccessfulSignInDateTime', optionalString(json, 'lastSuccessfulSignInDateTime')),
  };
}

/**
 * The one user's item of a list filtered by their UPN (`/users`, `riskyUsers`,
 * `userRegistrationDetails`): null when the list is empty; an item about anyone else is malformed.
 */
function itemAbout(body: unknown, userId: string, what: string): Json | null {
  const items = list(body, what);
  if (items.length === 0) {
    return null;
  }
  const item = items.find((candidate) => typeof candidate.id === 'string' && candidate.id.toLowerCase() === userId.toLowerCase());
  if (item === undefined || items.length > 1) {
    throw new MalformedAnswerError(`${what} filtered by UPN is not about this one user`);
  }
  return item;
}

/** `signInActivity` from the list form (`/users?$filter=userPrincipalName eq …`); the user is known to exist. */
export function signInActivityOfFrom(body: unknown, userId: string): SignInActivity | null {
  const item = itemAbout(body, userId, 'users');
  if (item === null) {
    throw new MalformedAnswerError('the user found has no signInActivity item');
  }
  return signInActivityFrom(item);
}

/** `riskyUsers?$filter=userPrincipalName eq …`: empty for a user Identity Protection never flagged. */
export function userRiskOfFrom(body: unknown, userId: string): UserRisk | null {
  const item = itemAbout(body, userId, 'riskyUsers');
  return item === null ? null : userRiskFrom(item);
}

/** `userRegistrationDetails?$filter=userPrincipalName eq …`: empty when the report has no row for the user. */
export function registrationOfFrom(body: unknown, userId: string): AuthenticationRegistration | null {
  const item = itemAbout(body, userId, 'userRegistrationDetails');
  return item === null ? null : registrationFrom(item);
}

export function signInsFrom(body: unknown): SignInEvent[] {
  return list(body, 'signIns')
    .map((json): SignInEvent => {
      const status = object(json.status ?? {}, 'signIn.status');
      const location = json.location && typeof json.location === 'object' ? (json.location as Json) : {};
      const device = json.deviceDetail && typeof json.deviceDetail === 'object' ? (json.deviceDetail as Json) : {};
      const errorCode = status.errorCode;
      return {
        createdDateTime: requiredString(json, 'createdDateTime', 'signIn'),
        errorCode: typeof errorCode === 'number' ? errorCode : Number(errorCode ?? 0),
        ...optional('failureReason', optionalString(status, 'failureReason')),
        ...optional('appDisplayName', optionalString(json, 'appDisplayName')),
        ...optional('ipAddress', optionalString(json, 'ipAddress')),
        ...optional('city', optionalString(location, 'city')),
        ...optional('state', optionalString(location, 'state')),
        ...optional('countryOrRegion', optionalString(location, 'countryOrRegion')),
        ...optional('riskLevelDuringSignIn', optionalString(json, 'riskLevelDuringSignIn')),
        ...optional('operatingSystem', optionalString(device, 'operatingSystem')),
        ...optional('browser', optionalString(device, 'browser')),
        ...optional('deviceName', optionalString(device, 'displayName')),
      };
    })
    .sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime));
}

const RISK_LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high', 'hidden', 'none', 'unknownFutureValue'];
const RISK_STATES: readonly RiskState[] = [
  'none',
  'confirmedSafe',
  'remediated',
  'dismissed',
  'atRisk',
  'confirmedCompromised',
  'unknownFutureValue',
];

export function userRiskFrom(body: unknown): UserRisk {
  const json = object(body, 'riskyUser');
  const level = RISK_LEVELS.find((candidate) => candidate === json.riskLevel) ?? 'unknownFutureValue';
  const state = RISK_STATES.find((candidate) => candidate === json.riskState) ?? 'unknownFutureValue';
  return {
    riskLevel: level,
    riskState: state,
    ...optional('riskDetail', optionalString(json, 'riskDetail')),
    ...optional('riskLastUpdatedDateTime', optionalString(json, 'riskLastUpdatedDateTime')),
  };
}

export function registrationFrom(body: unknown): AuthenticationRegistration {
  // The reference page's example wraps the object in `value`; live answers are bare. Read both.
  const outer = object(body, 'userRegistrationDetails');
  const json = outer.value && typeof outer.value === 'object' && !Array.isArray(outer.value) ? (outer.value as Json) : outer;
  const methods = Array.isArray(json.methodsRegistered) ? json.methodsRegistered : [];
  return {
    isSsprRegistered: flag(json, 'isSsprRegistered'),
    isSsprEnabled: flag(json, 'isSsprEnabled'),
    isSsprCapable: flag(json, 'isSsprCapable'),
    isMfaRegistered: flag(json, 'isMfaRegistered'),
    methodsRegistered: methods.filter((method): method is string => typeof method === 'string'),
  };
}

export function rolesFrom(body: unknown): DirectoryRoleMembership[] {
  const roles = list(body, 'directoryRoles');
  if (roles.some((json) => typeof json.roleTemplateId !== 'string')) {
    throw new LimitedInformationError('directory roles came back without their template ids');
  }
  return roles.map((json) => ({
      roleTemplateId: requiredString(json, 'roleTemplateId', 'directoryRole'),
      displayName: optionalString(json, 'displayName') ?? requiredString(json, 'roleTemplateId', 'directoryRole'),
    }));
}

/**
 * PIM eligibility instances → the roles they make the user eligible for, at any scope (a tenant-wide
 * `/` or an administrative unit): refusing on a scoped one too errs on the safe side.
 * https://learn.microsoft.com/en-us/graph/api/resources/unifiedroleeligibilityscheduleinstance
 */
export function eligibleRolesFrom(body: unknown): DirectoryRoleMembership[] {
  // A later page could hold a privileged role; a list we cannot see whole proves nothing.
  if (typeof object(body, 'roleEligibilityScheduleInstances')['@odata.nextLink'] === 'string') {
    throw new MalformedAnswerError('role eligibilities came back in more than one page');
  }
  return list(body, 'roleEligibilityScheduleInstances').map((json) => {
    const templateId = requiredString(json, 'roleDefinitionId', 'roleEligibilityScheduleInstance');
    return { roleTemplateId: templateId, displayName: roleName(templateId) };
  });
}

/**
 * Every PIM eligibility in the tenant → the roles each principal (lower-case object id) may activate;
 * undefined when Graph answered in more than one page, since a roster seen in part proves nothing.
 */
export function eligibilityRosterFrom(body: unknown): ReadonlyMap<string, DirectoryRoleMembership[]> | undefined {
  if (typeof object(body, 'roleEligibilityScheduleInstances')['@odata.nextLink'] === 'string') {
    return undefined;
  }
  const roster = new Map<string, DirectoryRoleMembership[]>();
  for (const json of list(body, 'roleEligibilityScheduleInstances')) {
    const principal = requiredString(json, 'principalId', 'roleEligibilityScheduleInstance').toLowerCase();
    const templateId = requiredString(json, 'roleDefinitionId', 'roleEligibilityScheduleInstance');
    roster.set(principal, [...(roster.get(principal) ?? []), { roleTemplateId: templateId, displayName: roleName(templateId) }]);
  }
  return roster;
}

export function inboxRulesFrom(body: unknown): InboxRule[] {
  return list(body, 'messageRules').map((json) => {
    const actions = json.actions && typeof json.actions === 'object' ? (json.actions as Json) : {};
    const moveToFolder = optionalString(actions, 'moveToFolder');
    return {
      id: requiredString(json, 'id', 'messageRule'),
      displayName: optionalString(json, 'displayName') ?? '',
      isEnabled: json.isEnabled !== false,
      forwardTo: recipients(actions.forwardTo),
      forwardAsAttachmentTo: recipients(actions.forwardAsAttachmentTo),
      redirectTo: recipients(actions.redirectTo),
      delete: flag(actions, 'delete'),
      permanentDelete: flag(actions, 'permanentDelete'),
      markAsRead: flag(actions, 'markAsRead'),
      ...(moveToFolder ? { moveToFolder } : {}),
    };
  });
}

function recipients(value: unknown): MailRecipient[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.flatMap((entry: unknown) => {
    const email = (entry as { emailAddress?: { address?: unknown; name?: unknown } } | null)?.emailAddress;
    if (typeof email?.address !== 'string') {
      return [];
    }
    return [{ address: email.address, ...(typeof email.name === 'string' ? { name: email.name } : {}) }];
  });
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

const METHOD_TYPES: Readonly<Record<string, SignInMethodType>> = {
  '#microsoft.graph.passwordAuthenticationMethod': 'password',
  '#microsoft.graph.phoneAuthenticationMethod': 'phone',
  '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod': 'microsoftAuthenticator',
  '#microsoft.graph.fido2AuthenticationMethod': 'fido2',
  '#microsoft.graph.emailAuthenticationMethod': 'email',
  '#microsoft.graph.softwareOathAuthenticationMethod': 'softwareOath',
  '#microsoft.graph.temporaryAccessPassAuthenticationMethod': 'temporaryAccessPass',
  '#microsoft.graph.windowsHelloForBusinessAuthenticationMethod': 'windowsHelloForBusiness',
  '#microsoft.graph.platformCredentialAuthenticationMethod': 'platformCredential',
};

/**
 * `GET /users/{id}/authentication/methods` → the methods, each labelled with what an operator can
 * read out to the user. A phone number is masked here, before anything keeps it.
 * https://learn.microsoft.com/en-us/graph/api/authentication-list-methods
 */
export function signInMethodsFrom(body: unknown): SignInMethod[] {
  return list(body, 'authenticationMethods').map((json): SignInMethod => {
    const type = METHOD_TYPES[optionalString(json, '@odata.type') ?? ''] ?? 'other';
    const created = optionalString(json, 'createdDateTime');
    return {
      id: requiredString(json, 'id', 'authenticationMethod'),
      type,
      label: methodLabel(type, json),
      ...(created ? { createdDateTime: created } : {}),
    };
  });
}

function methodLabel(type: SignInMethodType, json: Json): string {
  switch (type) {
    case 'phone':
      return maskPhoneNumber(optionalString(json, 'phoneNumber') ?? '');
    case 'microsoftAuthenticator':
    case 'windowsHelloForBusiness':
    case 'platformCredential':
      return optionalString(json, 'displayName') ?? '';
    case 'fido2':
      return [optionalString(json, 'displayName'), optionalString(json, 'model')].filter(Boolean).join(', ');
    case 'email':
      return optionalString(json, 'emailAddress') ?? '';
    default:
      return '';
  }
}

/** "+1 4255550123" → "+1 ••••••••23": enough to recognise a number, not enough to call it. */
export function maskPhoneNumber(phoneNumber: string): string {
  const digits = phoneNumber.replace(/\D/g, '');
  if (digits.length < 4) return '••';
  const country = /^\+(\d{1,3})\s/.exec(phoneNumber)?.[1];
  const national = country ? digits.slice(country.length) : digits;
  return `${country ? `+${country} ` : ''}${'•'.repeat(Math.max(national.length - 2, 2))}${national.slice(-2)}`;
}

/** `checkMemberGroups` → whether the user is an operator, and which protected groups hold them. */
export function protectionFrom(body: unknown, groups: { helpdeskGroupId: string; protectedGroupIds: readonly string[] }): GroupProtection {
  const value = object(body, 'checkMemberGroups').value;
  if (!Array.isArray(value)) throw new MalformedAnswerError('checkMemberGroups came back without a value list');
  const member = new Set(value.filter((id): id is string => typeof id === 'string').map((id) => id.toLowerCase()));
  return {
    operator: member.has(groups.helpdeskGroupId.toLowerCase()),
    protectedGroupIds: groups.protectedGroupIds.filter((id) => member.has(id.toLowerCase())),
  };
}
