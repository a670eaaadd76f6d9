/** The tables and parsers the diagnosis is built from. */
import { suspiciousBehaviours } from '../../src/diagnosis/inboxRules';
import { MANAGEABLE_BY_USER_ADMINISTRATOR, privilegedRoles } from '../../src/diagnosis/privilegedRoles';
import { parseRestrictionReason, restrictionReasonTexts } from '../../src/diagnosis/restrictedSenderReason';
import { classifySignIn } from '../../src/diagnosis/signInErrors';
import { LOCKED_REASON, MALICIOUS_IP_REASON, ROLES, rule, signIn } from './fixtures/accountStates';

describe('privileged roles', () => {
  it('lets a User Administrator manage exactly the roles of the sensitive-actions table', () => {
    expect([...MANAGEABLE_BY_USER_ADMINISTRATOR.values()].sort()).toEqual([
      'Directory Readers',
      'Groups Administrator',
      'Guest Inviter',
      'Helpdesk Administrator',
      'Message Center Reader',
      'Password Administrator',
      'Reports Reader',
      'Usage Summary Reports Reader',
      'User Administrator',
      'User Experience Success Manager',
    ]);
  });

  it.each([
    ['Global Administrator', ROLES.globalAdministrator, true],
    ['Exchange Administrator', ROLES.exchangeAdministrator, true],
    ['Global Reader', ROLES.globalReader, true],
    ['Helpdesk Administrator', ROLES.helpdeskAdministrator, false],
    ['Directory Readers', ROLES.directoryReaders, false],
  ])('%s is privileged: %s', (_name, held, privileged) => {
    expect(privilegedRoles([held], false)).toHaveLength(privileged ? 1 : 0);
    // By default (PROTECT_ALL_ROLE_HOLDERS) every role holder is out of reach.
    expect(privilegedRoles([held])).toHaveLength(1);
  });
});

describe('sign-in classification', () => {
  it.each([
    [LOCKED_REASON, 'lockedOut'],
    [MALICIOUS_IP_REASON, 'maliciousIp'],
    [undefined, 'other'],
    ['Something new', 'other'],
  ])('50053 with reason %p is %s', (reason, category) => {
    expect(classifySignIn(signIn(50053, '2026-11-20T11:00:00Z', reason)).category).toBe(category);
  });
});

describe('restricted sender reason', () => {
  it('reads a sending-limit reason', () => {
    const reason =
      'EmailSendingLimitExceeded;InternalRecipientCountToday=3;ExternalRecipientCountToday=10001;ExceedingLimitType=External;LastMessagetraceId=abc';
    expect(parseRestrictionReason(reason)).toEqual({
      kind: 'sendingLimit',
      limitType: 'external',
      internalRecipients: 3,
      externalRecipients: 10001,
    });
    expect(restrictionReasonTexts(reason)).toEqual([
      { key: 'finding.restrictedSender.reason.sendingLimitExternal' },
      { key: 'finding.restrictedSender.reason.recipientCounts', params: { internal: 3, external: 10001 } },
    ]);
  });

  it('reads an outbound-spam reason with key:value pairs', () => {
    expect(parseRestrictionReason('OutboundSpamLast24Hours:40;OutboundMailLast24Hours:50;Last Spam Message MessagetraceId:x')).toEqual({
      kind: 'outboundSpam',
      spamMessages: 40,
      allMessages: 50,
    });
  });

  it('shows an unknown reason as it is, and nothing for no reason', () => {
    expect(restrictionReasonTexts(' Blocked by admin ')).toEqual([
      { key: 'finding.restrictedSender.reason.raw', params: { reason: 'Blocked by admin' } },
    ]);
    expect(restrictionReasonTexts(undefined)).toEqual([]);
    expect(restrictionReasonTexts('')).toEqual([]);
  });
});

describe('suspicious inbox rule behaviours', () => {
  it.each([
    ['forward', { forwardTo: [{ address: 'a@b.c' }] }, ['forward']],
    ['forward as attachment', { forwardAsAttachmentTo: [{ address: 'a@b.c' }] }, ['forwardAsAttachment']],
    ['redirect', { redirectTo: [{ address: 'a@b.c' }] }, ['redirect']],
    ['delete', { delete: true }, ['delete']],
    ['permanent delete', { permanentDelete: true }, ['permanentDelete']],
    ['move and mark read', { moveToFolder: 'x', markAsRead: true }, ['moveAndMarkRead']],
    ['move only', { moveToFolder: 'x' }, []],
    ['mark read only', { markAsRead: true }, []],
    ['disabled forward', { isEnabled: false, forwardTo: [{ address: 'a@b.c' }] }, []],
  ])('%s', (_name, change, behaviours) => {
    expect(suspiciousBehaviours(rule('r', change))).toEqual(behaviours);
  });
});
