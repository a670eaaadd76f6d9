/**
 * `GET /auditLogs/signIns`: the interactive sign-in log, newest first, filtered by user and time.
 * https://learn.microsoft.com/en-us/graph/api/signin-list
 */
import { compile, parseFilter, type FilterExpression, type FilterSchema } from './filter';
import { guidFrom } from './ids';
import { collectionContext, pageOf, pageSize, readQueryOptions } from './odata';
import type { SimulatedSignIn, SimulatedUser } from './state';
import { ODataError, ok, type GraphContext, type RouteRequest, type RouteResult } from './wire';

interface LoggedSignIn {
  readonly user: SimulatedUser;
  readonly signIn: SimulatedSignIn;
}

const SIGN_IN_FILTER: FilterSchema<LoggedSignIn> = {
  resource: 'SignIn',
  properties: {
    userId: { type: 'string', operators: ['eq'], read: ({ user }) => user.id },
    userPrincipalName: { type: 'string', operators: ['eq', 'startswith'], read: ({ user }) => user.userPrincipalName },
    createdDateTime: {
      type: 'dateTime',
      operators: ['ge', 'gt', 'le', 'lt'],
      read: ({ signIn }) => signIn.createdDateTime,
    },
    appDisplayName: { type: 'string', operators: ['eq', 'startswith'], read: ({ signIn }) => signIn.appDisplayName },
    'status/errorCode': { type: 'number', operators: ['eq', 'ne'], read: ({ signIn }) => signIn.errorCode },
  },
};

/** Well-known first-party application ids, so `appId` looks like the real log's. */
const APP_IDS: Readonly<Record<string, string>> = {
  'Office 365 Exchange Online': '00000002-0000-0ff1-ce00-000000000000',
  'Microsoft Teams': '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  OfficeHome: '4765445b-32c6-49b0-83e6-1d93765276ca',
};

/**
 * The sign-in list takes `$top`, `$skiptoken` and `$filter` only; `$select` is refused in these words.
 * https://learn.microsoft.com/en-us/graph/api/signin-list ("Optional query parameters")
 */
const SELECT_NOT_ALLOWED =
  "Query option 'Select' is not allowed. To allow it, set the 'AllowedQueryOptions' property on EnableQueryAttribute or QueryValidationSettings.";

export function listSignIns(request: RouteRequest, context: GraphContext): RouteResult {
  if (request.query.has('$select')) throw new ODataError(400, 'BadRequest', SELECT_NOT_ALLOWED);
  const options = readQueryOptions(request.query, ['$filter', '$top', '$skiptoken']);
  const expression = options.filter === undefined ? undefined : parseFilter(options.filter);
  const keep = expression === undefined ? () => true : compile(expression, SIGN_IN_FILTER);
  // Graph answers one user's sign-ins from an index, however long the log; so does this: a filter
  // that names the user (`userId eq` / `userPrincipalName eq …`) picks the users before their
  // sign-ins are walked. Bulk copies (benchmarks) would otherwise cost every request the whole log.
  const userMatches = userConditions(expression);
  const entries = context.tenant.users
    .filter((user) => userMatches.every((matches) => matches({ user, signIn: NO_SIGN_IN })))
    .flatMap((user) => user.signIns.map((signIn) => ({ user, signIn })))
    .filter(keep)
    // ISO 8601 times in UTC sort as text.
    .sort((a, b) => (a.signIn.createdDateTime < b.signIn.createdDateTime ? 1 : a.signIn.createdDateTime > b.signIn.createdDateTime ? -1 : 0));
  // Paged before the resources are built: a log of 10,000 sign-ins (the data-size benchmark) costs
  // the simulator one page of work per request, as Graph's answer time does not grow with the log.
  const page = pageOf(entries, options.offset, pageSize(options, { default: 1000, max: 1000 }), {
    serviceRoot: context.serviceRoot,
    segments: request.segments,
    query: request.query,
  });
  return ok({
    '@odata.context': collectionContext(context.serviceRoot, 'auditLogs/signIns'),
    ...(page.nextLink === undefined ? {} : { '@odata.nextLink': page.nextLink }),
    value: page.items.map(signInResource),
  });
}

/** The properties of a sign-in that belong to its user, readable before any sign-in is looked at. */
const USER_PROPERTIES: ReadonlySet<string> = new Set(['userId', 'userPrincipalName']);
const NO_SIGN_IN = {} as SimulatedSignIn;

/**
 * The conditions of a filter's top-level `and` that read only the user, each as a predicate: a
 * sign-in can match only if its user meets all of them. None for a filter without one (or an `or`).
 */
function userConditions(expression: FilterExpression | undefined): ((entry: LoggedSignIn) => boolean)[] {
  if (expression === undefined) return [];
  if (expression.kind === 'and') return [...userConditions(expression.left), ...userConditions(expression.right)];
  if (expression.kind === 'predicate' && USER_PROPERTIES.has(expression.property)) return [compile(expression, SIGN_IN_FILTER)];
  return [];
}

/** Graph's `signIn` resource. A success reads `failureReason: "Other."`, as in the real log. */
function signInResource({ user, signIn }: LoggedSignIn): Record<string, unknown> {
  return {
    id: signIn.id,
    createdDateTime: signIn.createdDateTime,
    userDisplayName: user.displayName,
    userPrincipalName: user.userPrincipalName,
    userId: user.id,
    appId: APP_IDS[signIn.appDisplayName] ?? guidFrom(signIn.appDisplayName),
    appDisplayName: signIn.appDisplayName,
    ipAddress: signIn.ipAddress,
    clientAppUsed: signIn.clientAppUsed,
    correlationId: guidFrom(`${signIn.id}/correlation`),
    conditionalAccessStatus: signIn.conditionalAccessStatus,
    isInteractive: true,
    riskDetail: 'none',
    riskLevelAggregated: signIn.riskLevelDuringSignIn,
    riskLevelDuringSignIn: signIn.riskLevelDuringSignIn,
    riskState: signIn.riskState,
    riskEventTypes_v2: [],
    resourceDisplayName: signIn.appDisplayName,
    resourceId: APP_IDS[signIn.appDisplayName] ?? guidFrom(signIn.appDisplayName),
    status: {
      errorCode: signIn.errorCode,
      failureReason: signIn.errorCode === 0 ? 'Other.' : signIn.failureReason,
      additionalDetails: signIn.additionalDetails,
    },
    deviceDetail: {
      deviceId: '',
      displayName: signIn.deviceName ?? '',
      operatingSystem: signIn.operatingSystem ?? 'Windows 10',
      browser: signIn.browser ?? (signIn.clientAppUsed === 'Browser' ? 'Edge 130.0.0' : ''),
      isCompliant: false,
      isManaged: false,
      trustType: '',
    },
    location: {
      city: signIn.city,
      state: signIn.state ?? null,
      countryOrRegion: signIn.countryOrRegion,
      geoCoordinates: null,
    },
    appliedConditionalAccessPolicies: [],
  };
}
