/**
 * The step registry and each step on its own: the one request its `execute` makes (against a
 * recording double of the tenant), what it answers, and the registry's rules that the rest of the
 * code relies on without naming a step.
 */
import type { UserSummary } from '../../src/domain/account';
import type { RemediationStep } from '../../src/domain/diagnosis';
import type { WriteOutcome } from '../../src/domain/outcome';
import { catalogueMessage } from '../../src/i18n/catalogue';
import { claimKey, STEP_IDS, STEPS, stepDefinition } from '../../src/steps/registry';
import type { GraphWriteAnswer, StepResult, TenantWrites } from '../../src/steps/step';

const target: UserSummary = { id: 'u-1', userPrincipalName: 'megan@contoso.com', displayName: 'Megan Bowen', mail: 'megan@contoso.com' };

interface Request {
  readonly call: string;
  readonly body?: unknown;
}

function recordingTenant(answer: GraphWriteAnswer = { kind: 'done', requestId: 'r-1' }): TenantWrites & { requests: Request[] } {
  const requests: Request[] = [];
  return {
    requests,
    graph: async (method, path, body) => {
      requests.push({ call: `${method} ${path}`, ...(body !== undefined ? { body } : {}) });
      return answer;
    },
    unblockSender: async (address): Promise<WriteOutcome> => {
      requests.push({ call: `Exchange Remove-BlockedSenderAddress ${address}` });
      return { kind: 'done' };
    },
  };
}

async function run(id: string, step: RemediationStep = { id }, tenant = recordingTenant()): Promise<{ result: StepResult; requests: Request[] }> {
  const definition = stepDefinition(id);
  if (definition?.kind !== 'write' || definition.runs) throw new Error(`${id} is not a write step of its own`);
  const result = await definition.execute({ tenant, target, step, generatePassword: () => 'Temp!Pass2word$x' });
  return { result, requests: tenant.requests };
}

describe('each write step makes its one request', () => {
  it.each([
    ['allowSignIn', [{ call: 'PATCH /users/u-1', body: { accountEnabled: true } }]],
    ['revokeSessions', [{ call: 'POST /users/u-1/revokeSignInSessions' }]],
    ['dismissRisk', [{ call: 'POST /identityProtection/riskyUsers/dismiss', body: { userIds: ['u-1'] } }]],
    ['confirmCompromised', [{ call: 'POST /identityProtection/riskyUsers/confirmCompromised', body: { userIds: ['u-1'] } }]],
    ['unblockSending', [{ call: 'Exchange Remove-BlockedSenderAddress megan@contoso.com' }]],
  ])('%s', async (id, expected) => {
    const { result, requests } = await run(id);
    expect(requests).toEqual(expected);
    expect(result.kind).toBe('done');
  });

  it('removeInboxRule deletes the one rule the card offered, escaped for the path', async () => {
    const { requests } = await run('removeInboxRule', { id: 'removeInboxRule', itemId: 'AQAAA/x=', itemName: 'x' });
    expect(requests).toEqual([{ call: 'DELETE /users/u-1/mailFolders/inbox/messageRules/AQAAA%2Fx%3D' }]);
  });

  it('removeInboxRule without a rule changes nothing', async () => {
    const { result, requests } = await run('removeInboxRule');
    expect(requests).toEqual([]);
    expect(result).toEqual({ kind: 'failed', cause: 'notFound' });
  });

  it('resetPassword sets a temporary password to change at next sign-in and answers it as a secret', async () => {
    const { result, requests } = await run('resetPassword');
    expect(requests).toEqual([{ call: 'PATCH /users/u-1', body: { passwordProfile: { password: 'Temp!Pass2word$x', forceChangePasswordNextSignIn: true } } }]);
    expect(result.kind).toBe('secret');
    expect(result.kind === 'secret' && result.secret.reveal()).toBe('Temp!Pass2word$x');
    expect(JSON.stringify(result)).not.toContain('Temp!Pass2word$x');
  });

  it('resetPassword that Graph refuses answers the failure, with no secret', async () => {
    const { result } = await run('resetPassword', { id: 'resetPassword' }, recordingTenant({ kind: 'failed', cause: 'rejected', code: 'Request_BadRequest' }));
    expect(result).toEqual({ kind: 'failed', cause: 'rejected', code: 'Request_BadRequest' });
  });
});

describe('the registry', () => {
  it('has each id once, handOver last', () => {
    expect(new Set(STEP_IDS).size).toBe(STEP_IDS.length);
    expect(STEP_IDS[STEP_IDS.length - 1]).toBe('handOver');
  });

  it.each(STEPS.map((step) => [step.id, step] as const))('%s has its words in both languages, and a confirmation that names the user', (_id, step) => {
    for (const locale of ['en', 'lv'] as const) {
      expect(catalogueMessage(locale, step.title)).toEqual(expect.any(String));
      expect(catalogueMessage(locale, step.confirm)).toMatch(/\{user\}/);
    }
  });

  it('every write names the permission it needs; only writes show secrets', () => {
    for (const step of STEPS) {
      if (step.kind === 'write') expect(step.permission).not.toBe('');
    }
    expect(STEPS.filter((step) => step.kind === 'write' && step.showsSecret).map((step) => step.id)).toEqual(['secureAccount', 'resetPassword', 'temporaryAccessPass']);
  });

  it('dismissing and confirming risk share one claim; a rule step claims per rule', () => {
    expect(claimKey({ id: 'dismissRisk' })).toBe(claimKey({ id: 'confirmCompromised' }));
    expect(claimKey({ id: 'removeInboxRule', itemId: 'a' })).not.toBe(claimKey({ id: 'removeInboxRule', itemId: 'b' }));
    expect(claimKey({ id: 'resetPassword' })).not.toBe(claimKey({ id: 'revokeSessions' }));
  });

  it('knows no step by an unknown id', () => {
    expect(stepDefinition('deleteUser')).toBeUndefined();
  });
});
