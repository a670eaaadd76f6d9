/**
 * Plain requests, as tables of cases: an operator says who and what in English or Latvian (names in
 * any case, addresses as Outlook pastes them, filler words) and gets the card, with the step asked for
 * first; a near miss gets "Did you mean …"; anyone else writing the same gets help about themselves
 * and nothing about the person named; small talk and installing the app get a short hello.
 */
import { ActivityTypes, type Activity } from 'botbuilder';
import { SEEDED } from '../../src/simulator/seeded';
import {
  button,
  buttonTitles,
  cardButtons,
  cardOf,
  cardText,
  click,
  invokeCard,
  message,
  startBotHarness,
  type BotHarness,
  type CardJson,
  type Person,
} from '../support/botHarness';

let harness: BotHarness;
beforeAll(async () => {
  harness = await startBotHarness();
});
afterAll(() => harness.stop());

const users = SEEDED.users;
const operator: Person = users.operator;
const endUser: Person = users.healthy;

/**
 * The directory lookups in the request log: `$filter` and `$search` on /users, also as `$batch` items
 * (a check by address looks the person up in the batch that reads the account; that batch's
 * `signInActivity` read is not a lookup).
 */
function lookups(): string[] {
  return harness.simulator.requests
    .filter((request) => request.api === 'graph')
    .flatMap((request) => request.batchItems?.map((item) => item.url) ?? [`${request.path}?${request.query}`])
    // The account read's own list items (signInActivity, the namesakes of the verifier section) find nobody.
    .filter((url) => /\/users\?/.test(url) && /\$(?:filter|search)=/.test(url) && !/signInActivity|\$filter=displayName%20eq%20/.test(url));
}

/** The summary line of a findings card: the bold line under the user's address. */
function summaryLine(card: CardJson): string {
  const texts = (card.body ?? []) as { type?: string; text?: string; weight?: string }[];
  return texts.find((element) => element.type === 'TextBlock' && element.weight === 'Bolder' && !('style' in element))?.text ?? '';
}

/** The first button of a findings card, and whether it is highlighted. */
function firstButton(card: CardJson): { title: string; style?: string } {
  const [first] = cardButtons(card) as { title: string; style?: string }[];
  if (!first) throw new Error(`no buttons on ${cardText(card)}`);
  return { title: first.title, ...(first.style ? { style: first.style } : {}) };
}

describe('an operator says who and what', () => {
  it.each([
    // English
    ['is anna.berzina@contoso.com locked out?', 'en-US', /Account check: Anna Bērziņa/],
    ['can you please unlock Anna Bērziņa', 'en-US', /Account check: Anna Bērziņa/],
    ['Megan Bowen <meganb@contoso.com> cannot sign in', 'en-US', /Account check: Megan Bowen/],
    ['what is wrong with Līga Kalniņa?', 'en-US', /Account check: Līga Kalniņa/],
    ['Liga Kalnina cant sign in', 'en-US', /Account check: Līga Kalniņa/],
    // Latvian: names in the case the sentence puts them in
    ['pārbaudi Pētera Liepas kontu', 'lv-LV', /Konta pārbaude: Pēteris Liepa/],
    ['Līgai Kalniņai nestrādā', 'lv-LV', /Konta pārbaude: Līga Kalniņa/],
    ['lūdzu, atbloķē Annu Bērziņu', 'lv-LV', /Konta pārbaude: Anna Bērziņa/],
    ['vai vari paskatīties Kārļa Zariņa kontu?', 'lv-LV', /Konta pārbaude: Kārlis Zariņš/],
    ['Annai Berzinai nevar pieslēgties', 'lv-LV', /Konta pārbaude: Anna Bērziņa/],
  ])('%j (%s) shows the card', async (sentence, locale, heading) => {
    const [reply, ...rest] = await harness.conversation().send(message(operator, sentence, locale));
    expect(rest).toEqual([]);
    expect(cardText(cardOf(reply))).toMatch(heading);
  });

  it.each([
    ['atiestati paroli Annai Bērziņai', 'lv-LV', 'Atiestatīt paroli'],
    ['Anna Bērziņa aizmirsa paroli', 'lv-LV', 'Atiestatīt paroli'],
    ['please reset the password for anna.berzina@contoso.com', 'en-US', 'Reset password'],
    ["reset Megan Bowen's password", 'en-US', 'Reset password'],
    ['Pēteris Liepa is leaving, revoke his sessions', 'en-US', 'Revoke sessions'],
    ['atsauc sesijas Pēterim Liepam', 'lv-LV', 'Atsaukt sesijas'],
  ])('%j (%s) puts "%s" first, highlighted', async (sentence, locale, step) => {
    const [reply] = await harness.conversation().send(message(operator, sentence, locale));
    expect(firstButton(cardOf(reply))).toEqual({ title: step, style: 'positive' });
  });

  it('a name in a Latvian case is one directory lookup', async () => {
    harness.simulator.resetLog();
    await harness.conversation().send(message(operator, 'atiestati paroli Annai Bērziņai', 'lv-LV'));
    expect(lookups()).toHaveLength(1);
  });

  it('"she forgot her password" asks who, and highlights the reset on the card of whoever it is', async () => {
    const conversation = harness.conversation();
    expect((await conversation.send(message(operator, 'she forgot her password')))[0]?.text).toBe(
      'Who is this about? Type their e-mail address or name, and I will check the account with "Reset password" first.',
    );
    const [card] = await conversation.send(message(operator, 'Anna Bērziņa'));
    expect(firstButton(cardOf(card))).toEqual({ title: 'Reset password', style: 'positive' });
  });

  it('"he is leaving, revoke everything" asks who, and keeps asking with the step after a miss', async () => {
    const conversation = harness.conversation();
    expect((await conversation.send(message(operator, 'he is leaving, revoke everything')))[0]?.text).toMatch(/^Who is this about\?.*"Revoke sessions" first/);
    expect((await conversation.send(message(operator, 'zzzz')))[1]?.text).toMatch(/^Who is this about\?.*"Revoke sessions" will be first/);
    const [card] = await conversation.send(message(operator, users.atRisk.upn));
    expect(firstButton(cardOf(card))).toEqual({ title: 'Revoke sessions', style: 'positive' });
  });

  it.each([
    ['she forgot her password', 'he is leaving, revoke everything', 'en-US', /^Who is this about\?.*"Revoke sessions" first/, 'Revoke sessions'],
    ['he is leaving', 'reset her password', 'en-US', /^Who is this about\?.*"Reset password" first/, 'Reset password'],
    ['viņa aizmirsa paroli', 'viņš aiziet no darba, atsauc visu', 'lv-LV', /^Par kuru lietotāju ir runa\?.*"Atsaukt sesijas"/, 'Atsaukt sesijas'],
  ])('asked who for %j, a new request %j starts over with its own step', async (first, second, locale, question, stepTitle) => {
    const conversation = harness.conversation();
    await conversation.send(message(operator, first, locale));
    const replies = await conversation.send(message(operator, second, locale));
    expect(replies.map((reply) => reply.text)).toEqual([expect.stringMatching(question)]);
    const [card] = await conversation.send(message(operator, users.atRisk.upn, locale));
    expect(firstButton(cardOf(card))).toEqual({ title: stepTitle, style: 'positive' });
  });

  it('asked who, a new request that names someone checks that person with its step first', async () => {
    const conversation = harness.conversation();
    await conversation.send(message(operator, 'she forgot her password'));
    const [card] = await conversation.send(message(operator, `${users.atRisk.upn} is leaving, revoke everything`));
    expect(firstButton(cardOf(card))).toEqual({ title: 'Revoke sessions', style: 'positive' });
  });

  it.each([
    ['he is leaving, revoke everything', 'en-US', /^Who is this about\?.*"Revoke sessions"/],
    ['she is leaving', 'en-US', /^Who is this about\?.*"Revoke sessions"/],
    ['he forgot his password', 'en-US', /^Who is this about\?.*"Reset password"/],
    ['reset her password', 'en-US', /^Who is this about\?.*"Reset password"/],
    ['revoke everything', 'en-US', /^Who is this about\?.*"Revoke sessions"/],
    ['my colleague is leaving, revoke everything', 'en-US', /^Who is this about\?.*"Revoke sessions"/],
    ['lūdzu atsauc sesijas', 'lv-LV', /^Par kuru lietotāju ir runa\?.*"Atsaukt sesijas"/],
    ['viņš aiziet no darba, atsauc visu', 'lv-LV', /^Par kuru lietotāju ir runa\?.*"Atsaukt sesijas"/],
    ['viņa aizmirsa paroli', 'lv-LV', /^Par kuru lietotāju ir runa\?.*"Atiestatīt paroli"/],
    ['atiestati viņai paroli', 'lv-LV', /^Par kuru lietotāju ir runa\?.*"Atiestatīt paroli"/],
    ['lietotājs aizmirsa paroli', 'lv-LV', /^Par kuru lietotāju ir runa\?.*"Atiestatīt paroli"/],
  ])('%j (%s) names no one: asks who, saying which step comes first', async (sentence, locale, question) => {
    const replies = await harness.conversation().send(message(operator, sentence, locale));
    expect(replies.map((reply) => reply.text)).toEqual([expect.stringMatching(question)]);
  });

  it.each([
    ['revoke everything for Megan', 'en-US', 'Megan Bowen', 'Revoke sessions'],
    ['Megan is leaving, revoke everything', 'en-US', 'Megan Bowen', 'Revoke sessions'],
    ['Megan Bowen left the company', 'en-US', 'Megan Bowen', 'Revoke sessions'],
    ['sign Megan out everywhere', 'en-US', 'Megan Bowen', 'Revoke sessions'],
    ['Megan forgot her password', 'en-US', 'Megan Bowen', 'Reset password'],
    ['Anna aizmirsa paroli', 'lv-LV', 'Anna Bērziņa', 'Atiestatīt paroli'],
    ['Pēteris aiziet no darba', 'lv-LV', 'Pēteris Liepa', 'Atsaukt sesijas'],
    ['izraksti Annu Bērziņu no visām ierīcēm', 'lv-LV', 'Anna Bērziņa', 'Atsaukt sesijas'],
    ['Annai Bērziņai jāatiestata parole', 'lv-LV', 'Anna Bērziņa', 'Atiestatīt paroli'],
    ['Megan is leaving today, please revoke all her sessions', 'en-US', 'Megan Bowen', 'Revoke sessions'],
  ])('%j (%s) finds %s, puts "%s" first and names it in the summary line', async (sentence, locale, name, step) => {
    const [reply, ...rest] = await harness.conversation().send(message(operator, sentence, locale));
    expect(rest).toEqual([]);
    const card = cardOf(reply);
    expect(cardText(card)).toContain(name);
    expect(firstButton(card)).toEqual({ title: step, style: 'positive' });
    // The line at the top and the highlighted step agree.
    expect(summaryLine(card)).toContain(`"${step}"`);
  });

  it('several matches give a choice card, and the chosen card still highlights the step', async () => {
    const conversation = harness.conversation();
    const [choice] = await conversation.send(message(operator, 'lūdzu atiestatiet paroli Bērziņai', 'lv-LV'));
    expect(cardText(cardOf(choice))).toMatch(/atbilst vairāki cilvēki/);
    const { verb, data } = button(cardOf(choice), 'Anna Bērziņa (anna.berzina@contoso.com)');
    const replies = await conversation.send(click(operator, verb, data));
    const card = replies.find((reply) => reply.type === ActivityTypes.Message && reply.attachments?.length);
    expect(firstButton(cardOf(card))).toMatchObject({ title: 'Reset password', style: 'positive' });
  });

  it('a step the card does not offer is simply not there: nothing else is highlighted in its place', async () => {
    const [reply] = await harness.conversation().send(message(operator, `reset the password for ${users.globalAdmin.upn}`));
    expect(buttonTitles(cardOf(reply))).toEqual(['Check again']);
  });
});

describe('a near miss gets "Did you mean …", never only "not found"', () => {
  it.each([
    ['unlock megnb@contoso.com', 'en-US', /No user matches "megnb@contoso\.com"\. Did you mean this person\?/, ['Megan Bowen (meganb@contoso.com)']],
    ['check Berzinsh', 'en-US', /No user matches "Berzinsh"\. Did you mean one of these people\?/, ['Anna Bērziņa (anna.berzina@contoso.com)', 'Inese Berzina (inese.berzina@contoso.com)', 'Marta Bērziņa (marta.berzina@contoso.com)']],
    ['is Megan Bowne locked out?', 'en-US', /Did you mean this person\?/, ['Megan Bowen (meganb@contoso.com)']],
    ['pārbaudi Berzinsh', 'lv-LV', /Vaicājumam "Berzinsh" neatbilst neviens lietotājs\. Vai domājāt kādu no šiem\?/, undefined],
    // A bare name, capitalised as names are, is a person to check.
    ['Berzinsh', 'en-US', /No user matches "Berzinsh"\. Did you mean one of these people\?/, undefined],
    ['unlock megnb@contoso.com', 'lv-LV', /Vai domājāt šo lietotāju\?/, ['Megan Bowen (meganb@contoso.com)']],
    // A first name nobody has, with a surname in the accusative that several people share.
    ['atbloķē Jāni Bērziņu', 'lv-LV', /Vaicājumam "Jāni Bērziņu" neatbilst neviens lietotājs\. Vai domājāt kādu no šiem\?/, ['Anna Bērziņa (anna.berzina@contoso.com)', 'Inese Berzina (inese.berzina@contoso.com)', 'Marta Bērziņa (marta.berzina@contoso.com)']],
  ])('%j (%s)', async (sentence, locale, heading, buttons) => {
    harness.simulator.resetLog();
    const [reply, ...rest] = await harness.conversation().send(message(operator, sentence, locale));
    expect(rest).toEqual([]);
    expect(cardText(cardOf(reply))).toMatch(heading);
    if (buttons) expect(buttonTitles(cardOf(reply))).toEqual(buttons);
    // The lookup that missed, and one second look.
    expect(lookups()).toHaveLength(2);
  });

  it('choosing the suggestion checks that person', async () => {
    const conversation = harness.conversation();
    const [choice] = await conversation.send(message(operator, 'unlock megnb@contoso.com'));
    const { verb, data } = button(cardOf(choice), 'Megan Bowen (meganb@contoso.com)');
    const replies = await conversation.send(click(operator, verb, data));
    expect(replies.some((reply) => reply.attachments?.length && /Account check: Megan Bowen/.test(cardText(cardOf(reply))))).toBe(true);
  });

  it('"history" with a near miss shows no one\'s history', async () => {
    const [reply] = await harness.conversation().send(message(operator, 'history megnb@contoso.com'));
    expect(reply?.text).toMatch(/found no single user/);
  });
});

describe('anyone else writing the same sentences gets help about themselves, nothing about the person', () => {
  it.each([
    ["reset Anna's password", /Can't sign in to Microsoft 365\?/],
    ['atiestati paroli Annai Bērziņai', /Can't sign in to Microsoft 365\?/],
    ['Anna Bērziņa cannot sign in', /Can't sign in to Microsoft 365\?/],
    ['is anna.berzina@contoso.com locked out?', /Is your account locked\?/],
    ['anna.berzina@contoso.com', /Only members of the helpdesk group/],
    ['pārbaudi Pētera Liepas kontu', /Only members of the helpdesk group/],
  ])('%j', async (sentence, expected) => {
    harness.simulator.resetLog();
    const replies = await harness.conversation().send(message(endUser, sentence));
    expect(replies).toHaveLength(1);
    const [reply] = replies;
    const shown = reply?.attachments?.length ? cardText(cardOf(reply)) : (reply?.text ?? '');
    expect(shown).toMatch(expected);
    expect(shown).not.toMatch(/Bērziņa|Liepa|smart lockout|locked for|anna\.berzina/i);
    // In their 1:1 chat the asker's own account is read (by the UPN the directory has for their object id); nobody else is looked up.
    expect(lookups().filter((url) => !url.includes(encodeURIComponent(users.healthy.upn)))).toEqual([]);
  });

  it('in a group chat, a request about someone by name gets help only, with no Graph call at all', async () => {
    harness.simulator.resetLog();
    const [reply] = await harness.conversation('groupChat').send(message(operator, 'reset the password for Megan Bowen'));
    expect(reply?.text).toMatch(/Here I only give help/);
    expect(harness.simulator.requests.filter((request) => request.api !== 'control')).toEqual([]);
  });
});

describe('a bare name', () => {
  it('from an operator checks that person; a lower-case word is not taken for a name', async () => {
    const [card] = await harness.conversation().send(message(operator, 'Megan Bowen'));
    expect(cardText(cardOf(card))).toMatch(/Account check: Megan Bowen/);
    const [word] = await harness.conversation().send(message(operator, 'more'));
    expect(word?.text).toMatch(/I did not understand that/);
  });
});

describe('small talk and installing the app', () => {
  it.each([
    ['an operator', 'hi', 'en-US', /^Hello! I am Unlock\./],
    ['an end user', 'Hello!', 'en-US', /^Hello! I am Unlock\./],
    ['an end user', 'good morning', 'en-US', /^Hello!/],
    ['an operator', 'thanks', 'en-US', /^You are welcome!/],
    ['an end user', 'thanks, I can sign in now', 'en-US', /^You are welcome!/],
    ['an end user', 'sveiki', 'lv-LV', /^Sveiki! Es esmu Unlock/],
    ['an operator', 'Labdien!', 'lv-LV', /^Sveiki!/],
    ['an end user', 'paldies', 'lv-LV', /^Lūdzu!/],
    ['an end user', 'Paldies, tagad varu pieslēgties', 'lv-LV', /^Lūdzu!/],
  ] as const)('%s says %j (%s): a short friendly answer, with no Graph call', async (who, sentence, locale, expected) => {
    harness.simulator.resetLog();
    const replies = await harness.conversation().send(message(who === 'an operator' ? operator : endUser, sentence, locale));
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toMatch(expected);
    expect(harness.simulator.requests.filter((request) => request.api !== 'control')).toEqual([]);
  });

  function installed(from: Person, action: string, locale = 'en-US'): Partial<Activity> {
    return {
      type: ActivityTypes.InstallationUpdate,
      action,
      locale,
      from: { id: `29:${from.id}`, name: from.displayName, aadObjectId: from.id },
      channelData: { tenant: { id: SEEDED.tenantId } },
    };
  }

  it.each([
    ['personal', 'an operator', 'en-US', /^Hello! I am Unlock\. I help the helpdesk/],
    ['personal', 'an end user', 'lv-LV', /^Sveiki! Es esmu Unlock/],
    ['groupChat', 'an end user', 'en-US', /^Hello! I am Unlock/],
    ['channel', 'an operator', 'en-US', /^Hello! I am Unlock/],
  ] as const)('installed in a %s conversation by %s (%s): one hello, with no Graph call', async (where, who, locale, expected) => {
    harness.simulator.resetLog();
    const replies = await harness.conversation(where).send(installed(who === 'an operator' ? operator : endUser, 'add', locale));
    expect(replies.map((reply) => reply.text)).toEqual([expect.stringMatching(expected)]);
    expect(harness.simulator.requests.filter((request) => request.api !== 'control')).toEqual([]);
  });

  it('says nothing for an upgrade, or for the conversationUpdate Teams sends with the same installation', async () => {
    const conversation = harness.conversation();
    expect(await conversation.send(installed(operator, 'add-upgrade'))).toEqual([]);
    const botId = conversation.adapter.conversation.bot.id;
    expect(
      await conversation.send({
        type: ActivityTypes.ConversationUpdate,
        membersAdded: [{ id: botId, name: 'Unlock' }],
        from: { id: `29:${operator.id}`, name: operator.displayName, aadObjectId: operator.id },
        channelData: { tenant: { id: SEEDED.tenantId } },
      }),
    ).toEqual([]);
  });
});

it('the invoke answer for a choice click names who is being checked', async () => {
  const conversation = harness.conversation();
  const [choice] = await conversation.send(message(operator, 'unlock megnb@contoso.com'));
  const { verb, data } = button(cardOf(choice), 'Megan Bowen (meganb@contoso.com)');
  const replies = await conversation.send(click(operator, verb, data));
  expect(cardText(invokeCard(replies.find((reply) => reply.type === 'invokeResponse')))).toMatch(/Checking Megan Bowen/);
});
