/**
 * The two steps about sign-in methods, through the real bot against the simulated tenant: a
 * Temporary Access Pass for a user who lost their phone (chosen within the tenant's policy, shown
 * once, only in the 1:1 chat), and removing a method a compromised account gained recently.
 */
import { SEEDED } from '../../src/simulator/seeded';
import { findUser } from '../../src/simulator/state';
import {
  button,
  buttonTitles,
  cardOf,
  cardText,
  click,
  invokeCard,
  message,
  operatorView,
  startBotHarness,
  type BotHarness,
  type CardJson,
  type Conversation,
  type Person,
} from '../support/botHarness';
import { tenantWrites } from '../support/tenant';

let harness: BotHarness;
beforeAll(async () => {
  harness = await startBotHarness();
});
afterAll(() => harness.stop());
beforeEach(() => harness.simulator.resetLog());

const operator: Person = SEEDED.users.operator;
const users = SEEDED.users;

async function findingsCardFor(conversation: Conversation, upn: string): Promise<CardJson> {
  const [reply] = await conversation.send(message(operator, `unlock ${upn}`));
  return cardOf(reply);
}

async function press(conversation: Conversation, card: CardJson, title: string, inputs: Record<string, string> = {}): Promise<CardJson> {
  const { verb, data } = button(card, title);
  const replies = await conversation.send(click(operator, verb, { ...data, ...inputs }));
  return invokeCard(replies.find((reply) => reply.type === 'invokeResponse'));
}

/** The inputs of a card, by id. */
function inputs(card: CardJson): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    (card.body ?? [])
      .filter((element): element is Record<string, unknown> => typeof (element as { id?: unknown }).id === 'string')
      .map((element) => [element.id as string, element]),
  );
}

function policy() {
  return harness.simulator.tenant.temporaryAccessPassPolicy;
}

describe('Temporary Access Pass', () => {
  it('a lifetime outside the policy is refused with the bounds, and nothing is written', async () => {
    const conversation = harness.conversation();
    const confirm = await press(conversation, await findingsCardFor(conversation, users.mfaTrouble.upn), 'Temporary Access Pass');
    const refused = await press(conversation, confirm, 'Yes, do it', { lifetimeMinutes: '9999' });
    expect(cardText(refused)).toMatch(/valid for 9999 minutes is outside your organisation's policy \(60 to 480 minutes\)/);
    expect(writes()).toEqual([]);
  });

  it('a policy that is off is said before any confirmation, and nothing is written', async () => {
    const conversation = harness.conversation();
    const card = await findingsCardFor(conversation, users.mfaTrouble.upn);
    const saved = policy().state;
    policy().state = 'disabled';
    try {
      const refused = await press(conversation, card, 'Temporary Access Pass');
      expect(cardText(refused)).toMatch(/Temporary Access Pass is turned off in your organisation/);
      expect(buttonTitles(refused)).not.toContain('Yes, do it');
    } finally {
      policy().state = saved;
    }
    expect(writes()).toEqual([]);
  });

  it('a user outside the policy is told so by name, and nothing is written', async () => {
    const conversation = harness.conversation();
    const card = await findingsCardFor(conversation, users.mfaTrouble.upn);
    const saved = policy().excludeTargets;
    policy().excludeTargets = [{ targetType: 'group', id: SEEDED.allStaffGroup.id }];
    try {
      const refused = await press(conversation, card, 'Temporary Access Pass');
      expect(cardText(refused)).toMatch(/Nestor Wilke is outside your organisation's Temporary Access Pass policy/);
    } finally {
      policy().excludeTargets = saved;
    }
    expect(writes()).toEqual([]);
  });

  it("is not issued from a channel unless the operator's 1:1 chat, where the pass goes, can be reached first", async () => {
    const channel = harness.conversation('channel');
    const [reply] = await channel.send(message(operator, `unlock ${users.mfaTrouble.upn}`));
    const confirm = await press(channel, await operatorView(channel, operator, cardOf(reply)), 'Temporary Access Pass');
    const refused = await press(channel, confirm, 'Yes, do it', { verifiedBy: 'calledBack' });
    expect(cardText(refused)).toMatch(/Nothing was changed: I could not open your 1:1 chat with Unlock/);
    expect(writes()).toEqual([]);
  });

  it('is offered for lost MFA; the operator chooses within the policy; the pass is shown once, to the operator only', async () => {
    const conversation = harness.conversation();
    const card = await findingsCardFor(conversation, users.mfaTrouble.upn);
    expect(cardText(card)).toMatch(/registered sign-in method/);
    const confirm = await press(conversation, card, 'Temporary Access Pass');
    expect(writes()).toEqual([]);
    const { lifetimeMinutes, usableOnce } = inputs(confirm);
    expect(lifetimeMinutes?.type).toBe('Input.ChoiceSet');
    const offered = (lifetimeMinutes?.choices as { value: string }[]).map((choice) => Number(choice.value));
    expect(Math.min(...offered)).toBe(policy().minimumLifetimeInMinutes);
    expect(Math.max(...offered)).toBe(policy().maximumLifetimeInMinutes);
    expect(usableOnce?.type).toBe('Input.Toggle');

    const { verb, data } = button(confirm, 'Yes, do it');
    const replies = await conversation.send(click(operator, verb, { ...data, lifetimeMinutes: '120', usableOnce: 'true' }));
    const shown = invokeCard(replies.find((reply) => reply.type === 'invokeResponse'));
    const pass = findUser(harness.simulator.tenant, users.mfaTrouble.upn)?.user;
    expect(writes()).toEqual([`POST /v1.0/users/${users.mfaTrouble.id}/authentication/temporaryAccessPassMethods`]);
    expect(cardText(shown)).toMatch(/Temporary Access Pass for Nestor Wilke[\s\S]*Valid from .* until .*[\s\S]*one sign-in/);
    expect(pass).toBeDefined();
    // Only the operator's own invoke response holds the pass; the follow-up message does not.
    const passText = cardText(shown).split('\n').find((line) => /^[A-Za-z0-9!#$%&*+=?@^_-]{8,}$/.test(line));
    expect(passText).toBeDefined();
    const others = replies.filter((reply) => reply.type !== 'invokeResponse');
    expect(JSON.stringify(others)).not.toContain(passText as string);
    expect(cardText(cardOf(others[0]))).toMatch(/Temporary Access Pass: done/);
    // The pass is there now: a second would replace it, so it is no longer what the card starts with.
    expect(cardText(cardOf(others[0]))).not.toMatch(/Start with "Temporary Access Pass"/);
    expect(cardText(cardOf(others[0]))).toMatch(/The Temporary Access Pass is in a separate message/);
    // Hiding it leaves the words, not the pass.
    const hidden = await press(conversation, shown, 'I have passed it on: hide it');
    expect(cardText(hidden)).toMatch(/Temporary Access Pass hidden/);
    expect(JSON.stringify(hidden)).not.toContain(passText as string);
  });
});

describe('a sign-in method added recently', () => {
  it('is flagged with when it was added, and removing it is one DELETE on its typed collection', async () => {
    const conversation = harness.conversation();
    const card = await findingsCardFor(conversation, users.everything.upn);
    expect(cardText(card)).toMatch(/A new sign-in method was added: Microsoft Authenticator: SM-A146B/);
    const title = buttonTitles(card).find((candidate) => candidate.startsWith('Remove method'));
    expect(title).toBe('Remove method: "SM-A146B"');
    const confirm = await press(conversation, card, title as string);
    expect(cardText(confirm)).toMatch(/Remove the sign-in method "SM-A146B" from Raimonds Krūmiņš\?/);
    const result = await press(conversation, confirm, 'Yes, do it');
    expect(cardText(result)).toMatch(/Remove method "SM-A146B": done/);
    expect(cardText(result)).not.toMatch(/A new sign-in method was added|Microsoft Authenticator: SM-A146B/);
    expect(writes()).toEqual([expect.stringMatching(new RegExp(`^DELETE /v1.0/users/${users.everything.id}/authentication/microsoftAuthenticatorMethods/`))]);
  });

  it('phone numbers on the card are masked', async () => {
    const conversation = harness.conversation();
    const card = await findingsCardFor(conversation, users.everything.upn);
    const phones = cardText(card).match(/Phone: [^\n,]+/g) ?? [];
    expect(phones.length).toBeGreaterThan(0);
    for (const phone of phones) expect(phone).toMatch(/•+\d{2}$/);
  });
});

function writes(): string[] {
  return tenantWrites(harness.simulator);
}
