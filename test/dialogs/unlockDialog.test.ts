/**
 * The unlock conversation, as tables of cases: what a person types, what Unlock answers. The real
 * dialogs and services run on botbuilder's TestAdapter against the simulated tenant.
 */
import type { Activity } from 'botbuilder';
import { SEEDED } from '../../src/simulator/seeded';
import { button, buttonTitles, cardOf, cardText, click, invokeCard, message, startBotHarness, type BotHarness, type Person } from '../support/botHarness';

let harness: BotHarness;
beforeAll(async () => {
  harness = await startBotHarness();
});
afterAll(() => harness.stop());

const operator: Person = SEEDED.users.operator;
const notOperator: Person = SEEDED.users.healthy;
const users = SEEDED.users;

/** What a reply must show: its text, or the heading and buttons of its card. */
type Expected = { text: RegExp } | { card: RegExp; buttons?: string[] };

function matches(reply: Partial<Activity> | undefined, expected: Expected): void {
  if ('text' in expected) {
    expect(reply?.text).toMatch(expected.text);
    return;
  }
  const card = cardOf(reply);
  expect(cardText(card)).toMatch(expected.card);
  if (expected.buttons) {
    expect(buttonTitles(card)).toEqual(expected.buttons);
  }
}

type Turn = readonly [from: Person, says: string, replies: readonly Expected[]];

const cases: readonly (readonly [string, readonly Turn[]])[] = [
  ['"unlock" asks which user', [[operator, 'unlock', [{ text: /Which user is locked out\?/ }]]]],
  [
    'the answer finds the user and shows one card with a button per step',
    [
      [operator, 'unlock', [{ text: /Which user/ }]],
      [operator, users.signInBlocked.upn, [{ card: /Account check: Līga Kalniņa[\s\S]*Sign-in is blocked/, buttons: ['Allow sign-in', 'Reset password', 'Temporary Access Pass', 'Revoke sessions', 'Hand over to support', 'Check again'] }]],
    ],
  ],
  ['"unlock <address>" skips the question', [[operator, `unlock ${users.smartLockout.upn}`, [{ card: /Account check: Anna Bērziņa[\s\S]*locked/i }]]]],
  ['"check <name>" works too', [[operator, 'check Kārlis Zariņš', [{ card: /Account check: Kārlis Zariņš/ }]]]],
  [
    'several matches give a choice card',
    [[operator, 'unlock Berzina', [{ card: /Several people match "Berzina"/, buttons: expect.arrayContaining(['Anna Bērziņa (anna.berzina@contoso.com)']) as unknown as string[] }]]],
  ],
  [
    // Exactly the same name: no bare addresses to choose between, each one's card with the facts that tell them apart.
    'two people with exactly the name typed get a card each, under a line that says so',
    [
      [
        operator,
        'reset the password for Ilze Priede',
        [
          { text: /^2 people are called Ilze Priede: the card of each follows\. Check what the caller says against the facts on each card/ },
          { card: new RegExp(`Account check: Ilze Priede[\\s\\S]*${users.sharedName.upn}[\\s\\S]*same display name`), buttons: expect.arrayContaining(['Reset password']) as unknown as string[] },
          { card: new RegExp(`Account check: Ilze Priede[\\s\\S]*${users.sharedNameTwin.upn}[\\s\\S]*same display name`), buttons: expect.arrayContaining(['Reset password']) as unknown as string[] },
        ],
      ],
    ],
  ],
  [
    'no match says so and asks again',
    [[operator, 'unlock Nobody Atall', [{ text: /found no user matching "Nobody Atall"\. Check the spelling, or try the e-mail address/ }, { text: /Which user is locked out\? Type an e-mail/ }]]],
  ],
  [
    // Suggesting the e-mail address to someone who typed one is no help.
    'an address that matches nobody gets advice for an address',
    [
      [operator, 'unlock nobody@contoso.com', [{ text: /^I found no user with the address "nobody@contoso\.com"\. Check the spelling, or type part of their name instead\.$/ }, { text: /Which user/ }]],
      [operator, 'nobody2@contoso.com', [{ text: /no user with the address/ }, { text: /Which user/ }]],
      [operator, 'nobody3@contoso.com', [{ text: /no user with the address/ }, { text: /^I could not find the user after 3 tries\. Type part of their name instead/ }]],
    ],
  ],
  [
    'three misses end with other ways to find the user',
    [
      [operator, 'unlock', [{ text: /Which user/ }]],
      [operator, 'zzzz', [{ text: /found no user/ }, { text: /Which user/ }]],
      [operator, 'yyyy', [{ text: /found no user/ }, { text: /Which user/ }]],
      [operator, 'xxxx', [{ text: /found no user/ }, { text: /could not find the user after 3 tries/ }]],
    ],
  ],
  ['an injection attempt finds nobody and changes nothing', [[operator, "unlock ' or 1 eq 1", [{ text: /found no user/ }, { text: /Which user/ }]]]],
  ['characters no name has are refused with a reason', [[operator, 'unlock a")(b', [{ text: /cannot contain some of those characters/ }, { text: /Which user/ }]]]],
  ['10 kB of text is refused without echoing it', [[operator, `unlock ${'x'.repeat(10_000)}`, [{ text: /too long/ }, { text: /Which user/ }]]]],
  ['"cancel" stops a question', [[operator, 'unlock', [{ text: /Which user/ }]], [operator, 'cancel', [{ text: /Cancelled\. Nothing was changed/ }]]]],
  ['"cancel" with nothing going on says so', [[operator, 'cancel', [{ text: /nothing to cancel/ }]]]],
  ['"help" shows the commands, with seeded users as examples', [[operator, 'help', [{ card: /unlock anna\.berzina@contoso\.com[\s\S]*atiestati paroli Annai Bērziņai/ }]]]],
  [
    '"help" in the middle of a question asks it again',
    [[operator, 'unlock', [{ text: /Which user/ }]], [operator, 'help', [{ card: /Unlock helps you/ }, { text: /Which user/ }]]],
  ],
  ['an unknown message points to "unlock"', [[operator, 'the meeting is at 10', [{ text: /Type "unlock"/ }]]]],
  ['a non-operator is refused politely and told where to go', [[notOperator, `unlock ${users.signInBlocked.upn}`, [{ text: /Only members of the helpdesk group[\s\S]*aka\.ms\/sspr/ }]]]],
  ['a privileged target gets no buttons but who can act', [[operator, `unlock ${users.globalAdmin.upn}`, [{ card: /Privileged Authentication Administrator/, buttons: ['Check again'] }]]]],
  [
    'a target only eligible for Global Administrator (PIM) gets no buttons either, though at risk',
    [
      [
        operator,
        `unlock ${users.eligibleAdmin.upn}`,
        [{ card: /at risk[\s\S]*can activate the role Global Administrator at any time \(eligible through Privileged Identity Management\)/, buttons: ['Check again'] }],
      ],
    ],
  ],
];

describe('unlock conversation', () => {
  it.each(cases)('%s', async (_name, turns) => {
    const conversation = harness.conversation();
    for (const [from, says, expected] of turns) {
      const replies = await conversation.send(message(from, says));
      expect(replies).toHaveLength(expected.length);
      expected.forEach((item, index) => matches(replies[index], item));
    }
  });

  it('an @mention in a channel is stripped before the command is read', async () => {
    const conversation = harness.conversation('channel');
    const activity = {
      ...message(operator, `<at>Unlock</at> unlock ${users.signInBlocked.upn}`),
      entities: [{ type: 'mention', text: '<at>Unlock</at>', mentioned: { id: conversation.adapter.conversation.bot.id, name: 'Unlock' } }],
    };
    const [reply] = await conversation.send(activity);
    expect(cardText(cardOf(reply))).toMatch(/Account check: Līga Kalniņa/);
  });

  it('a mention of the locked-out person names them', async () => {
    const conversation = harness.conversation('channel');
    const activity = {
      ...message(operator, '<at>Unlock</at> unlock <at>Līga Kalniņa</at>'),
      entities: [
        { type: 'mention', text: '<at>Unlock</at>', mentioned: { id: conversation.adapter.conversation.bot.id, name: 'Unlock' } },
        { type: 'mention', text: '<at>Līga Kalniņa</at>', mentioned: { id: `29:${users.signInBlocked.id}`, name: 'Līga Kalniņa' } },
      ],
    };
    const [reply] = await conversation.send(activity);
    expect(cardText(cardOf(reply))).toMatch(/Account check: Līga Kalniņa/);
  });

  it('a non-operator clicking a choice card is answered on the card, not in the chat', async () => {
    const conversation = harness.conversation('channel');
    const [choice] = await conversation.send(message(operator, 'unlock Berzina'));
    const { verb, data } = button(cardOf(choice), 'Anna Bērziņa (anna.berzina@contoso.com)');
    const replies = await conversation.send(click(notOperator, verb, data));
    expect(replies).toHaveLength(1);
    expect(cardText(invokeCard(replies[0]))).toMatch(/Only members of the helpdesk group/);
  });

  it.each(['groupChat', 'another channel'])('in a %s, only help: no account details and no Graph call', async (where) => {
    harness.simulator.resetLog();
    const conversation = harness.conversation(where === 'groupChat' ? 'groupChat' : 'channel');
    const elsewhere = where === 'groupChat' ? {} : { channelData: { channel: { id: '19:general@thread.tacv2' } } };
    const [reply] = await conversation.send({ ...message(operator, `unlock ${users.signInBlocked.upn}`), ...elsewhere });
    expect(reply?.text).toMatch(/Here I only give help/);
    expect(harness.simulator.requests).toEqual([]);
    const [help] = await conversation.send({ ...message(operator, 'help'), ...elsewhere });
    expect(cardText(cardOf(help))).toMatch(/Unlock helps you/);
  });

  it('a non-operator is shown nothing; once their answer is cached, they cause no lookup of the target', async () => {
    harness.simulator.resetLog();
    // Someone not seen before in this run, so the operator check is not answered from the cache: it
    // rides in the $batch that looks up and reads the target, whose answers are dropped unseen.
    const stranger: Person = users.namesake;
    const conversation = harness.conversation();
    const [reply] = await conversation.send(message(stranger, `unlock ${users.signInBlocked.upn}`));
    expect(reply?.text).toMatch(/Only members of the helpdesk group can check/);
    expect(reply?.attachments ?? []).toEqual([]);
    const calls = () => harness.simulator.requests.flatMap((request) => request.batchItems?.map((item) => item.url) ?? [request.path]);
    expect(calls()).toEqual(expect.arrayContaining([`/users/${stranger.id}/checkMemberGroups`, `/users/${stranger.id}?$select=id,userPrincipalName`]));
    harness.simulator.resetLog();
    await conversation.send(message(stranger, `unlock ${users.smartLockout.upn}`));
    expect(calls()).toEqual([]);
  });
});
