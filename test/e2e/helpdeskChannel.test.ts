/**
 * The helpdesk channel over HTTP, as Teams talks to the bot: findings cards shared by the channel
 * (read-only for everyone, an operator's buttons by Show actions or the card's refresh), the shared
 * card edited with updateActivity after an operator's action, and a password reset from the channel
 * whose password reaches only the operator's 1:1 chat, created proactively. Group chats and other
 * channels give help only. Every post, edit and create-conversation call is captured at the stand-in
 * Bot Connector.
 */
import { randomUUID } from 'node:crypto';
import { startUnlock, type UnlockApp } from '../../src/host/app';
import { loadConfig } from '../../src/host/config';
import { SEEDED } from '../../src/simulator/seeded';
import { button, buttonTitles, cardText, UNFILLED_PLACEHOLDER, type CardJson, type Person } from '../support/botHarness';
import { startCaptureConnector, type CaptureConnector, type CapturedActivity } from '../support/connector';
import { teamsCardAction, teamsChannelCardAction, teamsChannelMessage, teamsMessage, type TeamsChannel } from '../support/teamsActivity';
import { FAST_RETRY, tenantWrites } from '../support/tenant';
import { cardsIn } from '../support/http';

const TEMPORARY_PASSWORD = 'Chan#Temp-4321-Pass';
const users = SEEDED.users;
const operator: Person = users.operator;
const secondOperator: Person = users.secondOperator;
const notOperator: Person = users.healthy;
const helpdesk: TeamsChannel = { teamId: '19:team-it@thread.tacv2', channelId: '19:helpdesk-channel@thread.tacv2' };
const otherChannel: TeamsChannel = { teamId: '19:team-all@thread.tacv2', channelId: '19:general@thread.tacv2' };

let app: UnlockApp;
let connector: CaptureConnector;
const logLines: string[] = [];

beforeAll(async () => {
  connector = await startCaptureConnector();
  app = await startUnlock(loadConfig({ PORT: '0', PLAYGROUND: 'off', LOG_LEVEL: 'debug', HELPDESK_CHANNEL_IDS: helpdesk.channelId }), {
    logDestination: { write: (line: string) => void logLines.push(line) },
    generatePassword: () => TEMPORARY_PASSWORD,
    retry: FAST_RETRY,
  });
});

afterAll(async () => {
  await app.stop();
  await connector.stop();
});

afterEach(() => {
  expect(connector.unfilled).toEqual([]);
});

function writes(): string[] {
  return app.simulator ? tenantWrites(app.simulator) : [];
}

async function post(activity: unknown): Promise<unknown> {
  const response = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await response.text();
  expect(response.status).toBe(200);
  expect(text).not.toMatch(UNFILLED_PLACEHOLDER);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** Posts an activity; answers the invoke's card (if any) and what reached the connector meanwhile. */
async function sent(activity: unknown): Promise<{ answer?: CardJson; captured: CapturedActivity[] }> {
  const before = connector.activities.length;
  const body = (await post(activity)) as { statusCode?: number; type?: string; value?: CardJson } | undefined;
  if (body?.value) {
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  }
  return { ...(body?.value ? { answer: body.value } : {}), captured: connector.activities.slice(before) };
}

/** The id the stand-in connector answered a post with (`sent-<n>`, in the order it received them). */
function postedId(posting: CapturedActivity): string {
  return `sent-${connector.activities.indexOf(posting) + 1}`;
}

interface Refresh {
  action: { type: string; verb: string; data: Record<string, unknown> };
  userIds: string[];
}

function refreshOf(card: CardJson): Refresh | undefined {
  return (card as { refresh?: Refresh }).refresh;
}

/** "@Unlock unlock <upn>" in a thread of the helpdesk channel: the shared card and the id of its message. */
async function sharedCardFor(from: Person, upn: string, thread: string): Promise<{ card: CardJson; messageId: string }> {
  const { captured } = await sent(teamsChannelMessage(connector.url, from, helpdesk, thread, `unlock ${upn}`));
  expect(captured).toHaveLength(1);
  const posting = captured[0] as CapturedActivity;
  // In the thread it was asked in.
  expect(decodeURIComponent(posting.path)).toBe(`/v3/conversations/${helpdesk.channelId};messageid=${thread}/activities/${posting.activity.replyToId as string}`);
  return { card: cardsIn(captured)[0] as CardJson, messageId: postedId(posting) };
}

function click(from: Person, thread: string, card: CardJson, title: string, messageId: string, extra: Record<string, unknown> = {}) {
  const pressed = button(card, title);
  return teamsChannelCardAction(connector.url, from, helpdesk, thread, { ...pressed, data: { ...pressed.data, ...extra } }, { replyToId: messageId });
}

describe('a findings card in the helpdesk channel', () => {
  it('is posted read-only, with Show actions and a refresh for the operator who asked; Show actions gives an operator the buttons and anyone else the same read-only card', async () => {
    const thread = `thread-${randomUUID()}`;
    const { card, messageId } = await sharedCardFor(operator, users.signInBlocked.upn, thread);
    expect(cardText(card)).toMatch(/Account check: Līga Kalniņa/);
    expect(buttonTitles(card)).toEqual(['Show actions']);
    expect(refreshOf(card)).toEqual({
      action: { type: 'Action.Execute', title: 'Show actions', verb: 'unlock.showActions', data: { cardId: expect.stringMatching(/^[0-9a-f-]{36}$/) } },
      userIds: [`29:${operator.id}`],
    });

    // Teams runs the refresh for the operator (trigger "automatic"): their own view, with the buttons.
    const pressed = button(card, 'Show actions');
    const { answer: refreshed, captured: afterRefresh } = await sent(
      teamsChannelCardAction(connector.url, operator, helpdesk, thread, refreshOf(card)?.action ?? pressed, { replyToId: messageId, trigger: 'automatic' }),
    );
    expect(buttonTitles(refreshed as CardJson)).toEqual(expect.arrayContaining(['Allow sign-in', 'Check again']));
    expect(buttonTitles(refreshed as CardJson)).not.toContain('Show actions');
    expect(refreshOf(refreshed as CardJson)?.userIds).toEqual([`29:${operator.id}`]);
    expect(afterRefresh).toEqual([]);

    // Someone who is not an operator clicks Show actions: the card everyone already sees, nothing more, nobody added.
    const { answer: readOnly, captured: afterOther } = await sent(teamsChannelCardAction(connector.url, notOperator, helpdesk, thread, pressed, { replyToId: messageId }));
    expect(buttonTitles(readOnly as CardJson)).toEqual(['Show actions']);
    expect(cardText(readOnly as CardJson)).toBe(cardText(card));
    expect(refreshOf(readOnly as CardJson)?.userIds).toEqual([`29:${operator.id}`]);
    expect(afterOther).toEqual([]);

    // The same Show actions from another conversation: not this card's.
    const { answer: copied } = await sent(teamsChannelCardAction(connector.url, operator, helpdesk, `thread-${randomUUID()}`, pressed));
    expect(cardText(copied as CardJson)).toMatch(/expired or is not one of mine/);
    expect(writes()).toEqual([]);
  });

  it("is edited for everyone after an operator's action: the updateActivity carries the new read-only card, refreshed for both operators", async () => {
    const thread = `thread-${randomUUID()}`;
    const { card, messageId } = await sharedCardFor(operator, users.signInBlocked.upn, thread);
    // A second operator opens their view, then allows sign-in.
    const { answer: mine } = await sent(click(secondOperator, thread, card, 'Show actions', messageId));
    const { answer: confirm } = await sent(click(secondOperator, thread, mine as CardJson, 'Allow sign-in', messageId));
    expect(cardText(confirm as CardJson)).toMatch(/Allow sign-in/);
    const { answer: done, captured } = await sent(click(secondOperator, thread, confirm as CardJson, 'Yes, do it', messageId, { verifiedBy: 'calledBack' }));
    expect(writes()).toEqual([`PATCH /v1.0/users/${users.signInBlocked.id}`]);

    expect(cardText(done as CardJson)).toMatch(/Allow sign-in: done\./);
    expect(buttonTitles(done as CardJson)).toContain('Check again');
    const updates = captured.filter(({ path }) => path.endsWith(`/activities/${messageId}`));
    expect(updates).toHaveLength(1);
    const update = updates[0] as CapturedActivity;
    expect(decodeURIComponent(update.path)).toBe(`/v3/conversations/${helpdesk.channelId};messageid=${thread}/activities/${messageId}`);
    expect(update.activity.id).toBe(messageId);
    const shared = cardsIn([update])[0] as CardJson;
    expect(cardText(shared)).toMatch(/Allow sign-in: done\./);
    expect(buttonTitles(shared)).toEqual(['Show actions']);
    // The clicker first, then the operator who asked for the card in this thread.
    expect(refreshOf(shared)?.userIds).toEqual([`29:${secondOperator.id}`, `29:${operator.id}`]);
    expect(captured.filter((activity) => activity !== update)).toEqual([]);
  });
});

describe('a password reset from the helpdesk channel', () => {
  it("changes nothing when the operator's 1:1 chat cannot be opened", async () => {
    connector.refuseChatsWith.add(`29:${secondOperator.id}`);
    try {
      const thread = `thread-${randomUUID()}`;
      const { card, messageId } = await sharedCardFor(secondOperator, users.smartLockout.upn, thread);
      const { answer: mine } = await sent(click(secondOperator, thread, card, 'Show actions', messageId));
      const { answer: confirm } = await sent(click(secondOperator, thread, mine as CardJson, 'Reset password', messageId));
      const createdBefore = connector.conversations.length;
      const { answer, captured } = await sent(click(secondOperator, thread, confirm as CardJson, 'Yes, do it', messageId, { verifiedBy: 'calledBack' }));
      expect(cardText(answer as CardJson)).toMatch(/Nothing was changed: I could not open your 1:1 chat with Unlock/);
      expect(connector.conversations.slice(createdBefore)).toEqual([expect.objectContaining({ parameters: expect.objectContaining({ members: [{ id: `29:${secondOperator.id}`, name: '', aadObjectId: secondOperator.id }] }) })]);
      expect(captured).toEqual([]);
      expect(writes()).toEqual([`PATCH /v1.0/users/${users.signInBlocked.id}`]);
    } finally {
      connector.refuseChatsWith.delete(`29:${secondOperator.id}`);
    }
  });

  it("sends the password only to the operator's 1:1 chat, created proactively; the channel card says who reset it and that it went to them privately", async () => {
    const thread = `thread-${randomUUID()}`;
    const activitiesBefore = connector.activities.length;
    const { card, messageId } = await sharedCardFor(operator, users.smartLockout.upn, thread);
    const { answer: mine } = await sent(click(operator, thread, card, 'Show actions', messageId));
    const { answer: confirm } = await sent(click(operator, thread, mine as CardJson, 'Reset password', messageId));
    expect(cardText(confirm as CardJson)).toMatch(/Reset password/);
    const createdBefore = connector.conversations.length;
    const { answer: done, captured } = await sent(click(operator, thread, confirm as CardJson, 'Yes, do it', messageId, { verifiedBy: 'calledBack' }));
    expect(writes().filter((write) => write.includes(users.smartLockout.id))).not.toEqual([]);

    // The 1:1 chat, created the Teams way: the operator (Teams user id and Entra object id) and the tenant, not a group.
    expect(connector.conversations.slice(createdBefore)).toEqual([
      {
        id: `a:1on1-29:${operator.id}`,
        parameters: expect.objectContaining({ isGroup: false, members: [{ id: `29:${operator.id}`, name: '', aadObjectId: operator.id }], tenantId: SEEDED.tenantId, bot: expect.objectContaining({ id: '28:unlock-bot' }) }),
      },
    ]);
    const privately = captured.filter(({ path }) => decodeURIComponent(path).startsWith(`/v3/conversations/a:1on1-29:${operator.id}/`));
    expect(privately.map((one) => (one.activity.text as string | undefined) ?? cardText(cardsIn([one])[0] as CardJson))).toEqual([
      expect.stringMatching(/^You clicked \*\*Reset password\*\* for Anna Bērziņa in a helpdesk channel/),
      expect.stringContaining(TEMPORARY_PASSWORD),
    ]);

    // The channel: the operator's answer and the edited shared card say who and where, never the password.
    const message = /Password reset by Alex Wilber, sent to Alex Wilber privately\./;
    expect(cardText(done as CardJson)).toMatch(message);
    expect(JSON.stringify(done)).not.toContain(TEMPORARY_PASSWORD);
    const [update] = captured.filter(({ path }) => path.endsWith(`/activities/${messageId}`));
    expect(cardText(cardsIn([update as CapturedActivity])[0] as CardJson)).toMatch(message);
    const channelActivities = connector.activities.slice(activitiesBefore).filter(({ path }) => decodeURIComponent(path).includes(helpdesk.channelId));
    expect(channelActivities.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(channelActivities)).not.toContain(TEMPORARY_PASSWORD);
    // Everything the bot sent anywhere but the 1:1 chat, and every log line and stored record: no password.
    expect(JSON.stringify(connector.activities.filter((activity) => !privately.includes(activity)))).not.toContain(TEMPORARY_PASSWORD);
    expect(logLines.join('\n')).not.toContain(TEMPORARY_PASSWORD);
    expect(JSON.stringify(app.storage)).not.toContain(TEMPORARY_PASSWORD);
  });

  it('says the password is lost, never that it was sent, when the 1:1 chat takes no message after the reset', async () => {
    const thread = `thread-${randomUUID()}`;
    const privateChat = `a:1on1-29:${secondOperator.id}`;
    connector.refusePostsTo.add(privateChat);
    try {
      const { card, messageId } = await sharedCardFor(secondOperator, users.failedSignIns.upn, thread);
      const { answer: mine } = await sent(click(secondOperator, thread, card, 'Show actions', messageId));
      const { answer: confirm } = await sent(click(secondOperator, thread, mine as CardJson, 'Reset password', messageId));
      const { answer: done, captured } = await sent(click(secondOperator, thread, confirm as CardJson, 'Yes, do it', messageId, { verifiedBy: 'calledBack' }));
      expect(writes().filter((write) => write.includes(users.failedSignIns.id))).not.toEqual([]);
      const lost = /Reset password: done, but I could not deliver the result to your 1:1 chat with Unlock, and it is kept nowhere\./;
      expect(cardText(done as CardJson)).toMatch(lost);
      expect(cardText(done as CardJson)).not.toMatch(/sent to .* privately/);
      const [update] = captured.filter(({ path }) => path.endsWith(`/activities/${messageId}`));
      expect(cardText(cardsIn([update as CapturedActivity])[0] as CardJson)).toMatch(lost);
      expect(JSON.stringify(captured)).not.toContain(TEMPORARY_PASSWORD);
      expect(logLines.join('\n')).not.toContain(TEMPORARY_PASSWORD);
    } finally {
      connector.refusePostsTo.delete(privateChat);
    }
  });

  it('says so in Latvian too', async () => {
    const thread = `thread-${randomUUID()}`;
    const { captured } = await sent(teamsChannelMessage(connector.url, operator, helpdesk, thread, `unlock ${users.failedSignIns.upn}`, { locale: 'lv-LV' }));
    const card = cardsIn(captured)[0] as CardJson;
    expect(buttonTitles(card)).toEqual(['Rādīt darbības']);
  });
});

describe('group chats and other channels', () => {
  it("offer anyone Ask the helpdesk: the request is the asker's alone, and its notices go to their 1:1 chat, not the group", async () => {
    const asker: Person = users.failedSignIns;
    const bystander: Person = users.namesake;
    await sent(teamsChannelMessage(connector.url, operator, helpdesk, `thread-${randomUUID()}`, 'use this channel for help requests'));
    const groupChat = { id: `19:${randomUUID()}@thread.v2`, type: 'groupChat' as const };
    const createdBefore = connector.conversations.length;
    const { captured } = await sent(teamsMessage(connector.url, asker, groupChat, "I can't sign in"));
    const [answer] = cardsIn(captured);
    expect(buttonTitles(answer as CardJson)).toEqual(['Ask the helpdesk']);
    // Where the asker will hear back: their own 1:1 chat, started now.
    expect(connector.conversations.slice(createdBefore).map((created) => created.parameters.members)).toEqual([[{ id: asker.id, name: '', aadObjectId: asker.id }]]);

    // Someone else in the group clicks it: nothing is raised.
    const ask = button(answer as CardJson, 'Ask the helpdesk');
    const { answer: refused, captured: afterRefusal } = await sent(teamsCardAction(connector.url, bystander, groupChat, ask));
    expect(cardText(refused as CardJson)).toMatch(/expired or is not one of mine/);
    expect(afterRefusal).toEqual([]);

    const { answer: raised, captured: posted } = await sent(teamsCardAction(connector.url, asker, groupChat, ask));
    expect(cardText(raised as CardJson)).toMatch(/I have passed your request to the helpdesk/);
    expect(posted.map(({ path }) => decodeURIComponent(path))).toEqual([expect.stringMatching(new RegExp(`^/v3/conversations/${helpdesk.channelId}/activities`))]);
    const requestCard = cardsIn(posted)[0] as CardJson;
    expect(cardText(requestCard)).toMatch(/Help request from Megan Bowen/);

    // The posted card is read-only for everyone: the operator's Take comes with Show actions.
    const requestPost = postedId(posted[0] as CapturedActivity);
    const { answer: operatorsCard } = await sent(teamsChannelCardAction(connector.url, operator, helpdesk, requestPost, button(requestCard, 'Show actions'), { replyToId: requestPost }));
    const take = button(operatorsCard as CardJson, 'Take');
    const { captured: afterTake } = await sent(
      teamsChannelCardAction(connector.url, operator, helpdesk, postedId(posted[0] as CapturedActivity), take, { replyToId: postedId(posted[0] as CapturedActivity) }),
    );
    const notices = afterTake.filter(({ path }) => !decodeURIComponent(path).includes(helpdesk.channelId));
    expect(notices.map(({ path }) => decodeURIComponent(path))).toEqual([expect.stringMatching(new RegExp(`^/v3/conversations/a:1on1-${asker.id}/activities`))]);
    expect(afterTake.filter(({ path }) => decodeURIComponent(path).includes(groupChat.id))).toEqual([]);
  });

  it('give an operator help only, with where to go, and look nobody up', async () => {
    const groupChat = { id: `19:${randomUUID()}@thread.v2`, type: 'groupChat' as const };
    app.simulator?.resetLog();
    for (const activity of [
      teamsMessage(connector.url, operator, groupChat, `unlock ${users.smartLockout.upn}`),
      teamsMessage(connector.url, operator, groupChat, 'reset the password for Anna Bērziņa'),
      teamsChannelMessage(connector.url, operator, otherChannel, 'thread-x', `unlock ${users.smartLockout.upn}`),
    ]) {
      const { captured } = await sent(activity);
      expect(captured.map(({ activity: reply }) => reply.text)).toEqual([expect.stringMatching(/^Here I only give help, because everyone in this chat would see the account details\. Check accounts in your 1:1 chat with Unlock, or in the helpdesk channel\./)]);
    }
    const lookups = (app.simulator?.requests ?? []).filter((request) => request.api !== 'control' && /\/users/.test(request.path));
    expect(lookups).toEqual([]);
  });
});
