/**
 * Account states for the card samples: the people of the seeded tenant, each with the state that
 * makes their finding. Times are relative to one fixed `SAMPLE_CHECKED_AT`, so the cards (and their
 * screenshots) are the same on every run. The diagnosis is the real one, run on these states.
 */
import type { AccountState, SignInEvent } from '../src/domain/account';
import { changed, inboxRule, ok, type AccountStateChange } from './accountStateParts';
import { SEEDED, type SeededRole } from '../src/simulator/seeded';
import { ROLE } from '../src/simulator/roles';

export const SAMPLE_CHECKED_AT = '2026-11-20T09:30:00.000Z';
const checkedAtMs = Date.parse(SAMPLE_CHECKED_AT);

const minutesAgo = (minutes: number): string => new Date(checkedAtMs - minutes * 60_000).toISOString();
const hoursAgo = (hours: number): string => minutesAgo(hours * 60);
const daysAgo = (days: number): string => hoursAgo(days * 24);

const FAILURE_REASON: Readonly<Record<number, string>> = {
  50053: 'Account is locked because user tried to sign in too many times with an incorrect user ID or password.',
  50055: 'The password is expired.',
  50057: 'User account is disabled. The account has been disabled by an administrator.',
  50074: 'Strong Authentication is required.',
  50076: 'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.',
  50126: 'Error validating credentials due to invalid username or password.',
  53003: 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
  500121: 'Authentication failed during strong authentication request.',
  530032: 'The tenant admin has configured a security policy that blocks this request.',
};

function attempt(createdDateTime: string, errorCode: number, appDisplayName = 'Office 365 Exchange Online'): SignInEvent {
  const failureReason = FAILURE_REASON[errorCode];
  return { createdDateTime, errorCode, appDisplayName, ...(failureReason ? { failureReason } : {}) };
}

/** Newest first, as `AccountState.signIns` promises. */
function newestFirst(events: readonly SignInEvent[]): SignInEvent[] {
  return [...events].sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime));
}

function healthy(role: SeededRole): AccountState {
  const person = SEEDED.users[role];
  return {
    user: {
      id: person.id,
      userPrincipalName: person.upn,
      displayName: person.displayName,
      mail: person.upn,
      accountEnabled: true,
      onPremisesSyncEnabled: false,
      lastPasswordChangeDateTime: daysAgo(41),
      userType: 'Member',
    },
    signInActivity: ok({ lastSignInDateTime: minutesAgo(47), lastSuccessfulSignInDateTime: minutesAgo(47) }),
    signIns: ok([attempt(minutesAgo(47), 0, 'Microsoft Teams'), attempt(hoursAgo(5), 0)]),
    risk: ok(null),
    registration: ok({
      isSsprRegistered: true,
      isSsprEnabled: true,
      isSsprCapable: true,
      isMfaRegistered: true,
      methodsRegistered: ['microsoftAuthenticatorPush', 'mobilePhone'],
    }),
    roles: ok([]),
    eligibleRoles: ok([]),
    inboxRules: ok([]),
    restrictedSender: ok(null),
    signInMethods: ok([
      { id: 'password', type: 'password', label: '' },
      { id: 'authenticator', type: 'microsoftAuthenticator', label: 'iPhone 14', createdDateTime: daysAgo(400) },
      { id: 'mobile', type: 'phone', label: '+371 ••••••47' },
    ]),
    checkedAt: SAMPLE_CHECKED_AT,
  };
}

function withChanges(role: SeededRole, change: AccountStateChange): AccountState {
  return changed(healthy(role), change);
}

const SPAM_REASON = 'OutboundSpamLast24Hours=242;OutboundMailLast24Hours=250;OutboundSpamPercent=97';

/** One state per finding the bot knows, named after the seeded user who shows it. */
export const SAMPLE_ACCOUNTS = {
  healthy: healthy('healthy'),
  signInBlocked: withChanges('signInBlocked', {
    user: { accountEnabled: false },
    signIns: ok(newestFirst([attempt(minutesAgo(41), 50057), attempt(minutesAgo(25), 50057, 'Microsoft Teams'), attempt(minutesAgo(6), 50057)])),
  }),
  smartLockout: withChanges('smartLockout', {
    signIns: ok(
      newestFirst([
        attempt(hoursAgo(20), 0),
        ...Array.from({ length: 12 }, (_, index) => attempt(minutesAgo(29 - index), 50126)),
        ...[15, 11, 7, 4, 2].map((minutes) => attempt(minutesAgo(minutes), 50053)),
      ]),
    ),
  }),
  failedSignIns: withChanges('failedSignIns', {
    user: { lastPasswordChangeDateTime: daysAgo(92) },
    signIns: ok(newestFirst([...[185, 178, 170, 162].map((minutes) => attempt(minutesAgo(minutes), 50126)), attempt(minutesAgo(64), 50055)])),
  }),
  mfaTrouble: withChanges('mfaTrouble', {
    signIns: ok(newestFirst([attempt(minutesAgo(44), 50076), attempt(minutesAgo(42), 500121), attempt(minutesAgo(23), 50074), attempt(minutesAgo(21), 500121)])),
    signInMethods: ok([{ id: 'password', type: 'password', label: '' }, { id: 'mobile', type: 'phone', label: '+1 ••••••••23' }]),
  }),
  conditionalAccess: withChanges('conditionalAccess', {
    signIns: ok(newestFirst([attempt(minutesAgo(33), 53003), attempt(minutesAgo(31), 53003), attempt(minutesAgo(9), 530032)])),
  }),
  atRisk: withChanges('atRisk', {
    risk: ok({ riskLevel: 'high', riskState: 'atRisk', riskDetail: 'none', riskLastUpdatedDateTime: minutesAgo(52) }),
    signIns: ok(newestFirst([attempt(hoursAgo(6), 0), attempt(minutesAgo(55), 0, 'OfficeHome')])),
  }),
  restrictedSender: withChanges('restrictedSender', {
    restrictedSender: ok({ senderAddress: SEEDED.users.restrictedSender.upn, reason: SPAM_REASON, createdDateTime: hoursAgo(3) }),
  }),
  ssprNotRegistered: withChanges('ssprNotRegistered', {
    registration: ok({ isSsprRegistered: false, isSsprEnabled: true, isSsprCapable: false, isMfaRegistered: false, methodsRegistered: [] }),
  }),
  forwardingRule: withChanges('forwardingRule', {
    inboxRules: ok([
      inboxRule('AQAAAJ5dZqA=', '.', { forwardTo: [{ address: 'lee.gu.mailbox@freemail.example' }], markAsRead: true }),
      inboxRule('AQAAAJ5dZqE=', 'Newsletters', { moveToFolder: 'AAMkAGI2TGuLAAA=' }),
    ]),
  }),
  onPremises: withChanges('onPremises', {
    user: { accountEnabled: false, onPremisesSyncEnabled: true, passwordPolicies: 'DisablePasswordExpiration' },
  }),
  globalAdmin: withChanges('globalAdmin', {
    user: { accountEnabled: false },
    roles: ok([{ roleTemplateId: ROLE.globalAdministrator.templateId, displayName: ROLE.globalAdministrator.displayName }]),
  }),
  eligibleAdmin: withChanges('eligibleAdmin', {
    risk: ok({ riskLevel: 'high', riskState: 'atRisk', riskDetail: 'none', riskLastUpdatedDateTime: minutesAgo(35) }),
    eligibleRoles: ok([{ roleTemplateId: ROLE.globalAdministrator.templateId, displayName: ROLE.globalAdministrator.displayName }]),
  }),
  couldNotCheck: withChanges('noMailbox', {
    risk: { kind: 'unavailable', cause: 'licence', needs: 'Microsoft Entra ID P2' },
    roles: { kind: 'unavailable', cause: 'throttled', requestId: '3f2a9c1e-5b7d-4e8a-9c0f-1d2e3f4a5b6c' },
    inboxRules: { kind: 'unavailable', cause: 'notFound' },
  }),
  everything: withChanges('everything', {
    user: { accountEnabled: false },
    risk: ok({ riskLevel: 'high', riskState: 'atRisk', riskDetail: 'none', riskLastUpdatedDateTime: hoursAgo(2) }),
    signIns: ok(newestFirst([attempt(hoursAgo(9), 0), attempt(hoursAgo(3), 0, 'OfficeHome'), attempt(minutesAgo(18), 50057), attempt(minutesAgo(12), 50057)])),
    inboxRules: ok([inboxRule('AQAAAJ5dZqI=', '..', { redirectTo: [{ address: 'accounts.payable@freemail.example' }], delete: true })]),
    restrictedSender: ok({ senderAddress: SEEDED.users.everything.upn, reason: SPAM_REASON, createdDateTime: minutesAgo(70) }),
    signInMethods: ok([
      { id: 'password', type: 'password', label: '' },
      { id: 'mobile', type: 'phone', label: '+371 ••••••47' },
      { id: 'authenticator-new', type: 'microsoftAuthenticator', label: 'SM-A146B', createdDateTime: hoursAgo(2) },
    ]),
  }),
} satisfies Record<string, AccountState>;

export type SampleAccount = keyof typeof SAMPLE_ACCOUNTS;
