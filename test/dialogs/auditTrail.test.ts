/**
 * The audit trail as people meet it: refused and failed actions are recorded as such, "history"
 * shows the last actions to operators only, and an old card asks for a fresh check.
 */
import { StorageAuditLog } from '../../src/adapters/audit/storageAuditLog';
import { SEEDED } from '../../src/simulator/seeded';
import { button, cardOf, cardText, click, invokeCard, message, operatorView, startBotHarness, type BotHarness, type CardJson, type Conversation, type Person } from '../support/botHarness';

let harness: BotHarness;
beforeAll(async () => {
  harness = await startBotHarness({ generatePassword: () => 'Audit#Temp-2345-pw' });
});
afterAll(() => harness.stop());
beforeEach(() => harness.simulator.clearFaults());

const operator: Person = SEEDED.users.operator;
const notOperator: Person = SEEDED.users.healthy;
const users = SEEDED.users;

async function cardFor(conversation: Conversation, upn: string): Promise<CardJson> {
  return cardOf((await conversation.send(message(operator, `unlock ${upn}`)))[0]);
}

async function press(conversation: Conversation, from: Person, card: CardJson, title: string): Promise<CardJson> {
  const { verb, data } = button(card, title);
  return invokeCard((await conversation.send(click(from, verb, data))).find((reply) => reply.type === 'invokeResponse'));
}

const audit = () => new StorageAuditLog(harness.storage);

describe('audit records', () => {
  it('record a refused action as refused, with who and where', async () => {
    const conversation = harness.conversation('channel');
    const card = await operatorView(conversation, operator, await cardFor(conversation, users.conditionalAccess.upn));
    await press(conversation, notOperator, card, 'Hand over to support');
    const [record] = await audit().forTarget(users.conditionalAccess.id, 1);
    expect(record).toMatchObject({
      actor: { aadObjectId: notOperator.id, name: notOperator.displayName, userPrincipalName: SEEDED.users.healthy.upn },
      place: { conversationType: 'channel', channelId: '19:helpdesk@thread.tacv2' },
      target: { id: users.conditionalAccess.id, userPrincipalName: users.conditionalAccess.upn },
      step: 'handOver',
      outcome: { kind: 'refused', reason: 'notOperator' },
    });
  });

  it('record a failed write before and after, with the Graph error code and request-id', async () => {
    const conversation = harness.conversation();
    const card = await cardFor(conversation, users.atRisk.upn);
    const confirm = await press(conversation, operator, card, 'Revoke sessions');
    harness.simulator.addFault({ method: 'POST', path: '/revokeSignInSessions', status: 403, code: 'Authorization_RequestDenied' });
    const result = await press(conversation, operator, confirm, 'Yes, do it');
    expect(cardText(result)).toMatch(/Revoke sessions failed[\s\S]*missing a permission[\s\S]*Authorization_RequestDenied/);
    const [failed, attempted] = await audit().forTarget(users.atRisk.id, 2);
    expect(attempted?.outcome).toEqual({ kind: 'attempted' });
    expect(failed?.outcome).toMatchObject({ kind: 'failed', cause: 'permission', code: 'Authorization_RequestDenied', requestId: expect.any(String) });
    expect(failed?.actionId).toBe(attempted?.actionId);
  });

  it('record a success, and a later click on a fixed account says who fixed it', async () => {
    const conversation = harness.conversation();
    const first = await cardFor(conversation, users.signInBlocked.upn);
    const second = await cardFor(conversation, users.signInBlocked.upn);
    await press(conversation, operator, await press(conversation, operator, first, 'Allow sign-in'), 'Yes, do it');
    const late = await press(conversation, operator, second, 'Allow sign-in');
    // The step is named, with no placeholder left, and the same operator reads "you".
    expect(cardText(late)).toMatch(/Allow sign-in: not needed any more[\s\S]*Done by you at \d/);
    const records = await audit().forTarget(users.signInBlocked.id, 10);
    expect(records.map((record) => record.outcome.kind)).toEqual(['refused', 'succeeded', 'attempted']);
  });

  it('never hold the temporary password', async () => {
    const conversation = harness.conversation();
    const card = await cardFor(conversation, users.failedSignIns.upn);
    await press(conversation, operator, await press(conversation, operator, card, 'Reset password'), 'Yes, do it');
    const records = await audit().forTarget(users.failedSignIns.id, 10);
    expect(records[0]?.outcome.kind).toBe('succeeded');
    expect(JSON.stringify(records)).not.toContain('Audit#Temp-2345-pw');
  });

  it('keep every one of many appends made at once', async () => {
    const log = audit();
    const target = { id: 'concurrent-target', userPrincipalName: 'c@contoso.com', displayName: 'C' };
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        log.append({ at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), actionId: `a${i}`, actor: { aadObjectId: 'x' }, place: { conversationId: 'c' }, target, step: 'allowSignIn', outcome: { kind: 'attempted' } }),
      ),
    );
    expect(await log.forTarget(target.id, 100)).toHaveLength(50);
  });
});

describe('"history"', () => {
  it('shows an operator the last actions on a user, newest first', async () => {
    const conversation = harness.conversation();
    const replies = await conversation.send(message(operator, `history ${users.signInBlocked.upn}`));
    const text = cardText(cardOf(replies[0]));
    expect(text).toMatch(/Recent Unlock actions on Līga Kalniņa/);
    expect(text).toMatch(/Alex Wilber · Allow sign-in · done/);
    expect(text.indexOf('refused')).toBeLessThan(text.indexOf('· done'));
  });

  it('is refused to an end user', async () => {
    const replies = await harness.conversation().send(message(notOperator, `history ${users.signInBlocked.upn}`));
    expect(replies[0]?.text).toMatch(/Only members of the helpdesk group can see the history/);
  });

  it('says when nothing was recorded, and how to use it', async () => {
    const conversation = harness.conversation();
    expect(cardText(cardOf((await conversation.send(message(operator, `history ${users.ssprNotRegistered.upn}`)))[0]))).toMatch(/recorded no actions/);
    expect((await conversation.send(message(operator, 'history')))[0]?.text).toMatch(/history anna\.berzina@contoso\.com/);
  });
});

describe('an old card', () => {
  it('asks for a fresh check instead of acting', async () => {
    const strict = await startBotHarness({ cardMaxAgeMinutes: 0 });
    try {
      const conversation = strict.conversation();
      const blocked = cardOf((await conversation.send(message(operator, `unlock ${users.everything.upn}`)))[0]);
      const stale = invokeCard((await conversation.send(click(operator, 'unlock.confirm', { ...button(blocked, 'Allow sign-in').data })))[0]);
      expect(cardText(stale)).toMatch(/0 minutes old[\s\S]*check again/);
      expect(strict.simulator.requests.filter((request) => request.method === 'PATCH')).toEqual([]);
      const fresh = invokeCard((await conversation.send(click(operator, 'unlock.recheck', button(blocked, 'Check again').data)))[0]);
      expect(cardText(fresh)).toMatch(/Account check: Raimonds Krūmiņš/);
    } finally {
      await strict.stop();
    }
  });
});
