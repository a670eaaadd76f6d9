import { diagnose, type DiagnosisOptions } from '../../src/diagnosis/diagnose';
import { classifySignIn } from '../../src/diagnosis/signInErrors';
import { summaryOf } from '../../src/diagnosis/summary';
import { render } from '../../src/i18n/catalogue';
import type {
  CouldNotCheckFinding,
  FailedSignInsFinding,
  Finding,
  FindingKind,
  RemediationStep,
  SmartLockoutFinding,
} from '../../src/domain/diagnosis';
import type { AccountState } from '../../src/domain/account';
import {
  CHECKED_AT,
  MALICIOUS_IP_REASON,
  EXTERNAL_FORWARD,
  ROLES,
  lockout,
  minutesAgo,
  ok,
  restricted,
  risk,
  role,
  rule,
  rules,
  secondsAgo,
  signIn,
  signIns,
  stateWith,
  unavailable,
} from './fixtures/accountStates';
import { DIAGNOSIS_CASES } from './fixtures/diagnosisCases';

function stepNames(steps: readonly RemediationStep[]): string[] {
  return steps.map((step) => (step.itemId === undefined ? step.id : `${step.id}:${step.itemId}`));
}

function only<K extends FindingKind>(state: AccountState, kind: K, options?: DiagnosisOptions): Extract<Finding, { kind: K }> {
  const found = diagnose(state, options).findings.filter((f): f is Extract<Finding, { kind: K }> => f.kind === kind);
  expect(found).toHaveLength(1);
  return found[0] as Extract<Finding, { kind: K }>;
}

function detailKeys(finding: Finding): string[] {
  return finding.details.map((d) => d.key);
}

describe('diagnose', () => {
  it.each(DIAGNOSIS_CASES)('$name', ({ state, findings, steps, privileged, options }) => {
    const diagnosis = diagnose(state, options);
    expect(diagnosis.userId).toBe(state.user.id);
    expect(diagnosis.findings.map((f) => [f.kind, f.severity])).toEqual(findings);
    expect(stepNames(diagnosis.steps)).toEqual(steps);
    expect(diagnosis.privileged).toBe(privileged ?? false);
  });

  it('reads time only from checkedAt, never from the clock', () => {
    const state = stateWith(signIns(lockout(secondsAgo(20)), signIn(50126, minutesAgo(2))));
    const before = diagnose(state);
    jest.useFakeTimers().setSystemTime(new Date('2031-01-01T00:00:00Z'));
    try {
      expect(diagnose(state)).toEqual(before);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('smart lockout', () => {
  it('gives the last lockout, an unlock estimate 60 s later and the count', () => {
    const state = stateWith(signIns(lockout(secondsAgo(20)), lockout(minutesAgo(5)), signIn(50126, minutesAgo(6))));
    const finding: SmartLockoutFinding = only(state, 'smartLockout');
    expect(finding.lastLockoutAt).toBe(secondsAgo(20));
    expect(finding.estimatedUnlockAt).toBe(secondsAgo(-40));
    expect(finding.lockoutCount).toBe(2);
    expect(finding.title.key).toBe('finding.smartLockout.title');
    expect(detailKeys(finding)).toEqual(
      expect.arrayContaining(['finding.smartLockout.unlocksAt', 'finding.smartLockout.growsOnRepeat']),
    );
  });

  it('says the lock has probably lifted once the estimate has passed', () => {
    const finding = only(stateWith(signIns(lockout(minutesAgo(2)))), 'smartLockout');
    expect(finding.title.key).toBe('finding.smartLockout.titleLifted');
    expect(detailKeys(finding)).toContain('finding.smartLockout.probablyLifted');
  });

  it('counts only lockouts after the last password change', () => {
    const state = stateWith({
      ...signIns(lockout(secondsAgo(20)), lockout(minutesAgo(40))),
      user: { lastPasswordChangeDateTime: minutesAgo(30) },
    });
    expect(only(state, 'smartLockout').lockoutCount).toBe(1);
  });

  it('does not treat a malicious-IP 50053 as a lockout', () => {
    const state = stateWith(signIns(signIn(50053, secondsAgo(20), MALICIOUS_IP_REASON)));
    expect(diagnose(state).findings.map((f) => f.kind)).not.toContain('smartLockout');
    expect(only(state, 'failedSignIns').causes.map((c) => c.category)).toEqual(['maliciousIp']);
  });
});

describe('failed sign-ins', () => {
  const state = stateWith(
    signIns(
      signIn(53003, minutesAgo(1)),
      signIn(50126, minutesAgo(2)),
      signIn(50126, minutesAgo(3)),
      signIn(50126, minutesAgo(4)),
      signIn(90099, minutesAgo(5)),
      signIn(53003, minutesAgo(6)),
      signIn(0, minutesAgo(7)),
    ),
  );

  it('summarises by cause, most frequent first, successes excluded', () => {
    const finding: FailedSignInsFinding = only(state, 'failedSignIns');
    expect(finding.total).toBe(6);
    expect(finding.causes.map((c) => [c.errorCode, c.category, c.count])).toEqual([
      [50126, 'wrongPassword', 3],
      [53003, 'conditionalAccess', 2],
      [90099, 'other', 1],
    ]);
    expect(finding.causes[1]?.lastAt).toBe(minutesAgo(1));
    expect(finding.title).toEqual({ key: 'finding.failedSignIns.title', params: { count: 6 } });
  });

  it('explains each cause in plain words, unknown codes by number', () => {
    const finding = only(state, 'failedSignIns');
    expect(finding.causes.map((c) => c.meaning)).toEqual([
      { key: 'signInError.50126', params: { count: 3, code: 50126 } },
      { key: 'signInError.53003', params: { count: 2, code: 53003 } },
      { key: 'signInError.other', params: { count: 1, code: 90099 } },
    ]);
    expect(detailKeys(finding)).toEqual(
      expect.arrayContaining(['finding.failedSignIns.advicePassword', 'finding.failedSignIns.adviceAccessPolicy']),
    );
  });

  it.each([
    [50055, 'passwordExpired'],
    [50056, 'noPassword'],
    [50126, 'wrongPassword'],
    [53003, 'conditionalAccess'],
    [50074, 'mfaRequired'],
    [50076, 'mfaRequired'],
    [50079, 'mfaRegistrationRequired'],
    [500121, 'mfaFailed'],
    [530032, 'securityPolicy'],
    [50158, 'mfaFailed'],
    [50097, 'deviceRequired'],
    [53004, 'riskBlocked'],
    [12345, 'other'],
  ])('classifies %i as %s', (code, category) => {
    const finding = only(stateWith(signIns(signIn(code, minutesAgo(1)))), 'failedSignIns');
    expect(finding.causes.map((c) => c.category)).toEqual([category]);
  });

  it('classifies 50057 as accountDisabled', () => {
    expect(classifySignIn(signIn(50057, minutesAgo(1))).category).toBe('accountDisabled');
  });

  it('a blocked account is one finding: its "account disabled" sign-ins are not a second warning', () => {
    const blocked = diagnose(stateWith({ ...signIns(signIn(50057, minutesAgo(5)), signIn(50057, minutesAgo(3))), user: { accountEnabled: false } }));
    expect(blocked.findings.map((finding) => finding.kind)).toEqual(['signInBlocked']);
  });

  it('drops "account disabled" failures once the account is enabled again', () => {
    const enabled = diagnose(stateWith(signIns(signIn(50057, minutesAgo(5)), signIn(50057, minutesAgo(3)))));
    expect(enabled.findings.map((finding) => finding.kind)).toEqual(['nothingWrong']);
  });

  it('ignores failures older than 24 hours', () => {
    const state24 = stateWith(signIns(signIn(53003, minutesAgo(24 * 60 + 1)), signIn(53003, minutesAgo(24 * 60 - 1))));
    expect(only(state24, 'failedSignIns').total).toBe(1);
  });
});

describe('account findings', () => {
  it('tells to enable a synced account in Active Directory', () => {
    expect(detailKeys(only(stateWith({ user: { accountEnabled: false } }), 'signInBlocked'))).toContain(
      'finding.signInBlocked.cloud',
    );
    const synced = only(stateWith({ user: { accountEnabled: false, onPremisesSyncEnabled: true } }), 'signInBlocked');
    expect(detailKeys(synced)).toContain('finding.signInBlocked.onPremises');
  });

  it('explains a restricted sender: since, why, delay and unblock limit', () => {
    const finding = only(stateWith(restricted), 'restrictedSender');
    expect(finding.since).toBeDefined();
    expect(finding.details).toEqual(
      expect.arrayContaining([
        { key: 'finding.restrictedSender.since', params: { since: finding.since } },
        { key: 'finding.restrictedSender.reason.outboundSpam' },
        { key: 'finding.restrictedSender.reason.spamCounts', params: { spam: 120, total: 130 } },
        { key: 'finding.restrictedSender.unblockDelay' },
        { key: 'finding.restrictedSender.unblockLimit' },
      ]),
    );
  });

  it('links SSPR registration, and says when the policy does not cover the user', () => {
    const registration = { isSsprRegistered: false, isSsprCapable: false, isMfaRegistered: false, methodsRegistered: [] };
    const covered = only(stateWith({ registration: ok({ ...registration, isSsprEnabled: true }) }), 'ssprNotRegistered');
    expect(detailKeys(covered)).toEqual(['finding.ssprNotRegistered.register']);
    const notCovered = only(stateWith({ registration: ok({ ...registration, isSsprEnabled: false }) }), 'ssprNotRegistered');
    expect(notCovered.ssprEnabled).toBe(false);
    expect(detailKeys(notCovered)).toContain('finding.ssprNotRegistered.policyDoesNotCover');
  });

  it('describes a suspicious rule with its recipients, and flags mail leaving the domain', () => {
    const finding = only(
      stateWith(rules(rule('r1', { forwardTo: [{ address: 'drop@evil.example' }, { address: 'me@contoso.com' }], delete: true }))),
      'suspiciousInboxRule',
    );
    expect(finding.ruleId).toBe('r1');
    expect(finding.behaviours).toEqual(['forward', 'delete']);
    expect(finding.recipients).toEqual(['drop@evil.example', 'me@contoso.com']);
    expect(finding.details).toContainEqual({
      key: 'finding.suspiciousInboxRule.outside',
      params: { recipients: 'drop@evil.example' },
    });
  });

  it('does not call forwarding inside the user\'s domain outside', () => {
    const finding = only(stateWith(rules(rule('r1', { forwardTo: [{ address: 'Boss@Contoso.com' }] }))), 'suspiciousInboxRule');
    expect(detailKeys(finding)).not.toContain('finding.suspiciousInboxRule.outside');
  });

  it('names the privileged roles, compared by template id', () => {
    const renamed = role('Some localised name', ROLES.globalAdministrator.roleTemplateId.toUpperCase());
    const finding = only(stateWith({ roles: ok([renamed, ROLES.helpdeskAdministrator]) }), 'privilegedTarget', { protectAllRoleHolders: false });
    expect(finding.roles).toEqual(['Some localised name']);
    // A manageable role by name but not by template id is still privileged.
    const impostor = role('Helpdesk Administrator', '00000000-0000-0000-0000-000000000001');
    expect(diagnose(stateWith({ roles: ok([impostor]) })).privileged).toBe(true);
  });
});

describe('roles eligible through Privileged Identity Management', () => {
  it('marks the eligible roles apart from the held ones', () => {
    const finding = only(
      stateWith({ roles: ok([ROLES.exchangeAdministrator]), eligibleRoles: ok([ROLES.globalAdministrator, ROLES.helpdeskAdministrator]) }),
      'privilegedTarget',
      { protectAllRoleHolders: false },
    );
    expect(finding.roles).toEqual(['Exchange Administrator', 'Global Administrator']);
    expect(finding.eligibleRoles).toEqual(['Global Administrator']);
    expect(finding.details.slice(0, 2)).toEqual([
      { key: 'finding.privilegedTarget.roles', params: { count: 1, roles: 'Exchange Administrator' } },
      { key: 'finding.privilegedTarget.eligible', params: { count: 1, roles: 'Global Administrator' } },
    ]);
  });

  it('names an eligible role once when it is also active (activated)', () => {
    const finding = only(
      stateWith({ roles: ok([ROLES.globalAdministrator]), eligibleRoles: ok([ROLES.globalAdministrator]) }),
      'privilegedTarget',
    );
    expect(finding.roles).toEqual(['Global Administrator']);
    expect(finding.eligibleRoles).toEqual([]);
    expect(detailKeys(finding)).not.toContain('finding.privilegedTarget.eligible');
  });

  it('compares eligible roles by template id, as active ones', () => {
    const impostor = role('Helpdesk Administrator', '00000000-0000-0000-0000-000000000001');
    expect(diagnose(stateWith({ eligibleRoles: ok([impostor]) })).privileged).toBe(true);
  });

  it.each([
    ['licence', false],
    ['permission', true],
    ['throttled', true],
    ['outage', true],
    ['notFound', true],
  ] as const)('eligible roles unavailable (%s): roles unknown is %s', (cause, unknown) => {
    const state = stateWith({ eligibleRoles: unavailable(cause) });
    expect(diagnose(state).rolesUnknown).toBe(unknown);
    const finding = only(state, 'couldNotCheck');
    expect(finding).toMatchObject({ check: 'eligibleRoles', cause });
    expect(finding.title.key).toBe('check.eligibleRoles');
    expect(detailKeys(finding)).toContain(unknown ? 'finding.couldNotCheck.rolesWithheld' : 'finding.couldNotCheck.noPim');
  });

  it('names what the eligible-roles check needs', () => {
    expect(only(stateWith({ eligibleRoles: unavailable('licence') }), 'couldNotCheck').needs).toBe(
      'Microsoft Entra ID P2 or Microsoft Entra ID Governance',
    );
    expect(only(stateWith({ eligibleRoles: unavailable('permission') }), 'couldNotCheck').needs).toBe(
      'RoleEligibilitySchedule.Read.Directory (or RoleManagement.Read.Directory)',
    );
  });
});

describe('could not check', () => {
  it('says which check, why, what it needs and the request id', () => {
    const finding: CouldNotCheckFinding = only(
      stateWith({ signIns: unavailable('licence', { needs: 'Microsoft Entra ID P1', requestId: 'req-7' }) }),
      'couldNotCheck',
    );
    expect(finding).toMatchObject({ check: 'signIns', cause: 'licence', needs: 'Microsoft Entra ID P1' });
    expect(finding.title.key).toBe('check.signIns');
    expect(finding.details).toEqual([
      { key: 'cause.licence' },
      { key: 'finding.couldNotCheck.needs', params: { needs: 'Microsoft Entra ID P1' } },
      { key: 'finding.couldNotCheck.requestId', params: { requestId: 'req-7' } },
    ]);
  });

  it('fills in what a check needs when the service did not say', () => {
    expect(only(stateWith({ risk: unavailable('licence') }), 'couldNotCheck').needs).toBe('Microsoft Entra ID P2');
    expect(only(stateWith({ signIns: unavailable('permission') }), 'couldNotCheck').needs).toBe('AuditLog.Read.All and Directory.Read.All');
  });

  it('explains that write steps are withheld when roles are unknown', () => {
    const finding = only(stateWith({ roles: unavailable('permission') }), 'couldNotCheck');
    expect(detailKeys(finding)).toContain('finding.couldNotCheck.rolesWithheld');
  });
});

describe('nothing wrong', () => {
  it('lists what else could be wrong, with the username to use', () => {
    const finding = only(stateWith(), 'nothingWrong');
    expect(finding.title.key).toBe('finding.nothingWrong.title');
    expect(finding.details).toContainEqual({
      key: 'finding.nothingWrong.wrongUsername',
      params: { upn: 'ann.lee@contoso.com' },
    });
    expect(detailKeys(finding)).toEqual(
      expect.arrayContaining(['finding.nothingWrong.mfaDevice', 'finding.nothingWrong.deviceOrAccess', 'finding.nothingWrong.incident']),
    );
  });

  it('says "in what could be checked" when a part was unavailable', () => {
    const finding = only(stateWith({ inboxRules: unavailable('throttled') }), 'nothingWrong');
    expect(finding.title.key).toBe('finding.nothingWrong.titlePartial');
    expect(detailKeys(finding)).toContain('finding.nothingWrong.partial');
  });
});

it('uses the fixed checkedAt of the fixtures', () => {
  expect(stateWith().checkedAt).toBe(CHECKED_AT);
});

describe('which steps a card highlights', () => {
  const primary = (state: AccountState): string[] => diagnose(state).steps.filter((step) => step.primary).map((step) => step.id);

  it('at most three, and only what a finding calls for', () => {
    for (const { state } of DIAGNOSIS_CASES) {
      const { steps } = diagnose(state);
      expect(steps.filter((step) => step.primary).length).toBeLessThanOrEqual(3);
    }
    expect(primary(stateWith())).toEqual([]);
  });

  it('a password reset, revoking sessions and a Temporary Access Pass are on every card the bot may change, as secondary actions', () => {
    const ids = diagnose(stateWith()).steps.map((step) => step.id);
    expect(ids).toEqual(['resetPassword', 'temporaryAccessPass', 'revokeSessions', 'handOver']);
    expect(primary(stateWith())).toEqual([]);
    // Not where a cloud reset cannot work, and nothing at all for an administrator.
    expect(diagnose(stateWith({ user: { onPremisesSyncEnabled: true } })).steps.map((step) => step.id)).not.toContain('resetPassword');
    expect(diagnose(stateWith({ roles: ok([ROLES.globalAdministrator]) })).steps).toEqual([]);
  });

  it('a compromised-looking account puts securing first and lifting protections last', () => {
    const state = stateWith({ user: { accountEnabled: false }, ...risk('atRisk', 'high'), ...rules(rule('fwd', EXTERNAL_FORWARD)) });
    const ids = diagnose(state).steps.map((step) => step.id);
    expect(primary(state)).toEqual(['secureAccount', 'resetPassword', 'removeInboxRule']);
    expect(ids.indexOf('allowSignIn')).toBeGreaterThan(ids.indexOf('revokeSessions'));
    expect(ids.indexOf('dismissRisk')).toBeGreaterThan(ids.indexOf('confirmCompromised'));
    expect(diagnose(state).compromised).toBe(true);
    // In the order Secure account runs them: the password first, the sessions last.
    expect(diagnose(state).stillOpen.map((step) => step.id)).toEqual(['resetPassword', 'removeInboxRule', 'revokeSessions']);
  });

  it('Secure account is offered, first, only while two or more securing steps are open', () => {
    // A forwarding rule: the password (whoever made the rule signed in with it), the rule and the sessions are open.
    const forwarding = diagnose(stateWith(rules(rule('fwd', EXTERNAL_FORWARD))));
    expect(forwarding.stillOpen.map((step) => step.id)).toEqual(['resetPassword', 'removeInboxRule', 'revokeSessions']);
    expect(forwarding.steps[0]).toEqual({ id: 'secureAccount', primary: true });
    // Only the sessions left (a reset closed the risk): that step on its own, no bundle of one.
    const sessionsOnly = diagnose(
      stateWith({
        risk: ok({ riskState: 'remediated', riskLevel: 'none', riskDetail: 'adminGeneratedTemporaryPassword', riskLastUpdatedDateTime: minutesAgo(10) }),
        user: { lastPasswordChangeDateTime: minutesAgo(10), signInSessionsValidFromDateTime: minutesAgo(600) },
      }),
    );
    expect(sessionsOnly.stillOpen.map((step) => step.id)).toEqual(['revokeSessions']);
    expect(sessionsOnly.steps.map((step) => step.id)).not.toContain('secureAccount');
    // Nothing to secure: never offered, not even as a secondary action.
    expect(diagnose(stateWith()).steps.map((step) => step.id)).not.toContain('secureAccount');
    // Not for an administrator, nor while the roles are unknown.
    expect(diagnose(stateWith({ roles: ok([ROLES.globalAdministrator]), ...rules(rule('fwd', EXTERNAL_FORWARD)) })).steps).toEqual([]);
  });

  it('a restricted sender whose password was changed and sessions revoked since no longer calls for either', () => {
    const since = minutesAgo(70);
    const state = stateWith({
      user: { lastPasswordChangeDateTime: minutesAgo(20), signInSessionsValidFromDateTime: minutesAgo(19) },
      restrictedSender: ok({ senderAddress: 'ann.lee@contoso.com', createdDateTime: since }),
    });
    expect(primary(state)).toEqual(['unblockSending', 'compromisedChecklist']);
    expect(diagnose(state).stillOpen).toEqual([]);
  });

  describe('after a password reset cleared the risk (an admin reset ends only password-based sessions)', () => {
    const remediated = (at: string): Pick<AccountState, 'risk'> => ({
      risk: ok({ riskState: 'remediated', riskLevel: 'none', riskDetail: 'adminGeneratedTemporaryPassword', riskLastUpdatedDateTime: at }),
    });

    it('still calls for Revoke sessions, highlighted, until sessions were revoked after the reset', () => {
      const state = stateWith({ ...remediated(minutesAgo(10)), user: { lastPasswordChangeDateTime: minutesAgo(10), signInSessionsValidFromDateTime: minutesAgo(600) } });
      const diagnosis = diagnose(state);
      expect(diagnosis.findings.map((finding) => finding.kind)).toEqual(['sessionsOpenAfterRisk']);
      expect(primary(state)).toEqual(['revokeSessions']);
      expect(diagnosis.stillOpen.map((step) => step.id)).toEqual(['revokeSessions']);
    });

    it('no longer once sessions were revoked after it, nor for a risk dismissed rather than reset', () => {
      const revoked = stateWith({ ...remediated(minutesAgo(10)), user: { signInSessionsValidFromDateTime: minutesAgo(2) } });
      expect(diagnose(revoked).findings.map((finding) => finding.kind)).toEqual(['nothingWrong']);
      const dismissed = stateWith({ risk: ok({ riskState: 'dismissed', riskLevel: 'none', riskDetail: 'adminDismissedAllRiskForUser', riskLastUpdatedDateTime: minutesAgo(10) }) });
      expect(diagnose(dismissed).findings.map((finding) => finding.kind)).toEqual(['nothingWrong']);
    });
  });

  it('the summary line names the step the operator asked for when the card puts it first', () => {
    const failed = stateWith(signIns(signIn(50126, minutesAgo(2))));
    const diagnosis = diagnose(failed);
    expect(render('en', diagnosis.summary)).toMatch(/Start with "Reset password"/);
    expect(render('en', summaryOf(diagnosis.findings, diagnosis.steps, diagnosis, { id: 'revokeSessions' }))).toMatch(/Start with "Revoke sessions"/);
    const healthy = diagnose(stateWith());
    expect(render('en', summaryOf(healthy.findings, healthy.steps, healthy, { id: 'resetPassword' }))).toBe(
      'Nothing wrong found in what Unlock checks. "Reset password", as you asked, is first below.',
    );
    // Lifting a protection on a compromised-looking account waits: the line says so, and what comes first.
    const atRisk = diagnose(stateWith({ ...risk('atRisk', 'high'), user: { accountEnabled: false } }));
    expect(render('en', summaryOf(atRisk.findings, atRisk.steps, atRisk, { id: 'allowSignIn' }))).toMatch(
      /^This account looks compromised: "Allow sign-in" waits until it is secured\. Start with "Secure account"\.$/,
    );
  });

  it('the summary line says what is wrong and where to start', () => {
    expect(diagnose(stateWith({ user: { accountEnabled: false } })).summary).toEqual({
      key: 'summary.problem',
      params: { problem: { key: 'finding.signInBlocked.title' }, step: { key: 'step.allowSignIn.title' } },
    });
    expect(diagnose(stateWith(risk('atRisk', 'high'))).summary.key).toBe('summary.compromised');
    expect(diagnose(stateWith()).summary.key).toBe('summary.nothingWrong');
    // A target Unlock does not change: the line says who can act instead.
    const admin = diagnose(stateWith({ roles: ok([ROLES.globalAdministrator]) })).summary;
    expect(admin.key).toBe('summary.privilegedRoles');
    expect(render('en', admin)).toMatch(/^An administrator \(Global Administrator\): Unlock does not change this account\. A Privileged Authentication Administrator or a Global Administrator can/);
  });
});
