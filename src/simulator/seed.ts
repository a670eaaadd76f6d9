/**
 * The seeded tenant: one builder per user of `SEEDED`, each starting from a healthy account and
 * changing only what makes its finding. Deterministic for a given `now`; every time is relative to it,
 * so the findings stay "recent" whenever the simulator starts.
 */
import { guidFrom } from './ids';
import { ROLE } from './roles';
import { SEEDED, type SeededRole, type SeededUser } from './seeded';
import {
  authenticator,
  digitsFor,
  earlierPass,
  email,
  phone,
  securityKey,
  softwareOath,
  withMethods,
  withMoreMethods,
} from './seedMethods';
import { ALL_USERS } from './temporaryAccessPassPolicy';
import type {
  SimulatedBlockedSender,
  SimulatedMessageRule,
  SimulatedRecipient,
  SimulatedSignIn,
  SimulatedSignInActivity,
  SimulatedTenant,
  SimulatedUser,
} from './state';

export function seedTenant(now: Date): SimulatedTenant {
  const at = new RelativeTime(now);
  const users = (Object.keys(SEEDED.users) as SeededRole[]).map((role) =>
    withSignInActivity(withMonthOfSignIns(BUILDERS[role](SEEDED.users[role], at), at)),
  );
  return {
    tenantId: SEEDED.tenantId,
    domain: SEEDED.domain,
    users,
    groups: [
      {
        ...SEEDED.helpdeskGroup,
        memberIds: [SEEDED.users.operator.id, SEEDED.users.secondOperator.id],
      },
      { ...SEEDED.allStaffGroup, memberIds: users.map((user) => user.id) },
      { ...SEEDED.noTemporaryAccessPassGroup, memberIds: [SEEDED.users.apostrophe.id] },
    ],
    directoryRoles: [
      { id: '36aff5cf-7cce-49de-803a-9f381c5095bf', ...role(ROLE.globalAdministrator) },
      { id: '0ce35fd8-71bc-42c6-b53c-e1370e64688d', ...role(ROLE.exchangeAdministrator) },
      { id: 'b56a03b1-038e-4ccf-a52a-27b3cc108203', ...role(ROLE.helpdeskAdministrator) },
      { id: 'deb086a2-8cdb-4936-ae2d-328c6f829186', ...role(ROLE.userAdministrator) },
    ],
    blockedSenders: [
      blockedSender(SEEDED.users.restrictedSender, at.hoursAgo(3), { spam: 242, total: 250 }),
      blockedSender(SEEDED.users.everything, at.minutesAgo(70), { spam: 118, total: 131 }),
    ],
    // Everyone may get a pass of one to eight hours, reusable within its lifetime, except one group.
    temporaryAccessPassPolicy: {
      state: 'enabled',
      defaultLifetimeInMinutes: 60,
      defaultLength: 8,
      minimumLifetimeInMinutes: 60,
      maximumLifetimeInMinutes: 480,
      isUsableOnce: false,
      includeTargets: [{ targetType: 'group', id: ALL_USERS, isRegistrationRequired: false }],
      excludeTargets: [{ targetType: 'group', id: SEEDED.noTemporaryAccessPassGroup.id }],
    },
  };
}

type UserBuilder = (person: SeededUser, at: RelativeTime) => SimulatedUser;

/** Keyed by role, so adding a user to `SEEDED` without a builder does not compile. */
const BUILDERS: Readonly<Record<SeededRole, UserBuilder>> = {
  operator: (person, at) =>
    withMoreMethods(healthyUser(person, at, UNITED_STATES), securityKey(person.id, 'YubiKey', at.daysAgo(210))),
  secondOperator: (person, at) =>
    withMoreMethods(healthyUser(person, at, UNITED_STATES), softwareOath(person.id, at.daysAgo(320))),
  healthy: (person, at) =>
    withMoreMethods(healthyUser(person, at, LATVIA), email('janis.ozols@example.net', at.daysAgo(510))),
  namesake: (person, at) => healthyUser(person, at, LATVIA),
  namesakeAscii: (person, at) => healthyUser(person, at, LATVIA),
  apostrophe: (person, at) => healthyUser(person, at, UNITED_STATES),

  signInBlocked: (person, at) => ({
    ...healthyUser(person, at, LATVIA),
    accountEnabled: false,
    signIns: signInLog(person, LATVIA, [
      attempt(at.hoursAgo(50), 0),
      attempt(at.minutesAgo(41), 50057),
      attempt(at.minutesAgo(25), 50057, { app: 'Microsoft Teams' }),
      attempt(at.minutesAgo(6), 50057),
    ]),
  }),

  smartLockout: (person, at) => ({
    ...healthyUser(person, at, LATVIA),
    signIns: signInLog(person, LATVIA, [
      attempt(at.hoursAgo(20), 0),
      // Twelve wrong passwords a minute apart, then smart lockout on each further try.
      ...Array.from({ length: 12 }, (_, index) => attempt(at.minutesAgo(29 - index), 50126)),
      ...[15, 11, 7, 4, 2].map((minutes) => attempt(at.minutesAgo(minutes), 50053)),
    ]),
  }),

  failedSignIns: (person, at) => ({
    ...healthyUser(person, at, UNITED_STATES),
    lastPasswordChangeDateTime: at.daysAgo(92),
    passwordPolicies: null,
    signIns: signInLog(person, UNITED_STATES, [
      attempt(at.hoursAgo(27), 0),
      ...[185, 178, 170, 162].map((minutes) => attempt(at.minutesAgo(minutes), 50126)),
      attempt(at.minutesAgo(64), 50055, { app: 'Office 365 Exchange Online' }),
    ]),
  }),

  // Lost his MFA: the only method is an old phone, a number he no longer has.
  mfaTrouble: (person, at) => {
    const oldPhone = phone(UNITED_STATES.mobileNumber(digitsFor(person.id, 4)), 'mobile', at.daysAgo(790));
    const user: SimulatedUser = {
      ...healthyUser(person, at, UNITED_STATES),
      signIns: signInLog(person, UNITED_STATES, [
        attempt(at.hoursAgo(22), 0),
        attempt(at.minutesAgo(44), 50076, { place: TRAVELLING }),
        attempt(at.minutesAgo(42), 500121, { place: TRAVELLING }),
        attempt(at.minutesAgo(23), 50074, { place: TRAVELLING, app: 'Microsoft Teams' }),
        attempt(at.minutesAgo(21), 500121, { place: TRAVELLING, app: 'Microsoft Teams' }),
      ]),
    };
    return withMethods(user, [oldPhone], oldPhone.id);
  },

  conditionalAccess: (person, at) => ({
    ...healthyUser(person, at, UNITED_STATES),
    signIns: signInLog(person, UNITED_STATES, [
      attempt(at.hoursAgo(30), 0),
      attempt(at.minutesAgo(33), 53003, { client: 'Exchange ActiveSync' }),
      attempt(at.minutesAgo(31), 53003, { client: 'Exchange ActiveSync' }),
      attempt(at.minutesAgo(9), 530032),
    ]),
  }),

  // Five minutes after the risky sign-in, Authenticator was set up on a phone that is not his.
  atRisk: (person, at) =>
    withMoreMethods(
      {
        ...healthyUser(person, at, LATVIA),
        risk: { riskLevel: 'high', riskState: 'atRisk', riskDetail: 'none', riskLastUpdatedDateTime: at.minutesAgo(52) },
        signIns: signInLog(person, LATVIA, [
          attempt(at.hoursAgo(6), 0),
          attempt(at.minutesAgo(55), 0, { place: UNFAMILIAR, risk: 'high', app: 'OfficeHome' }),
        ]),
      },
      authenticator(person.id, 'Redmi Note 12', at.minutesAgo(50), '6.2409.6102'),
    ),

  restrictedSender: (person, at) => healthyUser(person, at, UNITED_STATES),

  // Only a password; the one-time pass he was given to register methods expired unused.
  ssprNotRegistered: (person, at) => {
    const user = healthyUser(person, at, UNITED_STATES);
    return withMethods(
      {
        ...user,
        registration: {
          ...user.registration,
          isSsprRegistered: false,
          isSsprEnabled: true,
          isMfaRegistered: false,
          isMfaCapable: false,
        },
      },
      [earlierPass(person.id, at.daysAgo(3), 60, true)],
      null,
    );
  },

  // Two hours ago a foreign number became his alternate phone; the forwarding rule followed.
  forwardingRule: (person, at) => ({
    ...withMoreMethods(
      healthyUser(person, at, UNITED_STATES),
      phone('+44 7700900461', 'alternateMobile', at.hoursAgo(2)),
    ),
    mailbox: {
      rules: [
        // Attackers favour names that hide in the rule list, like "." or "..".
        messageRule('AQAAAJ5dZqA=', '.', 1, {}, {
          forwardTo: [recipient('lee.gu.mailbox@freemail.example')],
          markAsRead: true,
          stopProcessingRules: true,
        }),
        messageRule('AQAAAJ5dZqE=', 'Newsletters', 2, { senderContains: ['newsletter@', 'news@'] }, {
          moveToFolder: NEWSLETTERS_FOLDER_ID,
          stopProcessingRules: false,
        }),
      ],
    },
  }),

  onPremises: (person, at) => ({
    ...healthyUser(person, at, LATVIA),
    onPremisesSyncEnabled: true,
    // Password hash sync sets this: the password expires on-premises, not in the cloud.
    passwordPolicies: 'DisablePasswordExpiration',
  }),

  globalAdmin: (person, at) => ({
    ...withMoreMethods(healthyUser(person, at, UNITED_STATES), securityKey(person.id, 'YubiKey (admin)', at.daysAgo(150))),
    roleTemplateIds: [ROLE.globalAdministrator.templateId],
  }),

  exchangeAdmin: (person, at) => ({
    ...healthyUser(person, at, UNITED_STATES),
    roleTemplateIds: [ROLE.exchangeAdministrator.templateId],
  }),

  // No active role: only Privileged Identity Management knows they can become Global Administrator.
  eligibleAdmin: (person, at) => ({
    ...healthyUser(person, at, UNITED_STATES),
    eligibleRoleTemplateIds: [ROLE.globalAdministrator.templateId],
    risk: { riskLevel: 'high', riskState: 'atRisk', riskDetail: 'none', riskLastUpdatedDateTime: at.minutesAgo(35) },
    signIns: signInLog(person, UNITED_STATES, [
      attempt(at.hoursAgo(4), 0, { app: 'Azure Portal' }),
      attempt(at.minutesAgo(40), 0, { place: UNFAMILIAR, risk: 'high', app: 'OfficeHome' }),
    ]),
  }),

  helpdeskAdmin: (person, at) => ({
    ...healthyUser(person, at, UNITED_STATES),
    roleTemplateIds: [ROLE.helpdeskAdministrator.templateId],
  }),

  // An hour after the risky sign-in, Authenticator was set up on a device nobody at Contoso has.
  everything: (person, at) => ({
    ...withMoreMethods(healthyUser(person, at, LATVIA), authenticator(person.id, 'SM-A146B', at.hoursAgo(2), '6.2408.5750')),
    accountEnabled: false,
    risk: { riskLevel: 'high', riskState: 'atRisk', riskDetail: 'none', riskLastUpdatedDateTime: at.hoursAgo(2) },
    signIns: signInLog(person, LATVIA, [
      attempt(at.hoursAgo(9), 0),
      attempt(at.hoursAgo(3), 0, { place: UNFAMILIAR, risk: 'high', app: 'OfficeHome' }),
      attempt(at.minutesAgo(18), 50057),
      attempt(at.minutesAgo(12), 50057, { app: 'Microsoft Teams' }),
    ]),
    mailbox: {
      rules: [
        messageRule('AQAAAJ5dZqI=', '..', 1, { bodyOrSubjectContains: ['invoice', 'payment', 'bank'] }, {
          redirectTo: [recipient('accounts.payable@freemail.example')],
          delete: true,
          stopProcessingRules: true,
        }),
      ],
    },
  }),

  noMailbox: (person, at) => ({ ...healthyUser(person, at, LATVIA), mail: null, mailbox: null, managerId: null }),

  // She is at her desk in Riga; the wrong passwords and the lockouts come from a server in Brazil.
  passwordSpray: (person, at) => ({
    ...healthyUser(person, at, LATVIA),
    signIns: signInLog(person, LATVIA, [
      attempt(at.hoursAgo(8), 0),
      ...Array.from({ length: 14 }, (_, index) => attempt(at.minutesAgo(38 - index * 2), 50126, { place: SPRAY, app: 'OfficeHome', device: SPRAY_TOOL })),
      ...[9, 6, 3].map((minutes) => attempt(at.minutesAgo(minutes), 50053, { place: SPRAY, app: 'OfficeHome', device: SPRAY_TOOL })),
    ]),
  }),

  // Invited from Fabrikam: a guest signs in with their own organisation's account; no mailbox here.
  guest: (person, at) => ({
    ...healthyUser(person, at, UNITED_STATES),
    mail: 'jane.doe@fabrikam.com',
    mailbox: null,
    userType: 'Guest',
    externalUserState: 'Accepted',
    jobTitle: null,
    department: null,
    officeLocation: null,
    businessPhones: [],
    managerId: null,
    createdDateTime: at.daysAgo(120),
  }),

  // Made to pass for the operator Christie Cline in a chat or a ticket.
  lookAlike: (person, at) => ({
    ...healthyUser(person, at, UNITED_STATES),
    createdDateTime: at.daysAgo(45),
    lastPasswordChangeDateTime: at.daysAgo(45),
  }),

  sharedName: (person, at) => healthyUser(person, at, LATVIA),
  sharedNameTwin: (person, at) => healthyUser(person, at, LIEPAJA_OFFICE),

  newAccount: (person, at) => ({
    ...healthyUser(person, at, LATVIA),
    createdDateTime: at.hoursAgo(26),
    lastPasswordChangeDateTime: at.hoursAgo(26),
    signInSessionsValidFromDateTime: at.hoursAgo(26),
    signIns: signInLog(person, LATVIA, [attempt(at.hoursAgo(20), 0, { app: 'Microsoft Teams' }), attempt(at.minutesAgo(15), 50126)]),
  }),
};

// ---------------------------------------------------------------------------------------------
// A healthy account, the starting point of every builder

interface Place {
  readonly city: string;
  readonly state?: string;
  readonly countryOrRegion: string;
  readonly ipAddress: string;
}

interface Home {
  readonly place: Place;
  readonly preferredLanguage: string;
  readonly usageLocation: string;
  /** A mobile number there, in Graph's `+{country code} {number}` form, from a few digits. */
  readonly mobileNumber: (digits: string) => string;
  /** The office desk phone (`businessPhones`), from a few digits. */
  readonly officeNumber: (digits: string) => string;
  readonly officeLocation: string;
  readonly department: string;
  readonly jobTitle: string;
  /** Who the people here report to (`/manager`). */
  readonly manager: SeededRole;
}

// Addresses from the documentation ranges (RFC 5737), so nothing here points at a real network.
const LATVIA: Home = {
  place: { city: 'Riga', countryOrRegion: 'LV', ipAddress: '203.0.113.24' },
  preferredLanguage: 'lv-LV',
  usageLocation: 'LV',
  mobileNumber: (digits) => `+371 2999${digits}`,
  officeNumber: (digits) => `+371 6700${digits}`,
  officeLocation: 'Riga, Brīvības iela 12',
  department: 'Finance',
  jobTitle: 'Accountant',
  manager: 'healthy',
};
const UNITED_STATES: Home = {
  place: { city: 'Redmond', countryOrRegion: 'US', ipAddress: '198.51.100.17' },
  preferredLanguage: 'en-US',
  usageLocation: 'US',
  // 555-0100 to 555-0199 are the numbers set aside for fiction.
  mobileNumber: (digits) => `+1 4255550${digits.slice(0, 3)}`,
  officeNumber: (digits) => `+1 4255551${digits.slice(0, 3)}`,
  officeLocation: 'Redmond, Building 25',
  department: 'Sales',
  jobTitle: 'Account Manager',
  manager: 'globalAdmin',
};
const TRAVELLING: Place = { city: 'Frankfurt am Main', countryOrRegion: 'DE', ipAddress: '198.51.100.203' };
const UNFAMILIAR: Place = { city: 'Lagos', countryOrRegion: 'NG', ipAddress: '192.0.2.77' };
/** Where a password spray against Contoso comes from: a hosting provider's address. */
const SPRAY: Place = { city: 'São Paulo', state: 'São Paulo', countryOrRegion: 'BR', ipAddress: '192.0.2.145' };
const LIEPAJA: Place = { city: 'Liepāja', countryOrRegion: 'LV', ipAddress: '203.0.113.61' };
const LIEPAJA_OFFICE: Home = {
  ...LATVIA,
  place: LIEPAJA,
  officeLocation: 'Liepāja, Rožu iela 5',
  department: 'Logistics',
  jobTitle: 'Logistics Coordinator',
};

const NEWSLETTERS_FOLDER_ID = 'AAMkAGI2TGuLAAA=';

function healthyUser(person: SeededUser, at: RelativeTime, home: Home): SimulatedUser {
  const [givenName = person.displayName, ...rest] = person.displayName.split(' ');
  const mobile = phone(home.mobileNumber(digitsFor(person.id, 4)), 'mobile', at.daysAgo(790));
  const app = authenticator(person.id, PHONES[parseInt(digitsFor(person.id, 1), 10) % PHONES.length] as string, at.daysAgo(400));
  const user: SimulatedUser = {
    id: person.id,
    displayName: person.displayName,
    givenName,
    surname: rest.length === 0 ? null : rest.join(' '),
    userPrincipalName: person.upn,
    mail: person.upn,
    jobTitle: home.jobTitle,
    department: home.department,
    officeLocation: home.officeLocation,
    mobilePhone: mobile.phoneNumber,
    businessPhones: [home.officeNumber(digitsFor(`${person.id}/office`, 3))],
    managerId: SEEDED.users[home.manager].id === person.id ? null : SEEDED.users[home.manager].id,
    externalUserState: null,
    preferredLanguage: home.preferredLanguage,
    usageLocation: home.usageLocation,
    userType: 'Member',
    accountEnabled: true,
    onPremisesSyncEnabled: null,
    passwordPolicies: null,
    createdDateTime: at.daysAgo(800),
    lastPasswordChangeDateTime: at.daysAgo(41),
    signInSessionsValidFromDateTime: at.daysAgo(41),
    passwordProfile: null,
    signInActivity: null,
    signIns: signInLog(person, home, [
      attempt(at.hoursAgo(5), 0, { app: 'Office 365 Exchange Online' }),
      attempt(at.minutesAgo(47), 0, { app: 'Microsoft Teams' }),
    ]),
    risk: null,
    registration: {
      isSsprRegistered: true,
      isSsprEnabled: true,
      isMfaRegistered: true,
      isMfaCapable: true,
      isPasswordlessCapable: false,
      methodsRegistered: ['microsoftAuthenticatorPush', 'mobilePhone'],
      lastUpdatedDateTime: at.hoursAgo(9),
    },
    authentication: { methods: [], defaultMethodId: null },
    roleTemplateIds: [],
    eligibleRoleTemplateIds: [],
    mailbox: { rules: [] },
  };
  // Authenticator is the default; the phone is the fallback and the number for SSPR.
  return withMethods(user, [mobile, app], app.id);
}

/** The phones Authenticator runs on in a healthy account. */
const PHONES: readonly string[] = ['iPhone 14', 'iPhone 15 Pro', 'Galaxy S23', 'Pixel 8'];

/** Graph derives `signInActivity` from the same sign-ins; so does the seed, once per user. */
function withSignInActivity(user: SimulatedUser): SimulatedUser {
  const newestFirst = [...user.signIns].sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime));
  const last = newestFirst[0];
  if (last === undefined) return { ...user, signInActivity: null };
  const lastSuccess = newestFirst.find((signIn) => signIn.errorCode === 0);
  const activity: SimulatedSignInActivity = {
    lastSignInDateTime: last.createdDateTime,
    lastSignInRequestId: last.id,
    // Token refreshes of a working session show up as non-interactive sign-ins.
    lastNonInteractiveSignInDateTime: lastSuccess?.createdDateTime ?? null,
    lastNonInteractiveSignInRequestId: lastSuccess === undefined ? null : guidFrom(`${lastSuccess.id}/refresh`),
    lastSuccessfulSignInDateTime: lastSuccess?.createdDateTime ?? null,
    lastSuccessfulSignInRequestId: lastSuccess?.id ?? null,
  };
  return { ...user, signInActivity: activity };
}

// ---------------------------------------------------------------------------------------------
// Sign-ins

/** Days ago of the successful sign-ins that make up a user's ordinary month. */
const MONTH_OF_SIGN_INS_DAYS = [2, 4, 7, 11, 15, 19, 24, 28];

/**
 * The month before: successful sign-ins from where the user's oldest clean success of the last day
 * came from (their office), none before the account existed. These are the places the operator's
 * "Verify the caller" section compares today's failing and risky sign-ins with.
 */
function withMonthOfSignIns(user: SimulatedUser, at: RelativeTime): SimulatedUser {
  const home = [...user.signIns]
    .sort((a, b) => a.createdDateTime.localeCompare(b.createdDateTime))
    .find((signIn) => signIn.errorCode === 0 && signIn.riskLevelDuringSignIn === 'none');
  if (home === undefined) return user;
  const month = MONTH_OF_SIGN_INS_DAYS.map((days, index): SimulatedSignIn => ({
    ...home,
    id: guidFrom(`${user.id}/signIn/month/${index}`),
    createdDateTime: at.daysAgo(days),
    appDisplayName: index % 2 === 0 ? 'Microsoft Teams' : 'Office 365 Exchange Online',
  })).filter((signIn) => signIn.createdDateTime > user.createdDateTime);
  return { ...user, signIns: [...user.signIns, ...month] };
}

interface Attempt {
  readonly createdDateTime: string;
  readonly errorCode: number;
  readonly app?: string;
  readonly place?: Place;
  readonly client?: string;
  readonly risk?: 'high';
  readonly device?: Device;
}

/** `deviceDetail` as the client reported it; `name` only for a registered or joined device. */
interface Device {
  readonly operatingSystem: string;
  readonly browser: string;
  readonly name?: string;
}

/** What a password-spray tool looks like in the log: a scripted browser on a server. */
const SPRAY_TOOL: Device = { operatingSystem: 'Linux', browser: 'Chrome 119.0.0' };

function attempt(createdDateTime: string, errorCode: number, details: Omit<Attempt, 'createdDateTime' | 'errorCode'> = {}): Attempt {
  return { createdDateTime, errorCode, ...details };
}

/**
 * Entra's `failureReason` and `additionalDetails` for the codes the seed uses.
 * https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes
 */
const SIGN_IN_ERRORS: Readonly<Record<number, { failureReason: string; additionalDetails?: string }>> = {
  50053: {
    failureReason:
      'Account is locked because user tried to sign in too many times with an incorrect user ID or password.',
  },
  50055: { failureReason: 'The password is expired.' },
  50057: { failureReason: 'User account is disabled. The account has been disabled by an administrator.' },
  50074: { failureReason: 'Strong Authentication is required.' },
  50076: {
    failureReason:
      'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.',
  },
  50126: { failureReason: 'Error validating credentials due to invalid username or password.' },
  53003: {
    failureReason: 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
  },
  500121: {
    failureReason: 'Authentication failed during strong authentication request.',
    additionalDetails: "The user didn't complete the MFA prompt. They may have decided not to authenticate, timed out while doing other work, or has an issue with their authentication setup.",
  },
  530032: { failureReason: 'The tenant admin has configured a security policy that blocks this request.' },
};

const CONDITIONAL_ACCESS_FAILURES: ReadonlySet<number> = new Set([53003, 530032]);

function signInLog(person: SeededUser, home: Home, attempts: readonly Attempt[]): SimulatedSignIn[] {
  return attempts.map((entry, index) => {
    const error = SIGN_IN_ERRORS[entry.errorCode];
    const place = entry.place ?? home.place;
    return {
      id: guidFrom(`${person.id}/signIn/${index}`),
      createdDateTime: entry.createdDateTime,
      appDisplayName: entry.app ?? 'Office 365 Exchange Online',
      ipAddress: place.ipAddress,
      clientAppUsed: entry.client ?? 'Browser',
      conditionalAccessStatus: CONDITIONAL_ACCESS_FAILURES.has(entry.errorCode) ? 'failure' : 'notApplied',
      errorCode: entry.errorCode,
      failureReason: error?.failureReason ?? null,
      additionalDetails: error?.additionalDetails ?? null,
      city: place.city,
      state: place.state ?? null,
      countryOrRegion: place.countryOrRegion,
      ...(entry.device
        ? { operatingSystem: entry.device.operatingSystem, browser: entry.device.browser, ...(entry.device.name ? { deviceName: entry.device.name } : {}) }
        : {}),
      riskLevelDuringSignIn: entry.risk ?? 'none',
      riskState: entry.risk === undefined ? 'none' : 'atRisk',
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Mail

function recipient(address: string): SimulatedRecipient {
  return { emailAddress: { name: address, address } };
}

function messageRule(
  id: string,
  displayName: string,
  sequence: number,
  conditions: SimulatedMessageRule['conditions'],
  actions: SimulatedMessageRule['actions'],
): SimulatedMessageRule {
  return { id, displayName, sequence, isEnabled: true, hasError: false, isReadOnly: false, conditions, actions };
}

/** Exchange Online writes the outbound-spam evidence into `Reason` as `;`-separated pairs. */
function blockedSender(
  person: SeededUser,
  since: string,
  counts: { spam: number; total: number },
): SimulatedBlockedSender {
  const percent = Math.round((counts.spam / counts.total) * 100);
  return {
    senderAddress: person.upn,
    reason:
      `OutboundSpamLast24Hours=${counts.spam};OutboundMailLast24Hours=${counts.total};` +
      `OutboundSpamPercent=${percent};Last Spam Message MessagetraceId:${guidFrom(`${person.id}/spam`)}`,
    createdDateTime: since,
    changedDateTime: since,
  };
}

function role(definition: { templateId: string; displayName: string }): { roleTemplateId: string; displayName: string } {
  return { roleTemplateId: definition.templateId, displayName: definition.displayName };
}

// ---------------------------------------------------------------------------------------------
// Time

class RelativeTime {
  constructor(private readonly now: Date) {}

  minutesAgo(minutes: number): string {
    return new Date(this.now.getTime() - minutes * 60_000).toISOString();
  }

  hoursAgo(hours: number): string {
    return this.minutesAgo(hours * 60);
  }

  daysAgo(days: number): string {
    return this.minutesAgo(days * 24 * 60);
  }
}
