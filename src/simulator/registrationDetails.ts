/**
 * `GET /reports/authenticationMethods/userRegistrationDetails/{userId}`: whether the user can reset
 * their own password and has MFA methods.
 * https://learn.microsoft.com/en-us/graph/api/userregistrationdetails-get
 */
import { entityContext, project, readQueryOptions, resolveSelect } from './odata';
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
  const registration = user.registration;
  return ok({
    '@odata.context': entityContext(
      context.serviceRoot,
      'reports/authenticationMethods/userRegistrationDetails',
      select,
    ),
    ...project(
      {
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
        userPreferredMethodForSecondaryAuthentication: registration.methodsRegistered.includes(
          'microsoftAuthenticatorPush',
        )
          ? 'push'
          : 'none',
        methodsRegistered: [...registration.methodsRegistered],
        lastUpdatedDateTime: registration.lastUpdatedDateTime,
      },
      select,
    ),
  });
}
