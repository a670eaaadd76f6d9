/**
 * `GET /reports/authenticationMethods/userRegistrationDetails/{userId}` and the list: whether the user can reset
 * their own password and has MFA methods; and how the report follows the user's registered methods.
 * https://learn.microsoft.com/en-us/graph/api/userregistrationdetails-get
 */
import { compileFilter, type FilterSchema } from './filter';
import { collectionContext, entityContext, pageOf, pageSize, project, readQueryOptions, resolveSelect } from './odata';
import type { SimulatedAuthenticationMethod, SimulatedRegistration, SimulatedUser } from './state';
import { ok, userNotFound, type GraphContext, type RouteRequest, type RouteResult } from './wire';

const REGISTRATION_PROPERTIES = [
  'id',
  'userPrincipalName',
  'userDisplayName',
  'userType',
  'isAdmin',
  'isSsprRegistered',
  'isSsprEnabled',
  'isSsprCapable',
  'isMfaRegistered',
  'isMfaCapable',
  'isPasswordlessCapable',
  'isSystemPreferredAuthenticationMethodEnabled',
  'systemPreferredAuthenticationMethods',
  'userPreferredMethodForSecondaryAuthentication',
  'methodsRegistered',
  'lastUpdatedDateTime',
] as const;

export function getRegistrationDetails(request: RouteRequest, context: GraphContext, userId: string): RouteResult {
  const options = readQueryOptions(request.query, ['$select']);
  const select = resolveSelect(options.select, REGISTRATION_PROPERTIES, 'userRegistrationDetails');
  const user = context.tenant.users.find((candidate) => candidate.id.toLowerCase() === userId.toLowerCase());
  if (user === undefined) return userNotFound(userId);
  return ok({
    '@odata.context': entityContext(context.serviceRoot, ENTITY_SET, select),
    ...project(registrationResource(user), select),
  });
}

const ENTITY_SET = 'reports/authenticationMethods/userRegistrationDetails';

/** The properties the resource page marks as filterable that the bot could use. */
const REGISTRATION_FILTER: FilterSchema<SimulatedUser> = {
  resource: 'userRegistrationDetails',
  properties: {
    id: { type: 'string', operators: ['eq'], read: (user) => user.id },
    userPrincipalName: { type: 'string', operators: ['eq', 'startswith'], read: (user) => user.userPrincipalName },
    userDisplayName: { type: 'string', operators: ['eq', 'startswith'], read: (user) => user.displayName },
  },
};

/**
 * `GET /reports/authenticationMethods/userRegistrationDetails` with `$filter`, `$select` and `$top`:
 * one row per user; a filter on a UPN nobody has answers an empty list.
 * https://learn.microsoft.com/en-us/graph/api/authenticationmethodsroot-list-userregistrationdetails
 */
export function listRegistrationDetails(request: RouteRequest, context: GraphContext): RouteResult {
  const options = readQueryOptions(request.query, ['$select', '$filter', '$top', '$skiptoken']);
  const select = resolveSelect(options.select, REGISTRATION_PROPERTIES, 'userRegistrationDetails');
  const filter = options.filter === undefined ? () => true : compileFilter(options.filter, REGISTRATION_FILTER);
  const page = pageOf(context.tenant.users.filter(filter), options.offset, pageSize(options, { default: 100, max: 999 }), {
    serviceRoot: context.serviceRoot,
    segments: request.segments,
    query: request.query,
  });
  return ok({
    '@odata.context': collectionContext(context.serviceRoot, ENTITY_SET, select),
    ...(page.nextLink === undefined ? {} : { '@odata.nextLink': page.nextLink }),
    value: page.items.map((user) => project(registrationResource(user), select)),
  });
}

function registrationResource(user: SimulatedUser): Record<string, unknown> {
  const registration = user.registration;
  return {
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    userDisplayName: user.displayName,
    userType: user.userType === 'Member' ? 'member' : 'guest',
    isAdmin: user.roleTemplateIds.length > 0,
    isSsprRegistered: registration.isSsprRegistered,
    isSsprEnabled: registration.isSsprEnabled,
    // Capable means both: allowed by policy and enough methods registered.
    isSsprCapable: registration.isSsprRegistered && registration.isSsprEnabled,
    isMfaRegistered: registration.isMfaRegistered,
    isMfaCapable: registration.isMfaCapable,
    isPasswordlessCapable: registration.isPasswordlessCapable,
    isSystemPreferredAuthenticationMethodEnabled: false,
    systemPreferredAuthenticationMethods: [],
    userPreferredMethodForSecondaryAuthentication: preferredMethodOf(user),
    methodsRegistered: [...registration.methodsRegistered],
    lastUpdatedDateTime: registration.lastUpdatedDateTime,
  };
}

/**
 * The report's name for each method a user can register, in the order the report lists them. A
 * Temporary Access Pass is left out: it is not something the user registered.
 */
const REPORTED_NAMES: readonly { name: string; is: (method: SimulatedAuthenticationMethod) => boolean }[] = [
  { name: 'microsoftAuthenticatorPush', is: (method) => method.kind === 'microsoftAuthenticator' },
  { name: 'mobilePhone', is: (method) => method.kind === 'phone' && method.phoneType === 'mobile' },
  { name: 'alternateMobilePhone', is: (method) => method.kind === 'phone' && method.phoneType === 'alternateMobile' },
  { name: 'officePhone', is: (method) => method.kind === 'phone' && method.phoneType === 'office' },
  { name: 'softwareOneTimePasscode', is: (method) => method.kind === 'softwareOath' },
  { name: 'fido2', is: (method) => method.kind === 'fido2' },
  { name: 'email', is: (method) => method.kind === 'email' },
];

/** `methodsRegistered` for these methods. */
export function methodsRegisteredOf(methods: readonly SimulatedAuthenticationMethod[]): string[] {
  return REPORTED_NAMES.filter(({ is }) => methods.some(is)).map(({ name }) => name);
}

/** Methods that satisfy multifactor authentication (email and a pass do not). */
const STRONG_KINDS: ReadonlySet<SimulatedAuthenticationMethod['kind']> = new Set([
  'phone',
  'microsoftAuthenticator',
  'softwareOath',
  'fido2',
]);

/**
 * The report after the user's methods changed: what is registered, and whether MFA, self-service
 * reset and passwordless sign-in still have a method to stand on. Removing methods only ever takes
 * a capability away; adding a pass gives none.
 */
export function registrationAfterMethodChange(user: SimulatedUser, now: Date): SimulatedRegistration {
  const methods = user.authentication.methods;
  const previous = user.registration;
  const hasStrong = methods.some((method) => STRONG_KINDS.has(method.kind));
  const hasSsprMethod = methods.some((method) => method.kind !== 'temporaryAccessPass' && method.kind !== 'fido2');
  const hasPasswordless = methods.some((method) => method.kind === 'fido2' || method.kind === 'microsoftAuthenticator');
  return {
    ...previous,
    methodsRegistered: methodsRegisteredOf(methods),
    isMfaRegistered: previous.isMfaRegistered && hasStrong,
    isMfaCapable: previous.isMfaCapable && hasStrong,
    isSsprRegistered: previous.isSsprRegistered && hasSsprMethod,
    isPasswordlessCapable: previous.isPasswordlessCapable && hasPasswordless,
    lastUpdatedDateTime: now.toISOString(),
  };
}

/** `userPreferredMethodForSecondaryAuthentication`, from the user's default method. */
function preferredMethodOf(user: SimulatedUser): string {
  const method = user.authentication.methods.find((candidate) => candidate.id === user.authentication.defaultMethodId);
  switch (method?.kind) {
    case 'microsoftAuthenticator':
      return 'push';
    case 'softwareOath':
      return 'oath';
    case 'phone':
      return method.phoneType === 'mobile' ? 'sms' : method.phoneType === 'office' ? 'voiceOffice' : 'voiceAlternateMobile';
    default:
      return 'none';
  }
}
