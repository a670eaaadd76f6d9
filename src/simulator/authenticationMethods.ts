/**
 * A user's registered authentication methods: the polymorphic `methods` list, the typed collections
 * (`phoneMethods`, `microsoftAuthenticatorMethods`, …) and deleting a method through its typed
 * collection. Creating a Temporary Access Pass is in `temporaryAccessPass.ts`.
 * https://learn.microsoft.com/en-us/graph/api/resources/authenticationmethods-overview
 */
import { readQueryOptions } from './odata';
import { registrationAfterMethodChange } from './registrationDetails';
import { findUser, type SimulatedAuthenticationMethod, type SimulatedTemporaryAccessPass, type SimulatedUser } from './state';
import { policyCovers } from './temporaryAccessPassPolicy';
import {
  failure,
  noContent,
  ok,
  userNotFound,
  type Failure,
  type GraphContext,
  type RouteRequest,
  type RouteResult,
} from './wire';

/** Every user's password method has this id. https://learn.microsoft.com/en-us/graph/api/resources/passwordauthenticationmethod */
export const PASSWORD_METHOD_ID = '28c10230-6103-485e-b985-444c60001490';

/** Phone methods are keyed by their type, the same in every tenant. https://learn.microsoft.com/en-us/graph/api/resources/phoneauthenticationmethod */
export const PHONE_METHOD_IDS = {
  mobile: '3179e48a-750b-4051-897c-87b9720928f7',
  alternateMobile: 'b6332ec1-7057-4abe-9331-3d72feddfe41',
  office: 'e37fc753-ff3b-4958-9484-eaa9425c82bc',
} as const;

/** Every user's email method has this id. */
export const EMAIL_METHOD_ID = '3ddfcfc8-9383-446f-83cc-3ab9be4be18f';

type MethodKind = SimulatedAuthenticationMethod['kind'];

/** The typed collection of each kind under `/users/{id}/authentication/`, and the Graph type it holds. */
export const TYPED_COLLECTIONS: Readonly<Record<MethodKind, { segment: string; type: string }>> = {
  phone: { segment: 'phoneMethods', type: 'phoneAuthenticationMethod' },
  microsoftAuthenticator: {
    segment: 'microsoftAuthenticatorMethods',
    type: 'microsoftAuthenticatorAuthenticationMethod',
  },
  fido2: { segment: 'fido2Methods', type: 'fido2AuthenticationMethod' },
  email: { segment: 'emailMethods', type: 'emailAuthenticationMethod' },
  softwareOath: { segment: 'softwareOathMethods', type: 'softwareOathAuthenticationMethod' },
  temporaryAccessPass: {
    segment: 'temporaryAccessPassMethods',
    type: 'temporaryAccessPassAuthenticationMethod',
  },
};

/**
 * `GET /users/{id}/authentication/methods`: the password and every registered method, each with its
 * `@odata.type`. The API takes no query options.
 * https://learn.microsoft.com/en-us/graph/api/authentication-list-methods
 */
export function listMethods(request: RouteRequest, context: GraphContext, key: string): RouteResult {
  readQueryOptions(request.query, []);
  const found = findUser(context.tenant, key);
  if (found === undefined) return userNotFound(key);
  const user = found.user;
  return ok({
    '@odata.context': `${authenticationContext(context, user)}/methods`,
    value: [
      typed('passwordAuthenticationMethod', passwordResource()),
      ...user.authentication.methods.map((method) =>
        typed(TYPED_COLLECTIONS[method.kind].type, methodResource(method, user, context)),
      ),
    ],
  });
}

/** `GET /users/{id}/authentication/methods/{methodId}`: any one method, typed. */
export function getMethod(request: RouteRequest, context: GraphContext, key: string, methodId: string): RouteResult {
  readQueryOptions(request.query, []);
  const found = findUser(context.tenant, key);
  if (found === undefined) return userNotFound(key);
  const user = found.user;
  const entity = `${authenticationContext(context, user)}/methods/$entity`;
  if (methodId.toLowerCase() === PASSWORD_METHOD_ID) {
    return ok({ '@odata.context': entity, ...typed('passwordAuthenticationMethod', passwordResource()) });
  }
  const method = findMethod(user, methodId);
  if (method === undefined) return methodNotFound();
  return ok({
    '@odata.context': entity,
    ...typed(TYPED_COLLECTIONS[method.kind].type, methodResource(method, user, context)),
  });
}

/** `GET /users/{id}/authentication/passwordMethods`: the password, never its value. */
export function listPasswordMethods(request: RouteRequest, context: GraphContext, key: string): RouteResult {
  readQueryOptions(request.query, []);
  const found = findUser(context.tenant, key);
  if (found === undefined) return userNotFound(key);
  return ok({
    '@odata.context': `${authenticationContext(context, found.user)}/passwordMethods`,
    value: [passwordResource()],
  });
}

/**
 * `GET /users/{id}/authentication/passwordMethods/{id}`. The collection has no DELETE, so the router
 * answers one with 405: the password cannot be removed, only reset.
 */
export function getPasswordMethod(request: RouteRequest, context: GraphContext, key: string, methodId: string): RouteResult {
  readQueryOptions(request.query, []);
  const found = findUser(context.tenant, key);
  if (found === undefined) return userNotFound(key);
  if (methodId.toLowerCase() !== PASSWORD_METHOD_ID) return methodNotFound();
  return ok({
    '@odata.context': `${authenticationContext(context, found.user)}/passwordMethods/$entity`,
    ...passwordResource(),
  });
}

/** The list, get and delete handlers of one typed collection. */
export interface TypedCollectionHandlers {
  readonly list: (request: RouteRequest, context: GraphContext, key: string) => RouteResult;
  readonly get: (request: RouteRequest, context: GraphContext, key: string, methodId: string) => RouteResult;
  readonly remove: (request: RouteRequest, context: GraphContext, key: string, methodId: string) => RouteResult;
}

/**
 * Handlers for `/users/{id}/authentication/{phoneMethods|fido2Methods|…}[/{id}]`. A typed
 * collection holds one type, so its items carry no `@odata.type` (OData's minimal metadata).
 */
export function typedCollection(kind: MethodKind): TypedCollectionHandlers {
  const { segment } = TYPED_COLLECTIONS[kind];
  return {
    list: (request, context, key) => {
      readQueryOptions(request.query, []);
      const found = findUser(context.tenant, key);
      if (found === undefined) return userNotFound(key);
      const user = found.user;
      return ok({
        '@odata.context': `${authenticationContext(context, user)}/${segment}`,
        value: user.authentication.methods
          .filter((method) => method.kind === kind)
          .map((method) => methodResource(method, user, context)),
      });
    },
    get: (request, context, key, methodId) => {
      readQueryOptions(request.query, []);
      const found = findUser(context.tenant, key);
      if (found === undefined) return userNotFound(key);
      const method = findMethod(found.user, methodId, kind);
      if (method === undefined) return methodNotFound();
      return ok({
        '@odata.context': `${authenticationContext(context, found.user)}/${segment}/$entity`,
        ...methodResource(method, found.user, context),
      });
    },
    remove: (_request, context, key, methodId) => {
      const found = findUser(context.tenant, key);
      if (found === undefined) return userNotFound(key);
      return deleteMethod(found.user, methodId, kind, context.now());
    },
  };
}

/**
 * Removes a method. The default MFA method goes only when it is the last one; Graph answers this
 * 400 otherwise (message from a real answer quoted in microsoft-graph-docs-contrib#2913).
 */
function deleteMethod(user: SimulatedUser, methodId: string, kind: MethodKind, now: Date): RouteResult {
  const method = findMethod(user, methodId, kind);
  if (method === undefined) return methodNotFound();
  const authentication = user.authentication;
  const others = authentication.methods.filter((candidate) => candidate !== method);
  if (method.id === authentication.defaultMethodId && others.some((other) => other.kind !== 'temporaryAccessPass')) {
    return failure(
      400,
      'badRequest',
      'Cannot delete default method with other methods configured. Please change default method before deletion.',
    );
  }
  authentication.methods = others;
  if (method.id === authentication.defaultMethodId) authentication.defaultMethodId = null;
  user.registration = registrationAfterMethodChange(user, now);
  return noContent();
}

function findMethod(user: SimulatedUser, methodId: string, kind?: MethodKind): SimulatedAuthenticationMethod | undefined {
  const wanted = methodId.toLowerCase();
  return user.authentication.methods.find(
    (method) => method.id.toLowerCase() === wanted && (kind === undefined || method.kind === kind),
  );
}

/** Graph's prefix of every context under a user's `authentication`. */
function authenticationContext(context: GraphContext, user: SimulatedUser): string {
  return `${context.serviceRoot}/$metadata#users('${user.id}')/authentication`;
}

/** Not confirmed against Graph: the code and text an unknown method id is answered with. */
function methodNotFound(): Failure {
  return failure(404, 'itemNotFound', 'The requested authentication method was not found.');
}

function typed(type: string, resource: Record<string, unknown>): Record<string, unknown> {
  return { '@odata.type': `#microsoft.graph.${type}`, ...resource };
}

/** Graph documents the password's `createdDateTime` as not populated, and never shows the password. */
function passwordResource(): Record<string, unknown> {
  return { id: PASSWORD_METHOD_ID, createdDateTime: null, password: null };
}

/** One method in Graph's shape for its type; copies, so no answer reaches into the tenant. */
export function methodResource(
  method: SimulatedAuthenticationMethod,
  user: SimulatedUser,
  context: GraphContext,
): Record<string, unknown> {
  const common = { id: method.id, createdDateTime: method.createdDateTime };
  switch (method.kind) {
    case 'phone':
      return {
        ...common,
        phoneNumber: method.phoneNumber,
        phoneType: method.phoneType,
        smsSignInState: method.smsSignInState,
      };
    case 'microsoftAuthenticator':
      return {
        ...common,
        displayName: method.displayName,
        deviceTag: method.deviceTag,
        phoneAppVersion: method.phoneAppVersion,
      };
    case 'fido2':
      return {
        ...common,
        displayName: method.displayName,
        aaGuid: method.aaGuid,
        model: method.model,
        attestationCertificates: [...method.attestationCertificates],
        attestationLevel: method.attestationLevel,
      };
    case 'email':
      return { ...common, emailAddress: method.emailAddress };
    case 'softwareOath':
      // The secret is shown to nobody after registration.
      return { ...common, secretKey: null };
    case 'temporaryAccessPass':
      return temporaryAccessPassResource(method, null, user, context);
  }
}

/**
 * A pass in Graph's shape. The pass itself is `null` on every read: only the answer to its creation
 * holds it. Usability is worked out at read time from the clock and the policy.
 * https://learn.microsoft.com/en-us/graph/api/resources/temporaryaccesspassauthenticationmethod
 */
export function temporaryAccessPassResource(
  method: SimulatedTemporaryAccessPass,
  pass: string | null,
  user: SimulatedUser,
  context: GraphContext,
): Record<string, unknown> {
  const now = context.now().getTime();
  const start = Date.parse(method.startDateTime);
  const end = start + method.lifetimeInMinutes * 60_000;
  const reason =
    now < start
      ? 'NotYetValid'
      : now >= end
        ? 'Expired'
        : policyCovers(context.tenant, user)
          ? 'EnabledByPolicy'
          : 'DisabledByPolicy';
  return {
    id: method.id,
    temporaryAccessPass: pass,
    createdDateTime: method.createdDateTime,
    startDateTime: method.startDateTime,
    lifetimeInMinutes: method.lifetimeInMinutes,
    isUsableOnce: method.isUsableOnce,
    isUsable: reason === 'EnabledByPolicy',
    methodUsabilityReason: reason,
  };
}
