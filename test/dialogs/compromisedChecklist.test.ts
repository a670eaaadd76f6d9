/**
 * The compromised-account checklist is about this account: which rule sends mail where, which sign-in
 * method is new, the sign-ins and where they came from, the sending block; and what is already done,
 * by whom and when (from the audit trail), instead of a generic list.
 */
import { SEEDED } from '../../src/simulator/seeded';
import { button, cardOf, cardText, click, invokeCard, message, startBotHarness, type BotHarness, type CardJson, type Conversation, type Person } from '../support/botHarness';

let harness: BotHarness;
beforeAll(async () => {
  harness = await startBotHarness();
});
afterAll(() => harness.stop());

const operator: Person = SEEDED.users.operator;
const everything = SEEDED.users.everything;

async function press(conversation: Conversation, card: CardJson, title: string): Promise<CardJson> {
  const { verb, data } = button(card, title);
  return invokeCard((await conversation.send(click(operator, verb, data))).find((reply) => reply.type === 'invokeResponse'));
}

/** The checklist: sent beside the answer to the click. */
async function checklist(conversation: Conversation, card: CardJson): Promise<string[]> {
  const { verb, data } = button(card, 'Compromised-account checklist');
  const sent = (await conversation.send(click(operator, verb, data))).filter((reply) => reply.type !== 'invokeResponse');
  return cardText(cardOf(sent[0])).split('\n');
}

describe('the compromised-account checklist', () => {
  it('names what this account showed and what is still to do, in order', async () => {
    const conversation = harness.conversation();
    const card = cardOf((await conversation.send(message(operator, `unlock ${everything.upn}`)))[0]);
    const lines = await checklist(conversation, card);
    expect(lines[0]).toBe('Compromised-account checklist for Raimonds Krūmiņš');
    expect(lines).toContain('– The rule ".." sends mail to accounts.payable@freemail.example.');
    expect(lines).toContain('– A new sign-in method was added: Microsoft Authenticator: SM-A146B');
    const text = lines.join('\n');
    expect(text).toMatch(/☐ Reset password\n☐ Revoke sessions\n☐ Remove rule: "\.\."\n☐ Remove method: "SM-A146B", added \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC, if the user did not add it/);
    expect(text).toMatch(/☐ Review the \d+ sign-ins of the last 24 hours \(from [^)]+\)/);
    expect(text).toMatch(/☐ Unblock sending, only after the steps above \(blocked since .+\)/);
    expect(text).toMatch(/"Confirm compromised" if someone else was in control, "Dismiss risk" if the user was/);
    expect(text).not.toMatch(/☑/);
  });

  it('says what is already done, by whom and when', async () => {
    const conversation = harness.conversation();
    const card = cardOf((await conversation.send(message(operator, `unlock ${everything.upn}`)))[0]);
    const after = await press(conversation, await press(conversation, card, 'Revoke sessions'), 'Yes, do it');
    expect(cardText(after)).toMatch(/Revoke sessions: done/);
    const text = (await checklist(conversation, after)).join('\n');
    expect(text).toMatch(/☑ Revoke sessions: done by Alex Wilber at \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC/);
    expect(text).toMatch(/☐ Reset password/);
    expect(text).not.toMatch(/☐ Revoke sessions/);
  });
});
