/**
 * Help requests over HTTP, as Teams talks to the bot: an operator chooses the channel, end users ask
 * (with the button, or "my colleague … can't sign in"), operators take and resolve from the channel
 * card. Every proactive post, card edit and 1:1 notice is captured at the stand-in Bot Connector.
 */
import { randomUUID } from 'node:crypto';
import { startUnlock, type UnlockApp } from '../../src/host/app';
import { loadConfig } from '../../src/host/config';
import { SEEDED } from '../../src/simulator/seeded';
import { button, buttonTitles, cardButtons, cardText, type CardJson, type Person } from '../support/botHarness';
import { startCaptureConnector, type CaptureConnector, type CapturedActivity } from '../support/connector';
import { teamsCardAction, teamsChannelCardAction, teamsChannelMessage, teamsMessage, type TeamsChannel, type TeamsConversation } from '../support/teamsActivity';
import { FAST_RETRY } from '../support/tenant';
import { cardsIn, personalChat, postActivity } from '../support/http';

const users = SEEDED.users;
const operator: Person = users.operator;
const secondOperator: Person = users.secondOperator;
const endUser: Person = users.healthy;
const anotherEndUser: Person = users.signInBlocked;
const CONTACT = 'the IT helpdesk, +371 6700 0000';
const channel: TeamsChannel = { teamId: '19:team-it@thread.tacv2', channelId: '19:help-requests@thread.tacv2' };

let app: UnlockApp;
let clockOffsetMs = 0;
let connector: CaptureConnector;

beforeAll(async () => {
  connector = await startCaptureConnector();
  app = await startUnlock(loadConfig({ PORT: '0', PLAYGROUND: 'off', LOG_LEVEL: 'silent', HELP_CONTACT: CONTACT, HELP_REQUEST_REMINDER_MINUTES: '30' }), {
    retry: FAST_RETRY,
    // The tests move the clock on for reminders and run the timer's rounds themselves.
    now: () => new Date(Date.now() + clockOffsetMs),
    scheduleReminders: () => ({ stop: () => undefined }),
  });
});

afterAll(async () => {
  await app.stop();
  await connector.stop();
});

afterEach(() => {
  expect(connector.unfilled).toEqual([]);
});

const post = (activity: unknown): Promise<{ status: number; body: unknown }> => postActivity(app.url, activity);

/** Posts an activity and answers what reached the connector meanwhile. */
async function sent(activity: unknown): Promise<{ body: unknown; captured: CapturedActivity[] }> {
  const before = connector.activities.length;
  const { status, body } = await post(activity);
  expect(status).toBe(200);
  return { body, captured: connector.activities.slice(before) };
}

function invokeAnswer(body: unknown): CardJson {
  const answer = body as { statusCode: number; type: string; value: CardJson };
  expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  return answer.value;
}

/** Where the connector was asked to send: `POST …/activities` or `PUT …/activities/<id>`, by conversation. */
/** The card's Show actions, clicked by `who` in the help channel: the answer only their client shows. */
async function actionsFor(who: Person, card: CardJson, thread: string): Promise<CardJson> {
  const { body } = await sent(teamsChannelCardAction(connector.url, who, channel, thread, button(card, 'Show actions')));
  return invokeAnswer(body);
}

function route(captured: CapturedActivity): string {
  return decodeURIComponent(captured.path);
}

/** "I can't sign in" in a 1:1 chat, then Ask the helpdesk: the answer card and what reached the connector. */
async function askTheHelpdesk(from: Person, chat: TeamsConversation, sentence = "I can't sign in"): Promise<{ answer: CardJson; captured: CapturedActivity[] }> {
  const { captured: replies } = await sent(teamsMessage(connector.url, from, chat, sentence));
  const [card] = cardsIn(replies);
  expect(buttonTitles(card as CardJson)).toEqual(['Ask the helpdesk']);
  const { body, captured } = await sent(teamsCardAction(connector.url, from, chat, button(card as CardJson, 'Ask the helpdesk')));
  return { answer: invokeAnswer(body), captured };
}

describe('help requests over HTTP', () => {
  it('with no help-request channel yet, the asker is told whom to contact and the request is kept', async () => {
    const { answer, captured } = await askTheHelpdesk(endUser, personalChat(), 'I cannot sign in to Outlook since this morning');
    expect(cardText(answer)).toMatch(/saved your request \(reference [0-9a-f]{8}\)[\s\S]*Please contact the helpdesk another way: the IT helpdesk, \+371 6700 0000\./);
    expect(captured).toEqual([]);

    const { captured: listed } = await sent(teamsMessage(connector.url, operator, personalChat(), 'requests'));
    expect(cardText(cardsIn(listed)[0] as CardJson)).toMatch(/open · Jānis Ozols for themselves · .* · "I cannot sign in to Outlook since this morning"/);
  });

  it('only an operator chooses the help-request channel, by saying so in it', async () => {
    const { captured: refused } = await sent(teamsChannelMessage(connector.url, endUser, channel, 'thread-1', 'use this channel for help requests'));
    expect(refused.map(({ activity }) => activity.text)).toEqual(['Only members of the helpdesk group can do that with help requests.']);

    const { captured: inChat } = await sent(teamsMessage(connector.url, operator, personalChat(), 'use this channel for help requests'));
    expect(inChat.map(({ activity }) => activity.text)).toEqual(['Say this in the channel where help requests should go, mentioning me there.']);

    const { captured: set } = await sent(
      teamsChannelMessage(connector.url, operator, channel, 'thread-2', 'izmanto šo kanālu palīdzības pieprasījumiem', { locale: 'lv-LV' }),
    );
    expect(set.map(({ activity }) => activity.text)).toEqual([
      'Turpmāk palīdzības pieprasījumi tiks publicēti šajā kanālā. Paņemt un atrisināt tos var tikai palīdzības dienesta grupas dalībnieki.',
    ]);
    // The answer goes to the thread it was asked in.
    expect(route(set[0] as CapturedActivity)).toContain(`${channel.channelId};messageid=thread-2`);

    const { captured: english } = await sent(teamsChannelMessage(connector.url, operator, channel, 'thread-3', 'use this channel for help requests'));
    expect(english.map(({ activity }) => activity.text)).toEqual([
      'Help requests will be posted in this channel from now on. Only members of the helpdesk group can take and resolve them.',
    ]);
  });

  it('raises, takes and resolves a request: the channel card posted, edited for everyone, and the asker told each time', async () => {
    const askerChat = personalChat();
    const { answer, captured } = await askTheHelpdesk(endUser, askerChat);
    expect(cardText(answer)).toMatch(/I have passed your request to the helpdesk \(reference [0-9a-f]{8}\)/);

    // A new post in the channel (not a reply in the thread where the channel was chosen), with the card.
    // (botbuilder sends a proactive message as a reply to its own continuation activity's id, which
    // Teams does not have; it is the conversation, the channel without `;messageid=`, that places it.)
    expect(captured).toHaveLength(1);
    const posting = captured[0] as CapturedActivity;
    expect(route(posting)).toMatch(newPostIn(channel.channelId));
    const [channelCard] = cardsIn(captured);
    expect(cardText(channelCard as CardJson)).toMatch(
      /Help request from Jānis Ozols\nAsked by Jānis Ozols, as Teams signed them in, at .*\nFor: themselves\.\nThey wrote: "I can't sign in"\nStatus: open/,
    );
    // Everyone in the channel sees the read-only card; an operator's buttons come with Show actions or the refresh.
    expect(buttonTitles(channelCard as CardJson)).toEqual(['Show actions', 'Chat with Jānis Ozols']);
    expect(cardButtons(channelCard as CardJson).find((action) => action.title === 'Chat with Jānis Ozols')).toMatchObject({
      type: 'Action.OpenUrl',
      url: `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(users.healthy.upn)}`,
    });
    const postedId = ((await connectorAnswerId(posting)) as string) ?? '';
    const thread = postedId;
    const operatorsCard = await actionsFor(operator, channelCard as CardJson, thread);
    expect(buttonTitles(operatorsCard)).toEqual(['Take', 'Assign to …', 'Check account', 'Resolve', 'Chat with Jānis Ozols']);

    // Someone who is not an operator clicks Take in the channel: refused, told nothing of the request, nothing changes.
    const { body: refusedBody, captured: afterRefusal } = await sent(
      teamsChannelCardAction(connector.url, anotherEndUser, channel, thread, button(operatorsCard, 'Take')),
    );
    const refusal = invokeAnswer(refusedBody);
    expect(cardText(refusal)).toBe('Only members of the helpdesk group can do that with help requests.');
    expect(buttonTitles(refusal)).toEqual([]);
    expect(afterRefusal).toEqual([]);

    // The same card's Take from another conversation (a copy) does not act either.
    const { body: copiedBody, captured: afterCopy } = await sent(teamsCardAction(connector.url, operator, personalChat(), button(operatorsCard, 'Take')));
    expect(cardText(invokeAnswer(copiedBody))).toMatch(/acts only in the help-request channel it was posted to/);
    expect(afterCopy).toEqual([]);

    // An operator takes it: their card, the channel's card (updateActivity) and the asker's notice.
    const { body: takenBody, captured: afterTake } = await sent(teamsChannelCardAction(connector.url, operator, channel, thread, button(operatorsCard, 'Take')));
    const taken = invokeAnswer(takenBody);
    expect(cardText(taken)).toMatch(/Status: taken by Alex Wilber at /);
    expect(buttonTitles(taken)).toEqual(['Assign to …', 'Check account', 'Resolve', 'Chat with Jānis Ozols']);
    expect(afterTake.map(route)).toEqual([`/v3/conversations/${channel.channelId}/activities/${postedId}`, expect.stringMatching(newPostIn(askerChat.id))]);
    expect((afterTake[0] as CapturedActivity).activity.id).toBe(postedId);
    const [update, takenNotice] = afterTake as [CapturedActivity, CapturedActivity];
    expect(cardText(cardsIn([update])[0] as CardJson)).toMatch(/Status: taken by Alex Wilber at /);
    expect(takenNotice.activity.text).toMatch(/^Alex Wilber from the helpdesk has taken your help request \(reference [0-9a-f]{8}\) and will be in touch\.$/);

    // A second Take (another operator, the old card): nothing changes, and the card says who has it.
    const { body: againBody, captured: afterAgain } = await sent(
      teamsChannelCardAction(connector.url, secondOperator, channel, thread, button(operatorsCard, 'Take')),
    );
    expect(cardText(invokeAnswer(againBody))).toMatch(/Nothing changed: the request is already taken by Alex Wilber/);
    expect(afterAgain).toEqual([]);

    // Resolve asks for a note first (nothing changes yet), then the same three.
    const { body: formBody, captured: afterForm } = await sent(teamsChannelCardAction(connector.url, secondOperator, channel, thread, button(taken, 'Resolve')));
    const form = invokeAnswer(formBody);
    expect(buttonTitles(form)).toContain('Resolve with this note');
    expect(afterForm).toEqual([]);
    const withNote = button(form, 'Resolve with this note');
    const { body: resolvedBody, captured: afterResolve } = await sent(
      teamsChannelCardAction(connector.url, secondOperator, channel, thread, { ...withNote, data: { ...withNote.data, note: 'Talked it through' } }),
    );
    const resolved = invokeAnswer(resolvedBody);
    expect(cardText(resolved)).toMatch(/Status: resolved by Christie Cline at [\s\S]*Note from Christie Cline: "Talked it through"/);
    expect(buttonTitles(resolved)).toEqual(['Chat with Jānis Ozols']);
    expect(afterResolve.map(route)).toEqual([`/v3/conversations/${channel.channelId}/activities/${postedId}`, expect.stringMatching(newPostIn(askerChat.id))]);
    expect(cardText(cardsIn(afterResolve)[0] as CardJson)).toMatch(/Status: resolved by Christie Cline at /);
    expect((afterResolve[1] as CapturedActivity).activity.text).toMatch(/Christie Cline from the helpdesk has resolved your help request \(reference [0-9a-f]{8}\): "Talked it through"/);
  });

  it('"my colleague … can\'t sign in" goes to the helpdesk at once, marked as asked for someone else', async () => {
    const { captured } = await sent(teamsMessage(connector.url, endUser, personalChat(), "my colleague Anna Bērziņa can't sign in"));
    const [posted, answer] = captured as [CapturedActivity, CapturedActivity];
    expect(route(posted)).toMatch(newPostIn(channel.channelId));
    expect(cardText(cardsIn([posted])[0] as CardJson)).toMatch(
      /For someone else: Anna Bērziņa\.\*\* Make sure Jānis Ozols may ask for this person before you change anything/,
    );
    expect(cardText(cardsIn([answer])[0] as CardJson)).toMatch(/I have passed your request to the helpdesk/);
  });

  it('lists requests for operators, open ones first, in their 1:1 chat or the help channel, and for no one else', async () => {
    const { captured } = await sent(teamsChannelMessage(connector.url, operator, channel, 'thread-4', 'requests'));
    const lines = cardText(cardsIn(captured)[0] as CardJson).split('\n').slice(1);
    expect(lines.map((line) => line.split(' · ')[0])).toEqual(['open', 'open', expect.stringMatching(/^resolved by Christie Cline/)]);
    expect(lines[0]).toMatch(/Jānis Ozols for someone else: Anna Bērziņa/);

    const { captured: refused } = await sent(teamsMessage(connector.url, endUser, personalChat(), 'requests'));
    expect(refused.map(({ activity }) => activity.text)).toEqual(['Only members of the helpdesk group can do that with help requests.']);
  });

  it('offers Ask the helpdesk in a group chat too, its notices bound for the asker\'s 1:1 chat (the whole flow: helpdeskChannel.test.ts)', async () => {
    const { captured: group } = await sent(teamsMessage(connector.url, endUser, { id: `19:${randomUUID()}@thread.v2`, type: 'groupChat' }, "I can't sign in"));
    expect(buttonTitles(cardsIn(group)[0] as CardJson)).toEqual(['Ask the helpdesk']);
  });

  it('the whole lifecycle: Check account in the operator\'s 1:1 chat, a step there, Assign to a colleague, Resolve with the note and the audit trail\'s steps', async () => {
    const requester = anotherEndUser; // Līga Kalniņa, whose sign-in is blocked
    const askerChat = personalChat();
    await askTheHelpdesk(requester, askerChat);
    const posting = connector.activities.filter(({ path }) => decodeURIComponent(path).match(newPostIn(channel.channelId))).at(-1) as CapturedActivity;
    const channelCard = cardsIn([posting])[0] as CardJson;
    const postedId = await connectorAnswerId(posting);
    const operatorsCard = await actionsFor(operator, channelCard, postedId);

    // Check account: the target comes from the stored request; the findings go to the operator's 1:1 chat only.
    const { body: checkBody, captured: afterCheck } = await sent(teamsChannelCardAction(connector.url, operator, channel, postedId, button(operatorsCard, 'Check account')));
    expect(cardText(invokeAnswer(checkBody))).toMatch(/The findings for Līga Kalniņa are in your 1:1 chat with Unlock\./);
    const privateCards = afterCheck.filter(({ path }) => !decodeURIComponent(path).includes(channel.channelId));
    expect(afterCheck.filter(({ path }) => decodeURIComponent(path).includes(channel.channelId))).toEqual([]);
    const [heading, findings] = cardsIn(privateCards) as [CardJson, CardJson];
    expect(cardText(heading)).toMatch(/^From the help request of Līga Kalniņa \(reference [0-9a-f]{8}\)/);
    expect(cardText(findings)).toMatch(/^Account check: Līga Kalniņa/);
    const operatorChat = { id: decodeURIComponent((privateCards[0] as CapturedActivity).path).split('/')[3] as string, type: 'personal' as const };

    // The operator allows sign-in from that card, whose buttons are there (their own chat, not a shared
    // read-only card): the audit trail records it.
    expect(buttonTitles(findings)).toContain('Allow sign-in');
    expect(buttonTitles(findings)).not.toContain('Show actions');
    const { body: confirmBody } = await sent(teamsCardAction(connector.url, operator, operatorChat, button(findings, 'Allow sign-in')));
    const { body: doneBody } = await sent(teamsCardAction(connector.url, operator, operatorChat, button(invokeAnswer(confirmBody), 'Yes, do it')));
    expect(cardText(invokeAnswer(doneBody))).toMatch(/Allow sign-in: done\./);

    // Assign to …: the helpdesk group's members (the clicker left out); the assignee told in their 1:1 chat.
    const { body: chooseBody, captured: afterChoose } = await sent(teamsChannelCardAction(connector.url, operator, channel, postedId, button(operatorsCard, 'Assign to …')));
    const choose = invokeAnswer(chooseBody);
    const choices = (choose.body ?? []).find((element) => (element as { type?: string }).type === 'Input.ChoiceSet') as { choices: { title: string; value: string }[] };
    expect(choices.choices).toEqual([{ title: 'Christie Cline', value: secondOperator.id }]);
    expect(afterChoose).toEqual([]);
    const { body: assignedBody, captured: afterAssign } = await sent(teamsChannelCardAction(connector.url, operator, channel, postedId, button(choose, 'Assign')));
    expect(cardText(invokeAnswer(assignedBody))).toMatch(/Status: taken by Christie Cline at [\s\S]*Assigned to Christie Cline by Alex Wilber at /);
    expect(route(afterAssign[0] as CapturedActivity)).toBe(`/v3/conversations/${channel.channelId}/activities/${postedId}`);
    expect(cardText(cardsIn([afterAssign[0] as CapturedActivity])[0] as CardJson)).toMatch(/Assigned to Christie Cline by Alex Wilber/);
    expect((afterAssign[1] as CapturedActivity).activity.text).toMatch(/^Christie Cline from the helpdesk has taken your help request/);
    expect(route(afterAssign[1] as CapturedActivity)).toMatch(newPostIn(askerChat.id));
    const assigneeNotice = afterAssign.slice(2).find(({ activity }) => typeof activity.text === 'string') as CapturedActivity;
    expect(assigneeNotice.activity.text).toMatch(/^Alex Wilber handed you a help request from Līga Kalniņa \(reference [0-9a-f]{8}\)/);
    expect(route(assigneeNotice)).not.toContain(channel.channelId);

    // Resolve with a note: the card and the asker's notice carry it, and the step from the audit trail.
    const { body: formBody } = await sent(teamsChannelCardAction(connector.url, secondOperator, channel, postedId, button(operatorsCard, 'Resolve')));
    const withNote = button(invokeAnswer(formBody), 'Resolve with this note');
    const { body: resolvedBody, captured: afterResolve } = await sent(
      teamsChannelCardAction(connector.url, secondOperator, channel, postedId, { ...withNote, data: { ...withNote.data, note: 'Sign-in allowed after a call back.' } }),
    );
    expect(cardText(invokeAnswer(resolvedBody))).toMatch(/Note from Christie Cline: "Sign-in allowed after a call back\."\nDone on the account since the request was raised: Allow sign-in \(Alex Wilber, /);
    expect(cardText(cardsIn([afterResolve[0] as CapturedActivity])[0] as CardJson)).toMatch(/Done on the account since the request was raised: Allow sign-in/);
    expect((afterResolve[1] as CapturedActivity).activity.text).toMatch(/"Sign-in allowed after a call back\." [\s\S]*Done on your account: Allow sign-in \(Alex Wilber, /);

    // Closed: Take and a second Resolve change nothing.
    const { body: lateBody, captured: afterLate } = await sent(teamsChannelCardAction(connector.url, operator, channel, postedId, button(operatorsCard, 'Take')));
    expect(cardText(invokeAnswer(lateBody))).toMatch(/Nothing changed: the request is already resolved by Christie Cline/);
    expect(afterLate).toEqual([]);
  });

  it('the asker withdraws (the button on their confirmation, or the words); the channel card says so and operators can no longer take it', async () => {
    const askerChat = personalChat();
    const { answer } = await askTheHelpdesk(endUser, askerChat, 'I am locked out on my laptop');
    const posting = connector.activities.filter(({ path }) => decodeURIComponent(path).match(newPostIn(channel.channelId))).at(-1) as CapturedActivity;
    const postedId = await connectorAnswerId(posting);
    const channelCard = cardsIn([posting])[0] as CardJson;
    const operatorsCard = await actionsFor(operator, channelCard, postedId);

    // Someone else clicking the asker's button (even in the asker's chat) is refused, told nothing.
    const { body: othersBody, captured: afterOthers } = await sent(teamsCardAction(connector.url, anotherEndUser, askerChat, button(answer, 'Withdraw my request')));
    expect(cardText(invokeAnswer(othersBody))).toBe('Only the person who asked can withdraw a help request, in the chat they asked in. Nothing was changed.');
    expect(afterOthers).toEqual([]);

    const { body, captured } = await sent(teamsCardAction(connector.url, endUser, askerChat, button(answer, 'Withdraw my request')));
    expect(cardText(invokeAnswer(body))).toMatch(/You have withdrawn your help request \(reference [0-9a-f]{8}\)/);
    expect(captured.map(route)).toEqual([`/v3/conversations/${channel.channelId}/activities/${postedId}`]);
    const shared = cardsIn(captured)[0] as CardJson;
    expect(cardText(shared)).toMatch(/Status: withdrawn by Jānis Ozols at /);
    expect(buttonTitles(shared)).toEqual(['Chat with Jānis Ozols']);

    const { body: takeBody, captured: afterTake } = await sent(teamsChannelCardAction(connector.url, operator, channel, postedId, button(operatorsCard, 'Take')));
    expect(cardText(invokeAnswer(takeBody))).toMatch(/Nothing changed: the request is already withdrawn by Jānis Ozols/);
    expect(afterTake).toEqual([]);

    // The words, in Latvian, with nothing left open.
    const { captured: words } = await sent({ ...teamsMessage(connector.url, endUser, askerChat, 'atsaukt manu pieprasījumu'), locale: 'lv-LV' });
    expect(words.map(({ activity }) => activity.text)).toEqual(['Jums nav neviena atvērta palīdzības pieprasījuma, ko atsaukt.']);
  });

  it('an asker withdrawing a request an operator had taken: the channel card updated, and that operator told in their 1:1 chat', async () => {
    const askerChat = personalChat();
    const { answer } = await askTheHelpdesk(endUser, askerChat, 'My mails bounce');
    const posting = connector.activities.filter(({ path }) => decodeURIComponent(path).match(newPostIn(channel.channelId))).at(-1) as CapturedActivity;
    const postedId = await connectorAnswerId(posting);
    const channelCard = cardsIn([posting])[0] as CardJson;
    const operatorsCard = await actionsFor(operator, channelCard, postedId);
    await sent(teamsChannelCardAction(connector.url, operator, channel, postedId, button(operatorsCard, 'Take')));

    const { captured } = await sent(teamsCardAction(connector.url, endUser, askerChat, button(answer, 'Withdraw my request')));
    expect(route(captured[0] as CapturedActivity)).toBe(`/v3/conversations/${channel.channelId}/activities/${postedId}`);
    expect(cardText(cardsIn([captured[0] as CapturedActivity])[0] as CardJson)).toMatch(/Status: withdrawn by Jānis Ozols at /);
    const notices = captured.filter(({ activity }) => typeof activity.text === 'string');
    expect(notices.map(({ activity }) => activity.text)).toEqual([
      expect.stringMatching(/^Jānis Ozols has withdrawn their help request \(reference [0-9a-f]{8}\): "My mails bounce"\. There is nothing more to do on it\.$/),
    ]);
    // To the operator's own 1:1 chat with the bot, neither the channel nor the asker's chat.
    expect(route(notices[0] as CapturedActivity)).toMatch(newPostIn(`a:1on1-${operator.id}`));
  });

  it('says on the channel card when the asker cannot be reached in their 1:1 chat, instead of only logging it', async () => {
    const askerChat = personalChat();
    await askTheHelpdesk(anotherEndUser, askerChat, "I'm locked out on my laptop");
    const posting = connector.activities.filter(({ path }) => decodeURIComponent(path).match(newPostIn(channel.channelId))).at(-1) as CapturedActivity;
    const postedId = await connectorAnswerId(posting);
    const channelCard = cardsIn([posting])[0] as CardJson;
    const operatorsCard = await actionsFor(operator, channelCard, postedId);
    connector.refusePostsTo.add(askerChat.id);
    try {
      const { body, captured } = await sent(teamsChannelCardAction(connector.url, operator, channel, postedId, button(operatorsCard, 'Take')));
      const warning = 'Līga Kalniņa could not be told of this change in their chat with Unlock: tell them directly.';
      expect(cardText(invokeAnswer(body))).toContain(warning);
      const edits = captured.filter((item) => route(item) === `/v3/conversations/${channel.channelId}/activities/${postedId}`);
      expect(cardText(cardsIn([edits.at(-1) as CapturedActivity])[0] as CardJson)).toContain(warning);
    } finally {
      connector.refusePostsTo.delete(askerChat.id);
    }
  });

  it('posts the request read-only for everyone; Show actions or Teams\' refresh gives an operator the buttons and anyone else the same read-only card, and edits keep the refresh for the operators who acted', async () => {
    await askTheHelpdesk(endUser, personalChat(), 'My mails bounce');
    const posting = connector.activities.filter(({ path }) => decodeURIComponent(path).match(newPostIn(channel.channelId))).at(-1) as CapturedActivity;
    const postedId = await connectorAnswerId(posting);
    const channelCard = cardsIn([posting])[0] as CardJson;
    type Refresh = { action: { type: string; verb: string; data: Record<string, unknown> }; userIds: string[] };
    const refreshOf = (card: CardJson): Refresh | undefined => (card as { refresh?: Refresh }).refresh;
    expect(cardText(channelCard)).toMatch(/They wrote: "My mails bounce"\nStatus: open/);
    expect(buttonTitles(channelCard)).toEqual(['Show actions', 'Chat with Jānis Ozols']);
    expect(refreshOf(channelCard)).toEqual({
      action: { type: 'Action.Execute', title: 'Show actions', verb: 'unlock.showRequestActions', data: { requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) } },
      userIds: [],
    });
    const refresh = refreshOf(channelCard) as Refresh;

    // Someone who is not an operator: Show actions and the refresh answer the same read-only card; nothing is sent or changed.
    for (const trigger of ['manual', 'automatic'] as const) {
      const { body, captured } = await sent(teamsChannelCardAction(connector.url, anotherEndUser, channel, postedId, refresh.action, { trigger }));
      const answer = invokeAnswer(body);
      // The same card (its times in the clicker's own time zone).
      const withoutTimes = (card: CardJson): string[] => cardText(card).split('\n').filter((line) => !line.startsWith('Asked by'));
      expect(withoutTimes(answer)).toEqual(withoutTimes(channelCard));
      expect(buttonTitles(answer)).toEqual(['Show actions', 'Chat with Jānis Ozols']);
      expect(refreshOf(answer)?.userIds).toEqual([]);
      expect(captured).toEqual([]);
    }

    // An operator's client runs the refresh (trigger automatic): the buttons, for them only, and they are named in it from now on.
    const { body: refreshedBody, captured: afterRefresh } = await sent(teamsChannelCardAction(connector.url, operator, channel, postedId, refresh.action, { trigger: 'automatic' }));
    const refreshed = invokeAnswer(refreshedBody);
    expect(buttonTitles(refreshed)).toEqual(['Take', 'Assign to …', 'Check account', 'Resolve', 'Chat with Jānis Ozols']);
    expect(refreshOf(refreshed)?.userIds).toEqual([`29:${operator.id}`]);
    expect(afterRefresh).toEqual([]);

    // A second operator clicks Show actions and takes it: their own card keeps the buttons, the edit everyone sees is read-only and refreshes for both.
    const operatorsCard = await actionsFor(secondOperator, channelCard, postedId);
    expect(buttonTitles(operatorsCard)).toContain('Take');
    const { body: takenBody, captured: afterTake } = await sent(teamsChannelCardAction(connector.url, secondOperator, channel, postedId, button(operatorsCard, 'Take')));
    expect(buttonTitles(invokeAnswer(takenBody))).toEqual(['Assign to …', 'Check account', 'Resolve', 'Chat with Jānis Ozols']);
    const edit = afterTake.find((captured) => route(captured) === `/v3/conversations/${channel.channelId}/activities/${postedId}`) as CapturedActivity;
    const shared = cardsIn([edit])[0] as CardJson;
    expect(cardText(shared)).toMatch(/Status: taken by /);
    expect(buttonTitles(shared)).toEqual(['Show actions', 'Chat with Jānis Ozols']);
    expect(refreshOf(shared)?.userIds).toEqual([`29:${secondOperator.id}`, `29:${operator.id}`]);

    // Closed, the card has nothing to act on: no Show actions, no refresh.
    const { body: formBody } = await sent(teamsChannelCardAction(connector.url, secondOperator, channel, postedId, button(operatorsCard, 'Resolve')));
    const withNote = button(invokeAnswer(formBody), 'Resolve with this note');
    const { captured: afterResolve } = await sent(
      teamsChannelCardAction(connector.url, secondOperator, channel, postedId, { verb: withNote.verb, data: { ...withNote.data, note: 'Re-registered Outlook.' } }),
    );
    const closed = cardsIn(afterResolve.filter((captured) => route(captured) === `/v3/conversations/${channel.channelId}/activities/${postedId}`)).at(-1) as CardJson;
    expect(cardText(closed)).toMatch(/Status: resolved by /);
    expect(buttonTitles(closed)).toEqual(['Chat with Jānis Ozols']);
    expect(refreshOf(closed)).toBeUndefined();
  });

  it('reposts a request nobody took as a reminder once per interval (HELP_REQUEST_REMINDER_MINUTES)', async () => {
    await askTheHelpdesk(endUser, personalChat(), 'my mails bounce');
    const posting = connector.activities.filter(({ path }) => decodeURIComponent(path).match(newPostIn(channel.channelId))).at(-1) as CapturedActivity;
    const wrote = 'They wrote: "my mails bounce"';
    const before = connector.activities.length;
    expect(await app.reminders.runOnce()).toBe(0);
    try {
      clockOffsetMs = 31 * 60_000;
      await app.reminders.runOnce();
      const reminders = connector.activities.slice(before).filter((captured) => route(captured).match(newPostIn(channel.channelId)) && cardText(cardsIn([captured])[0] as CardJson).includes(wrote));
      expect(reminders).toHaveLength(1);
      expect(cardText(cardsIn(reminders)[0] as CardJson)).toMatch(/Reminder: nobody has taken this request for 31 minutes\./);
      expect(buttonTitles(cardsIn(reminders)[0] as CardJson)).toContain('Show actions');
      const again = connector.activities.length;
      await app.reminders.runOnce();
      expect(connector.activities.slice(again)).toEqual([]);
    } finally {
      clockOffsetMs = 0;
    }
    expect(posting).toBeDefined();
  });
});

/** A message sent to a conversation (not an edit of a known activity, and not into a thread). */
function newPostIn(conversationId: string): RegExp {
  return new RegExp(`^/v3/conversations/${conversationId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/activities(?:/[0-9a-f-]{36})?$`);
}

/** The id the stand-in connector answered a post with (`sent-<n>`, in the order it received them). */
async function connectorAnswerId(posting: CapturedActivity): Promise<string> {
  return `sent-${connector.activities.indexOf(posting) + 1}`;
}
