/**
 * Secure account: on a compromised-looking account, the securing steps still open behind one
 * confirmation, each run as itself (its own write, claim and audit record), in the order the
 * password first and the sessions last; a part that cannot be done leaves the rest going.
 */
import { StorageAuditLog } from '../../src/adapters/audit/storageAuditLog';
import { SEEDED } from '../../src/simulator/seeded';
import { button, buttonTitles, cardOf, cardText, click, invokeCard, message, startBotHarness, type BotHarness, type CardJson, type Conversation, type Person } from '../support/botHarness';
import { tenantWrites } from '../support/tenant';

const TEMPORARY_PASSWORD = 'Tmp#Secure-2345-word';
const users = SEEDED.users;
const operator: Person = users.operator;

let harness: BotHarness;
beforeEach(async () => {
  // Each test its own tenant: securing an account changes it for good.
  harness = await startBotHarness({ generatePassword: () => TEMPORARY_PASSWORD });
});
afterEach(() => harness.stop());

async function findingsCardFor(conversation: Conversation, upn: string): Promise<CardJson> {
  const [reply] = await conversation.send(message(operator, `unlock ${upn}`));
  return cardOf(reply);
}

async function press(conversation: Conversation, card: CardJson, title: string, extra: Record<string, unknown> = {}) {
  const { verb, data } = button(card, title);
  const replies = await conversation.send(click(operator, verb, { ...data, ...extra }));
  const invoke = replies.find((reply) => reply.type === 'invokeResponse');
  return { card: invokeCard(invoke), others: replies.filter((reply) => reply !== invoke) };
}

/** Lee Gu's parts, in the order they run: the password, the rule, the new phone, then the sessions. */
function leeGuSecured(): unknown[] {
  const id = users.forwardingRule.id;
  return [
    `PATCH /v1.0/users/${id}`,
    expect.stringMatching(new RegExp(`^DELETE /v1.0/users/${id}/mailFolders/inbox/messageRules/`)),
    expect.stringMatching(new RegExp(`^DELETE /v1.0/users/${id}/authentication/phoneMethods/`)),
    `POST /v1.0/users/${id}/revokeSignInSessions`,
  ];
}

describe('Secure account', () => {
  it('on a forwarding rule and a new phone: first on the card, one confirmation naming each part (the password first), then each part written in order', async () => {
    const conversation = harness.conversation();
    const card = await findingsCardFor(conversation, users.forwardingRule.upn);
    expect(buttonTitles(card)[0]).toBe('Secure account');
    expect(cardText(card)).toMatch(/This account looks compromised\. Secure it first: start with "Secure account"/);

    const { card: confirm } = await press(conversation, card, 'Secure account');
    // Whoever made the rule and added the phone signed in with the password: it is reset first.
    expect(cardText(confirm)).toMatch(/Secure the account of Lee Gu now\? In this order: Reset password, Remove rule: "\.", Remove method: "[^"]+", Revoke sessions\./);
    expect(tenantWrites(harness.simulator)).toEqual([]);

    const { card: secret, others } = await press(conversation, confirm, 'Yes, do it', { verifiedBy: 'calledBack' });
    expect(tenantWrites(harness.simulator)).toEqual(leeGuSecured());
    expect(cardText(secret)).toContain(TEMPORARY_PASSWORD);
    const after = cardOf(others[0]);
    const shown = cardText(after);
    expect(shown).toMatch(/Secure account: done\./);
    expect(shown).toMatch(/Reset password: done\./);
    expect(shown).toMatch(/Remove rule "\.": done\./);
    expect(shown).toMatch(/Remove method "[^"]+": done\./);
    expect(shown).toMatch(/Revoke sessions: done\./);
    // Read back: nothing left to secure, so the step is gone from the card.
    expect(buttonTitles(after)).not.toContain('Secure account');

    // Each part is in the audit trail as if clicked on its own.
    const records = await new StorageAuditLog(harness.storage).forTarget(users.forwardingRule.id, 10);
    const succeeded = records.filter((record) => record.outcome.kind === 'succeeded').map((record) => record.step);
    expect(succeeded.sort()).toEqual(['removeInboxRule', 'removeSignInMethod', 'resetPassword', 'revokeSessions']);
    expect(records.map((record) => record.step)).not.toContain('secureAccount');
  });

  it('with a password reset among the parts: asks how the requester was verified, and the password goes only into the answer to the click', async () => {
    const conversation = harness.conversation();
    const card = await findingsCardFor(conversation, users.everything.upn);
    const { card: confirm } = await press(conversation, card, 'Secure account');
    expect(cardText(confirm)).toMatch(/In this order: Reset password, Remove rule: "\.\.", Remove method: "[^"]+", Revoke sessions\./);
    expect(cardText(confirm)).toMatch(/I called them back on a number from the directory/);

    // Without saying how the caller was verified, nothing is written.
    const yes = button(confirm, 'Yes, do it');
    const refused = invokeCard((await conversation.send(click(operator, yes.verb, { ...yes.data, verifiedBy: undefined }))).find((reply) => reply.type === 'invokeResponse'));
    expect(cardText(refused)).toMatch(/Say how you verified that the person asking is the user/);
    expect(tenantWrites(harness.simulator)).toEqual([]);

    const { card: secret, others } = await press(conversation, confirm, 'Yes, do it', { verifiedBy: 'calledBack' });
    expect(cardText(secret)).toContain(TEMPORARY_PASSWORD);
    expect(cardText(secret)).toMatch(/Temporary password for Raimonds Krūmiņš/);
    expect(JSON.stringify(others)).not.toContain(TEMPORARY_PASSWORD);
    expect(cardText(cardOf(others[0]))).toMatch(/Reset password: done\.[\s\S]*Revoke sessions: done\./);
    const writes = tenantWrites(harness.simulator);
    expect(writes[0]).toBe(`PATCH /v1.0/users/${users.everything.id}`);
    expect(writes.at(-1)).toBe(`POST /v1.0/users/${users.everything.id}/revokeSignInSessions`);
    expect(writes).toHaveLength(4);
    expect(JSON.stringify(harness.storage)).not.toContain(TEMPORARY_PASSWORD);

    const records = await new StorageAuditLog(harness.storage).forTarget(users.everything.id, 20);
    for (const record of records.filter((entry) => entry.outcome.kind === 'succeeded')) {
      expect(record.verifiedBy).toBe('calledBack');
    }
  });

  it('a part that fails leaves the rest going, and the card says which one is not done', async () => {
    harness.simulator.addFault({ method: 'DELETE', path: '/messageRules/', status: 503 });
    const conversation = harness.conversation();
    const card = await findingsCardFor(conversation, users.forwardingRule.upn);
    const { card: confirm } = await press(conversation, card, 'Secure account');
    const { others } = await press(conversation, confirm, 'Yes, do it', { verifiedBy: 'calledBack' });
    // All four were sent; the rule's delete was answered 503 (the rule is still there), the others went ahead.
    expect(tenantWrites(harness.simulator)).toEqual(leeGuSecured());
    const after = cardOf(others[0]);
    const shown = cardText(after);
    expect(shown).toMatch(/Remove rule "\.": not done\. It stays on the card/);
    expect(shown).toMatch(/Revoke sessions: done\./);
    expect(buttonTitles(after).some((title) => title.startsWith('Remove rule'))).toBe(true);
  });

  it('when no part could be written: the failure is said, and the confirmation can be used again', async () => {
    harness.simulator.addFault({ method: 'DELETE', path: '/users/', status: 503 });
    harness.simulator.addFault({ method: 'POST', path: '/revokeSignInSessions', status: 503 });
    harness.simulator.addFault({ method: 'PATCH', path: '/users/', status: 503 });
    const conversation = harness.conversation();
    const card = await findingsCardFor(conversation, users.forwardingRule.upn);
    const { card: confirm } = await press(conversation, card, 'Secure account');
    const { card: failed } = await press(conversation, confirm, 'Yes, do it', { verifiedBy: 'calledBack' });
    expect(cardText(failed)).toMatch(/Secure account failed\.[\s\S]*Nothing was changed/);
    expect(cardText(failed)).not.toMatch(/: done\./);
    harness.simulator.clearFaults();
    harness.simulator.resetLog();
    const { card: secret, others } = await press(conversation, confirm, 'Yes, do it', { verifiedBy: 'calledBack' });
    expect(cardText(secret)).toContain(TEMPORARY_PASSWORD);
    expect(cardText(cardOf(others[0]))).toMatch(/Secure account: done\./);
  });

  it('is refused from a card that never offered it (tampered data), with no write', async () => {
    const conversation = harness.conversation();
    const card = await findingsCardFor(conversation, users.smartLockout.upn);
    expect(buttonTitles(card)).not.toContain('Secure account');
    const reset = button(card, 'Reset password');
    const replies = await conversation.send(click(operator, 'unlock.step', { ...reset.data, step: 'secureAccount' }));
    expect(cardText(invokeCard(replies.find((reply) => reply.type === 'invokeResponse')))).not.toMatch(/Secure the account/);
    expect(tenantWrites(harness.simulator)).toEqual([]);
  });
});
