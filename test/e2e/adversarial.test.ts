/**
 * The adversarial suite: hostile and broken input over HTTP against the real server, two bot
 * instances sharing one store, and the simulated tenant. Each block counts the cases it tried and
 * the Graph/Exchange writes it saw; the totals are printed at the end and reported in README.md.
 */
import { randomUUID } from 'node:crypto';
import { MemoryStorage } from 'botbuilder';
import { startUnlock, type UnlockApp } from '../../src/host/app';
import { loadConfig } from '../../src/host/config';
import { STEP_IDS } from '../../src/steps/registry';
import { StorageRecordStore } from '../../src/adapters/storage/recordStore';
import type { CardOffer } from '../../src/operations/ports';
import { StorageAuditLog } from '../../src/adapters/audit/storageAuditLog';
import { installTeamsApp, personalChatId, SIMULATED_TEAMS_APP, startSimulator, type RunningSimulator } from '../../src/simulator';
import { SEEDED } from '../../src/simulator/seeded';
import { findUser } from '../../src/simulator/state';
import { button, cardButtons, cardText, UNFILLED_PLACEHOLDER, type CardJson, type Person } from '../support/botHarness';
import { startCaptureConnector, type CaptureConnector } from '../support/connector';
import { teamsCardAction, teamsChannelCardAction, teamsChannelMessage, teamsMessage, type TeamsChannel, type TeamsConversation } from '../support/teamsActivity';
import { FAST_RETRY, tenantWrites } from '../support/tenant';

const PASSWORD = 'Adv#Pass-4567-word';
const users = SEEDED.users;
const operator: Person = users.operator;
const secondOperator: Person = users.secondOperator;
const outsider: Person = users.healthy;
const helpdeskChannel: TeamsChannel = { teamId: '19:team-it@thread.tacv2', channelId: '19:adversarial-helpdesk@thread.tacv2' };

let simulator: RunningSimulator;
let connector: CaptureConnector;
let storage: MemoryStorage;
let instances: UnlockApp[];
const logLines: string[] = [];
/** Reported in README.md: writes seen where the case must change nothing, and where it is meant to. */
const tally = { casesTried: 0, unexpectedWrites: 0, intendedWrites: 0, serverErrors: 0, crashes: 0 };
/** Requests sent per test, by test name. */
const perCase: Record<string, number> = {};

beforeAll(async () => {
  simulator = await startSimulator({ port: 0 });
  connector = await startCaptureConnector();
  storage = new MemoryStorage();
  const config = loadConfig({
    PORT: '0',
    PLAYGROUND: 'off',
    LOG_LEVEL: 'info',
    GRAPH_ENDPOINT: simulator.url,
    AZURE_TENANT_ID: SEEDED.tenantId,
    HELPDESK_GROUP_ID: SEEDED.helpdeskGroup.id,
    TEAMS_APP_CATALOG_ID: SIMULATED_TEAMS_APP.id,
    HELPDESK_CHANNEL_IDS: helpdeskChannel.channelId,
  });
  const start = () =>
    startUnlock(config, {
      storage,
      retry: { ...FAST_RETRY, maxRetryAfterSeconds: 1 },
      generatePassword: () => PASSWORD,
      logDestination: { write: (line: string) => void logLines.push(line) },
    });
  instances = [await start(), await start()];
});

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await connector.stop();
  await simulator.stop();
  console.log(`adversarial suite: ${JSON.stringify(tally)}\n${JSON.stringify(perCase, null, 1)}`);
  expect(tally.crashes).toBe(0);
  expect(tally.unexpectedWrites).toBe(0);
});

afterEach(() => {
  expect(connector.unfilled).toEqual([]);
});

beforeEach(() => {
  simulator.clearFaults();
  simulator.resetLog();
});

/** Graph and Exchange calls that change something. */
function writes(): string[] {
  return tenantWrites(simulator);
}

/** Counts the writes of a case that must change nothing. */
function countWrites(): number {
  const seen = writes().length;
  tally.unexpectedWrites += seen;
  return seen;
}

/** Counts the writes of a case that is meant to change something. */
function countIntendedWrites(): number {
  const seen = writes().length;
  tally.intendedWrites += seen;
  return seen;
}

/** A request the server did not answer at all counts as a crash. */
async function send(instance: number, init: RequestInit): Promise<Response> {
  tally.casesTried += 1;
  const name = expect.getState().currentTestName ?? 'setup';
  perCase[name] = (perCase[name] ?? 0) + 1;
  try {
    return await fetch(`${instances[instance]?.url}/api/messages`, { method: 'POST', ...init });
  } catch (error) {
    tally.crashes += 1;
    throw error;
  }
}

async function raw(body: string, instance = 0, contentType = 'application/json'): Promise<number> {
  const response = await send(instance, { headers: { 'Content-Type': contentType }, body });
  await response.arrayBuffer();
  if (response.status >= 500) tally.serverErrors += 1;
  return response.status;
}

async function post(activity: unknown, instance = 0): Promise<{ status: number; body: unknown }> {
  const response = await send(instance, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await response.text();
  if (response.status >= 500) tally.serverErrors += 1;
  expect(text).not.toMatch(UNFILLED_PLACEHOLDER);
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

const chat = (): TeamsConversation => ({ id: `a:${randomUUID()}`, type: 'personal' });

/** The chat each card was shown in: a card acts only there, so its clicks are sent from there. */
const shownIn = new Map<string, TeamsConversation>();

async function findingsCard(upn: string, conversation = chat()): Promise<CardJson> {
  const before = connector.activities.length;
  await post(teamsMessage(connector.url, operator, conversation, `unlock ${upn}`));
  const sent = connector.activities.slice(before).flatMap(({ activity }) => (activity.attachments as { content: CardJson }[] | undefined) ?? []);
  const card = sent[0]?.content;
  if (!card) throw new Error(`no findings card for ${upn}`);
  shownIn.set(button(card, 'Check again').data.cardId as string, conversation);
  return card;
}

/** The chat a click on a card with this data comes from: where the card was shown, else a new one. */
function chatOf(data: Record<string, unknown>): TeamsConversation {
  return shownIn.get(data.cardId as string) ?? chat();
}

async function clickOn(from: Person, card: CardJson, title: string, instance = 0): Promise<string> {
  const action = button(card, title);
  const { body } = await post(teamsCardAction(connector.url, from, chatOf(action.data), action), instance);
  return cardText((body as { value: CardJson }).value);
}

async function stillServes(): Promise<void> {
  const card = await findingsCard(users.healthy.upn);
  expect(cardText(card)).toMatch(/Account check: Jānis Ozols/);
}

/** A small deterministic generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

describe('malformed and random activities', () => {
  it('are answered 4xx or ignored, never crash the server, and normal service goes on', async () => {
    const next = random(2026);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const valid = teamsMessage(connector.url, operator, chat(), 'help');
    const mutations: (() => unknown)[] = [
      () => ({ ...valid, type: undefined }),
      () => ({ ...valid, type: 42 }),
      () => ({ ...valid, conversation: 'not an object' }),
      () => ({ ...valid, conversation: undefined }),
      () => ({ ...valid, from: null }),
      () => ({ ...valid, from: { id: 1, aadObjectId: { $ne: null } } }),
      () => ({ ...valid, text: 12345 }),
      () => ({ ...valid, text: ['unlock', users.signInBlocked.upn] }),
      () => ({ ...valid, channelData: 'tenant' }),
      () => ({ ...valid, channelData: { tenant: { id: 42 } }, conversation: { ...valid.conversation, tenantId: undefined } }),
      () => ({ ...valid, type: 'invoke', name: 'adaptiveCard/action', value: 'click' }),
      () => ({ ...valid, type: 'invoke', name: 'adaptiveCard/action', value: { action: null } }),
      () => ({ ...valid, type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Submit', data: {} } } }),
      () => ({ ...valid, type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 7, data: [] } } }),
      () => ({ ...valid, type: 'invoke', name: 'composeExtension/query', value: {} }),
      () => ({ ...valid, type: 'conversationUpdate', membersAdded: 'everyone' }),
      () => ({ ...valid, type: 'messageReaction', reactionsAdded: [{ type: 'like' }] }),
      () => ({ ...valid, entities: [{ type: 'clientInfo', timezone: 'Mars/Olympus' }], text: `unlock ${users.signInBlocked.upn}` }),
      () => ({ ...valid, locale: { lv: true } }),
      () => ({ ...valid, text: '\u0000\u0001\u0002' }),
      () => ({ ...valid, text: '<at>Unlock</at>'.repeat(500) }),
      () => [valid, valid],
      () => 'just a string',
      () => null,
      () => 0,
    ];
    const rawBodies = ['{"type":', '', '}{', 'not json at all', '\u00ff\u00fe', '{"type":"message","text":"unlock","from":{'];
    for (let i = 0; i < 200; i += 1) {
      const status = next() < 0.2 ? await raw(pick(rawBodies), i % 2) : (await post(pick(mutations)(), i % 2)).status;
      expect(status).toBeLessThan(500);
    }
    const huge = JSON.stringify({ ...valid, text: 'x'.repeat(300 * 1024) });
    expect(await raw(huge)).toBe(413);
    expect(await raw(JSON.stringify(valid), 0, 'text/plain')).toBeLessThan(500);
    expect(countWrites()).toBe(0);
    await stillServes();
  });
});

describe('tampered card payloads', () => {
  it('change nothing: other targets, unknown actions, forged senders, steps the card never offered', async () => {
    const card = await findingsCard(users.everything.upn);
    const other = await findingsCard(users.healthy.upn);
    const allow = button(card, 'Allow sign-in');
    const otherCardId = button(other, 'Check again').data.cardId as string;
    // A real Secure account confirmation, answered as asked, then pointed elsewhere.
    const secure = button(card, 'Secure account');
    const secureYes = button(((await post(teamsCardAction(connector.url, operator, chatOf(secure.data), secure))).body as { value: CardJson }).value, 'Yes, do it');
    const tampered: { verb: string; data: Record<string, unknown> }[] = [
      { verb: 'unlock.confirm', data: { ...secureYes.data, verifiedBy: 'calledBack', cardId: otherCardId } },
      { verb: 'unlock.confirm', data: { ...secureYes.data, verifiedBy: 'calledBack', itemId: 'someone-elses-rule' } },
      { verb: 'unlock.confirm', data: { ...secureYes.data, verifiedBy: 'calledBack', userId: users.globalAdmin.id } },
      { verb: 'unlock.confirm', data: { ...allow.data, userId: users.globalAdmin.id } },
      { verb: 'unlock.confirm', data: { ...allow.data, target: { id: users.globalAdmin.id } } },
      { verb: 'unlock.confirm', data: { ...allow.data, from: { aadObjectId: operator.id } } },
      { verb: 'unlock.confirm', data: { ...allow.data, cardId: otherCardId } },
      { verb: 'unlock.confirm', data: { ...allow.data, step: 'allowSignIn', cardId: otherCardId } },
      { verb: 'unlock.confirm', data: { ...allow.data, step: 'resetPassword', cardId: otherCardId } },
      { verb: 'unlock.confirm', data: { ...allow.data, step: 'removeInboxRule', itemId: 'someone-elses-rule' } },
      { verb: 'unlock.confirm', data: { ...allow.data, step: 'deleteUser' } },
      { verb: 'unlock.execute', data: allow.data },
      { verb: 'unlock.confirm', data: { ...allow.data, cardId: randomUUID() } },
      { verb: 'unlock.confirm', data: { ...allow.data, cardId: `${allow.data.cardId as string}' or 1 eq 1` } },
      { verb: 'unlock.chooseUser', data: { choiceId: otherCardId, index: 0 } },
      { verb: 'unlock.chooseUser', data: { choiceId: randomUUID(), index: 9 } },
    ];
    for (const action of tampered) {
      await post(teamsCardAction(connector.url, operator, chatOf(allow.data), action));
      // A forged `from` in the activity itself: the outsider claims to be the operator only inside the data.
      await post(teamsCardAction(connector.url, outsider, chatOf(allow.data), { verb: allow.verb === 'unlock.step' ? 'unlock.confirm' : allow.verb, data: { ...allow.data, asUser: operator.id } }));
    }
    expect(countWrites()).toBe(0);
    expect(findUser(simulator.tenant, users.everything.upn)?.user.accountEnabled).toBe(false);
  });
});

describe('a non-operator', () => {
  it('is refused for every action on every card, audited, with no write', async () => {
    // One after another: each card is read off the connector as the newest activity.
    const cards: CardJson[] = [];
    for (const upn of [users.everything.upn, users.smartLockout.upn, users.forwardingRule.upn]) cards.push(await findingsCard(upn));
    let tried = 0;
    for (const card of cards) {
      for (const action of cardButtons(card)) {
        if (action.verb !== 'unlock.step') continue;
        tried += 1;
        await post(teamsCardAction(connector.url, outsider, chatOf(action.data), action));
        await post(teamsCardAction(connector.url, outsider, chatOf(action.data), { verb: 'unlock.confirm', data: action.data }));
      }
    }
    expect(tried).toBeGreaterThanOrEqual(10);
    expect(countWrites()).toBe(0);
    const audit = await new StorageAuditLog(storage).forTarget(users.everything.id, 100);
    const refusals = audit.filter((record) => record.actor.aadObjectId === outsider.id);
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.filter((record) => !(record.outcome.kind === 'refused' && record.outcome.reason === 'notOperator')).map((record) => [record.step, record.outcome])).toEqual([]);
  });
});

describe('a non-operator and what a verifier sees', () => {
  it("sees no sign-in place, phone or manager of anyone: not by asking, not by clicking an operator's card", async () => {
    const card = await findingsCard(users.passwordSpray.upn);
    expect(cardText(card)).toMatch(/Verify the caller[\s\S]*São Paulo/);
    const answers: string[] = [];
    const recheck = button(card, 'Check again');
    for (const from of [outsider, users.namesake]) {
      answers.push(JSON.stringify((await post(teamsCardAction(connector.url, from, chatOf(recheck.data), recheck))).body));
      for (const text of [`check ${users.passwordSpray.upn}`, 'Sandra Vītola', "I can't sign in"]) {
        const before = connector.activities.length;
        await post(teamsMessage(connector.url, from, chat(), text));
        answers.push(JSON.stringify(connector.activities.slice(before)));
      }
    }
    // (The outsider's own name is in every answer, as its recipient: not a fact about anyone else.)
    for (const answer of answers) expect(answer).not.toMatch(/Verify the caller|São Paulo|192\.0\.2\.145|••••|Mobile phone|Manager/);
    expect(countWrites()).toBe(0);
  });
});

describe('a non-operator in the helpdesk channel', () => {
  it("is refused every operator action from the shared card, even with the buttons of an operator's own view: no write, no chat opened, no card edited", async () => {
    const thread = `thread-${randomUUID()}`;
    const before = connector.activities.length;
    await post(teamsChannelMessage(connector.url, operator, helpdeskChannel, thread, `unlock ${users.everything.upn}`));
    const posted = connector.activities.slice(before);
    const shared = (posted[0]?.activity.attachments as { content: CardJson }[] | undefined)?.[0]?.content;
    if (!shared) throw new Error('no shared card');
    const messageId = `sent-${connector.activities.indexOf(posted[0] as (typeof posted)[number]) + 1}`;
    const clickAs = (from: Person, action: { verb: string; data: Record<string, unknown> }, trigger?: 'automatic') =>
      teamsChannelCardAction(connector.url, from, helpdeskChannel, thread, action, { replyToId: messageId, ...(trigger ? { trigger } : {}) });
    const operatorsView = (await post(clickAs(operator, button(shared, 'Show actions')))).body as { value: CardJson };
    const steps = cardButtons(operatorsView.value).filter((action) => action.verb === 'unlock.step');
    expect(steps.length).toBeGreaterThanOrEqual(5);
    const stepTitles = steps.map((action) => action.title);

    const conversationsBefore = connector.conversations.length;
    const activitiesBefore = connector.activities.length;
    const answers: CardJson[] = [];
    // Show actions clicked, and Teams' refresh run for them: the read-only card, no step named.
    for (const trigger of [undefined, 'automatic'] as const) {
      answers.push(((await post(clickAs(outsider, button(shared, 'Show actions'), trigger))).body as { value: CardJson }).value);
    }
    for (const card of answers) {
      expect(cardButtons(card).map((action) => action.title)).toEqual(['Show actions']);
      expect((card as { refresh?: { userIds: string[] } }).refresh?.userIds).not.toContain(`29:${outsider.id}`);
    }
    // Every step of the operator's view, clicked and confirmed (with a verification answer) by the outsider.
    for (const action of steps) {
      for (const attempt of [action, { verb: 'unlock.confirm', data: { ...action.data, verifiedBy: 'calledBack' } }]) {
        const answer = ((await post(clickAs(outsider, attempt))).body as { value: CardJson }).value;
        expect(cardText(answer)).toMatch(/Only members of the helpdesk group/);
        expect(cardButtons(answer).map((button) => button.title).filter((title) => stepTitles.includes(title))).toEqual([]);
      }
    }
    expect(countWrites()).toBe(0);
    expect(connector.conversations.slice(conversationsBefore)).toEqual([]);
    expect(connector.activities.slice(activitiesBefore)).toEqual([]);
  });
});

describe('help requests', () => {
  it("refuse a non-operator's Take, Assign, Check account and Resolve, someone else's Withdraw, an assignee who is not an operator and a forged request id: no write, no card edited, no chat opened, nothing about any account shown", async () => {
    await post(teamsChannelMessage(connector.url, operator, helpdeskChannel, `thread-${randomUUID()}`, 'use this channel for help requests'));
    const askerChat = chat();
    const before = connector.activities.length;
    await post(teamsMessage(connector.url, outsider, askerChat, "I can't sign in"));
    const guidance = (connector.activities.slice(before)[0]?.activity.attachments as { content: CardJson }[] | undefined)?.[0]?.content as CardJson;
    const askAnswer = ((await post(teamsCardAction(connector.url, outsider, askerChat, button(guidance, 'Ask the helpdesk')))).body as { value: CardJson }).value;
    const posting = connector.activities.slice(before).find(({ path }) => decodeURIComponent(path).includes(`${helpdeskChannel.channelId}/activities`));
    const requestCard = (posting?.activity.attachments as { content: CardJson }[] | undefined)?.[0]?.content;
    if (!posting || !requestCard) throw new Error('no request card posted');
    const thread = `sent-${connector.activities.indexOf(posting) + 1}`;
    const inChannel = (from: Person, action: { verb: string; data: Record<string, unknown> }) => teamsChannelCardAction(connector.url, from, helpdeskChannel, thread, action);
    // The posted card is read-only for everyone: an operator's own view has the buttons whose data is forged below.
    const operatorsCard = ((await post(inChannel(operator, button(requestCard, 'Show actions')))).body as { value: CardJson }).value;
    const requestId = button(operatorsCard, 'Take').data.requestId as string;

    const activitiesBefore = connector.activities.length;
    const conversationsBefore = connector.conversations.length;
    const answers: string[] = [];
    const clicks: { verb: string; data: Record<string, unknown> }[] = [
      button(operatorsCard, 'Take'),
      button(operatorsCard, 'Assign to …'),
      { verb: 'unlock.assignRequest', data: { requestId, assigneeId: outsider.id } },
      { verb: 'unlock.assignRequest', data: { requestId, assigneeId: secondOperator.id } },
      button(operatorsCard, 'Check account'),
      button(operatorsCard, 'Resolve'),
      { verb: 'unlock.resolveRequest', data: { requestId, note: 'resolved by an outsider' } },
    ];
    for (const action of clicks) {
      const answer = ((await post(inChannel(users.signInBlocked, action))).body as { value: CardJson }).value;
      answers.push(cardText(answer));
    }
    // Someone else's Withdraw: from the channel, from the asker's own chat (a forged conversation) and from their own.
    answers.push(cardText(((await post(inChannel(users.signInBlocked, { verb: 'unlock.withdrawRequest', data: { requestId } }))).body as { value: CardJson }).value));
    for (const where of [askerChat, chat()]) {
      answers.push(cardText(((await post(teamsCardAction(connector.url, users.signInBlocked, where, button(askAnswer, 'Withdraw my request')))).body as { value: CardJson }).value));
    }
    // An operator assigning to someone who is not an operator (a forged choice), or to a request that does not exist.
    answers.push(cardText(((await post(inChannel(operator, { verb: 'unlock.assignRequest', data: { requestId, assigneeId: outsider.id } }))).body as { value: CardJson }).value));
    for (const verb of ['unlock.takeRequest', 'unlock.checkRequest', 'unlock.withdrawRequest']) {
      answers.push(cardText(((await post(inChannel(operator, { verb, data: { requestId: randomUUID() } }))).body as { value: CardJson }).value));
    }
    // Card data naming another target is not the card's: refused by the schema before anything is read.
    const forged = await post(inChannel(operator, { verb: 'unlock.checkRequest', data: { requestId, userId: users.globalAdmin.id } }));
    expect(forged.status).toBeLessThan(500);

    expect(answers.slice(0, clicks.length)).toEqual(clicks.map(() => 'Only members of the helpdesk group can do that with help requests.'));
    expect(answers.slice(clicks.length, clicks.length + 3)).toEqual([
      'Only the person who asked can withdraw a help request, in the chat they asked in. Nothing was changed.',
      'Only the person who asked can withdraw a help request, in the chat they asked in. Nothing was changed.',
      'Only the person who asked can withdraw a help request, in the chat they asked in. Nothing was changed.',
    ]);
    expect(answers[clicks.length + 3]).toMatch(/Status: open[\s\S]*Nothing changed: that person is not a member of the helpdesk group \(any more\)\./);
    expect(answers.slice(clicks.length + 4)).toEqual([
      expect.not.stringMatching(/Status:/),
      expect.not.stringMatching(/Status:/),
      'Only the person who asked can withdraw a help request, in the chat they asked in. Nothing was changed.',
    ]);
    expect(countWrites()).toBe(0);
    expect(connector.activities.slice(activitiesBefore)).toEqual([]);
    expect(connector.conversations.slice(conversationsBefore)).toEqual([]);
    expect(JSON.stringify(connector.activities.slice(activitiesBefore))).not.toContain(users.globalAdmin.displayName);
  });

  it("a non-operator's Show actions or Teams' refresh on a help-request card reveals no button, names them nowhere and changes nothing", async () => {
    await post(teamsChannelMessage(connector.url, operator, helpdeskChannel, `thread-${randomUUID()}`, 'use this channel for help requests'));
    const askerChat = chat();
    const before = connector.activities.length;
    await post(teamsMessage(connector.url, outsider, askerChat, "I can't sign in"));
    const guidance = (connector.activities.slice(before)[0]?.activity.attachments as { content: CardJson }[] | undefined)?.[0]?.content as CardJson;
    await post(teamsCardAction(connector.url, outsider, askerChat, button(guidance, 'Ask the helpdesk')));
    const posting = connector.activities.slice(before).find(({ path }) => decodeURIComponent(path).includes(`${helpdeskChannel.channelId}/activities`));
    const requestCard = (posting?.activity.attachments as { content: CardJson }[] | undefined)?.[0]?.content;
    if (!posting || !requestCard) throw new Error('no request card posted');
    const thread = `sent-${connector.activities.indexOf(posting) + 1}`;
    const showActions = button(requestCard, 'Show actions');
    const operatorOnly = ['Take', 'Assign to …', 'Check account', 'Resolve'];

    const activitiesBefore = connector.activities.length;
    const conversationsBefore = connector.conversations.length;
    const answers: CardJson[] = [];
    for (const trigger of [undefined, 'automatic'] as const) {
      const click = teamsChannelCardAction(connector.url, users.signInBlocked, helpdeskChannel, thread, showActions, trigger ? { trigger } : {});
      answers.push(((await post(click)).body as { value: CardJson }).value);
    }
    for (const answer of answers) {
      expect(cardText(answer)).toMatch(/Status: open/);
      expect(cardButtons(answer).map((action) => action.title)).not.toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^(${operatorOnly.join('|')})$`))]));
      expect(cardButtons(answer).map((action) => action.title)).toContain('Show actions');
      expect(JSON.stringify((answer as { refresh?: { userIds: string[] } }).refresh?.userIds ?? [])).not.toContain(users.signInBlocked.id);
    }
    expect(countWrites()).toBe(0);
    expect(connector.activities.slice(activitiesBefore)).toEqual([]);
    expect(connector.conversations.slice(conversationsBefore)).toEqual([]);
    // Still open, and the clicker is not among those the card refreshes for.
    const operatorsCard = ((await post(teamsChannelCardAction(connector.url, operator, helpdeskChannel, thread, showActions))).body as { value: CardJson }).value;
    expect(cardButtons(operatorsCard).map((action) => action.title)).toEqual(expect.arrayContaining(operatorOnly));
    expect(JSON.stringify((operatorsCard as { refresh?: { userIds: string[] } }).refresh?.userIds)).not.toContain(users.signInBlocked.id);
  });

  it("an end user's words about someone else are answered about their own account only", async () => {
    const before = connector.activities.length;
    simulator.resetLog();
    for (const sentence of [`${users.restrictedSender.upn} cannot send email`, 'Adele Vance mails bounce', `is ${users.smartLockout.upn} locked out?`]) {
      await post(teamsMessage(connector.url, outsider, chat(), sentence));
    }
    const shown = JSON.stringify(connector.activities.slice(before));
    expect(shown).not.toMatch(/Adele|adelev|Anna Bērziņa|anna\.berzina|stopped your account from sending|locked for now/);
    const named = simulator.requests.filter((request) => JSON.stringify(request).includes(users.restrictedSender.id) || JSON.stringify(request).includes(users.smartLockout.id));
    expect(named).toEqual([]);
    expect(countWrites()).toBe(0);
  });
});

describe('a protected target', () => {
  it('another operator and a Helpdesk Administrator are refused for every action, with no write', async () => {
    for (const [target, says] of [
      [users.secondOperator, /belongs to a helpdesk operator/],
      [users.helpdeskAdmin, /administrator role \(Helpdesk Administrator\)/],
    ] as const) {
      const card = await findingsCard(target.upn);
      expect(cardButtons(card).map((action) => action.title)).toEqual(['Check again']);
      // A card made before they became protected, offering every step: refused at the click all the same.
      const offers = new StorageRecordStore<CardOffer>(storage, 'offers');
      const healthyCard = await findingsCard(users.healthy.upn);
      const template = await offers.get(button(healthyCard, 'Check again').data.cardId as string);
      if (!template) throw new Error('no offer');
      const cardId = await offers.add({
        ...template,
        target: { id: target.id, userPrincipalName: target.upn, displayName: target.displayName, mail: target.upn },
        diagnosis: { ...template.diagnosis, userId: target.id, steps: [{ id: 'resetPassword' }, { id: 'revokeSessions' }] },
      });
      const where = chatOf(button(healthyCard, 'Check again').data);
      for (const step of ['resetPassword', 'revokeSessions']) {
        const { body } = await post(teamsCardAction(connector.url, operator, where, { verb: 'unlock.confirm', data: { cardId, step } }));
        expect(cardText((body as { value: CardJson }).value)).toMatch(says);
      }
    }
    expect(countWrites()).toBe(0);
  });
});

describe('a privileged target', () => {
  it('is refused for every action, even from a card that offered them all', async () => {
    for (const admin of [users.globalAdmin, users.exchangeAdmin, users.eligibleAdmin]) {
      // A card made before the user became an administrator: every step on offer.
      const offers = new StorageRecordStore<CardOffer>(storage, 'offers');
      const healthyCard = await findingsCard(users.healthy.upn);
      const template = await offers.get(button(healthyCard, 'Check again').data.cardId as string);
      if (!template) throw new Error('no offer');
      const cardId = await offers.add({
        ...template,
        target: { id: admin.id, userPrincipalName: admin.upn, displayName: admin.displayName, mail: admin.upn },
        diagnosis: { ...template.diagnosis, userId: admin.id, steps: STEP_IDS.map((id) => (id === 'removeInboxRule' ? { id, itemId: 'r1' } : { id })) },
      });
      const where = chatOf(button(healthyCard, 'Check again').data);
      for (const id of STEP_IDS) {
        const data = id === 'removeInboxRule' ? { cardId, step: id, itemId: 'r1' } : { cardId, step: id };
        const { body } = await post(teamsCardAction(connector.url, operator, where, { verb: 'unlock.confirm', data }));
        expect(cardText((body as { value: CardJson }).value)).toMatch(/administrator role/);
      }
    }
    expect(countWrites()).toBe(0);
  });
});

describe('concurrent clicks', () => {
  it('50 concurrent double-clicks of one action, on two instances by two operators, make exactly one write', async () => {
    const card = await findingsCard(users.signInBlocked.upn);
    const { body } = await post(teamsCardAction(connector.url, operator, chatOf(button(card, 'Allow sign-in').data), button(card, 'Allow sign-in')));
    const confirm = button((body as { value: CardJson }).value, 'Yes, do it');
    simulator.resetLog();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        post(teamsCardAction(connector.url, i % 3 === 0 ? secondOperator : operator, chatOf(confirm.data), confirm), i % 2),
      ),
    );
    const texts = answers.map(({ body: answer }) => cardText((answer as { value: CardJson }).value));
    expect(writes()).toEqual([`PATCH /v1.0/users/${users.signInBlocked.id}`]);
    countIntendedWrites();
    expect(texts.filter((text) => /Allow sign-in: done/.test(text))).toHaveLength(1);
    expect(texts.every((text) => /done|was done on this account by|You did|not needed any more|confirmation was used already/.test(text))).toBe(true);
  });
});

describe('Graph throttling storms and outages', () => {
  it('a write throttled past its retries is reported as failed, never as done, and can be tried again', async () => {
    const card = await findingsCard(users.healthy.upn);
    const { body } = await post(teamsCardAction(connector.url, operator, chatOf(button(card, 'Revoke sessions').data), button(card, 'Revoke sessions')));
    const confirm = button((body as { value: CardJson }).value, 'Yes, do it');
    const sessionsFrom = (): string | undefined => findUser(simulator.tenant, users.healthy.upn)?.user.signInSessionsValidFromDateTime;
    const before = sessionsFrom();
    simulator.addFault({ method: 'POST', path: `/users/${users.healthy.id}/revokeSignInSessions`, status: 429, retryAfterSeconds: 1 });
    const first = await post(teamsCardAction(connector.url, operator, chatOf(confirm.data), confirm));
    const firstText = cardText((first.body as { value: CardJson }).value);
    expect(firstText).toMatch(/Revoke sessions failed/);
    expect(firstText).not.toMatch(/: done/);
    expect(sessionsFrom()).toBe(before);
    simulator.clearFaults();
    const retry = await post(teamsCardAction(connector.url, operator, chatOf(confirm.data), confirm));
    expect(cardText((retry.body as { value: CardJson }).value)).toMatch(/Revoke sessions: done/);
    expect(sessionsFrom()).not.toBe(before);
    countIntendedWrites();
  });

  it('a 503 storm on every read gives a clear message and changes nothing', async () => {
    simulator.addFault({ path: '/v1.0/', status: 503, retryAfterSeconds: 1 });
    simulator.addFault({ path: '/InvokeCommand', status: 503, retryAfterSeconds: 1 });
    const before = connector.activities.length;
    await post(teamsMessage(connector.url, operator, chat(), `unlock ${users.smartLockout.upn}`));
    const said = JSON.stringify(connector.activities.slice(before));
    expect(said).toMatch(/did not answer properly|could not check|could not reach/i);
    expect(countWrites()).toBe(0);
  });

  it('a 429 storm on the account read leaves every check marked "could not check", not "nothing wrong"', async () => {
    simulator.addFault({ path: '/v1.0/$batch', status: 429, retryAfterSeconds: 1 });
    const before = connector.activities.length;
    await post(teamsMessage(connector.url, operator, chat(), `unlock ${users.smartLockout.upn}`));
    const said = JSON.stringify(connector.activities.slice(before));
    expect(said).not.toMatch(/No problem found/);
    expect(said).toMatch(/slow down|could not check|could not reach/i);
    expect(countWrites()).toBe(0);
  });
});

describe('a confirmation asked in Teams', () => {
  it('is answered only by the person asked, in their 1:1 chat, once, in time: someone else, another conversation, a replay, a late or forged answer change nothing', async () => {
    const target = users.apostrophe;
    // Unlock is already installed for the target, so asking makes no Graph write at all.
    installTeamsApp(simulator.tenant, target.id);
    const operatorChat = chat();
    const before = connector.activities.length;
    await post(teamsMessage(connector.url, secondOperator, operatorChat, `unlock ${target.upn}`));
    const card = connector.activities.slice(before).flatMap(({ activity }) => (activity.attachments as { content: CardJson }[] | undefined) ?? [])[0]?.content as CardJson;
    const open = await post(teamsCardAction(connector.url, secondOperator, operatorChat, button(card, 'Reset password')));
    const confirm = (open.body as { value: CardJson }).value;
    const yes = button(confirm, 'Yes, do it');
    const askedAt = connector.activities.length;
    const asked = await post(teamsCardAction(connector.url, secondOperator, operatorChat, { verb: yes.verb, data: { ...yes.data, verifiedBy: 'userInTeams' } }));
    expect(cardText((asked.body as { value: CardJson }).value)).toMatch(/I asked .* in Teams to confirm/);
    const question = connector.activities.slice(askedAt).find(({ path }) => decodeURIComponent(path).includes(personalChatId(target.id)));
    const questionCard = ((question?.activity.attachments as { content: CardJson }[] | undefined) ?? [])[0]?.content as CardJson;
    const promptId = String(button(questionCard, 'Yes').data.promptId);
    const answer = (from: Person, conversation: TeamsConversation, id = promptId, instance = 0) =>
      post(teamsCardAction(connector.url, from, conversation, { verb: 'unlock.answerConfirmation', data: { promptId: id, answer: 'yes' } }), instance);
    const stateOf = async (id = promptId) => ((await storage.read([`teamsConfirmations/${id}`]))[`teamsConfirmations/${id}`] as { value?: { state: string } } | undefined)?.value?.state;
    const groupChat: TeamsConversation = { id: `19:${randomUUID()}@thread.v2`, type: 'groupChat' };

    const refusals = [
      // Someone else's Yes: another user, the operator who asked, and another operator, each in their own 1:1 chat.
      await answer(outsider, chat()),
      await answer(secondOperator, operatorChat),
      await answer(operator, chat(), promptId, 1),
      // The right person, in another conversation: a group chat, and a channel.
      await answer(target, groupChat),
      await post(teamsChannelCardAction(connector.url, target, { teamId: '19:team-sales@thread.tacv2', channelId: '19:sales-general@thread.tacv2' }, 'thread-teams', { verb: 'unlock.answerConfirmation', data: { promptId, answer: 'yes' } })),
      // A forged question id, and a malformed one.
      await answer(target, chat(), randomUUID()),
      await answer(target, chat(), 'not-a-question'),
    ];
    for (const refused of refusals) {
      expect(refused.status).toBeLessThan(500);
      expect(JSON.stringify(refused.body)).not.toMatch(/Thank you\. The helpdesk can go on/);
    }
    expect(await stateOf()).toBe('pending');

    // A Yes after the question expired (its stored expiry moved into the past): nothing.
    const key = `teamsConfirmations/${promptId}`;
    const stored = (await storage.read([key]))[key] as { value: Record<string, unknown> };
    const expiresAt = stored.value.expiresAt;
    await storage.write({ [key]: { value: { ...stored.value, expiresAt: new Date(Date.now() - 1000).toISOString() } } });
    expect(cardText(((await answer(target, chat())).body as { value: CardJson }).value)).toMatch(/expired or was answered already/);
    expect(await stateOf()).toBe('pending');
    await storage.write({ [key]: { value: { ...stored.value, expiresAt } } });

    // Before any Yes, the operator's own Yes (even claiming the method) only says it asked: the open
    // question is not sent again, so clicking cannot flood the person with prompts.
    const questionsBefore = connector.activities.filter(({ path }) => decodeURIComponent(path).includes(personalChatId(target.id))).length;
    const again = await post(teamsCardAction(connector.url, secondOperator, operatorChat, { verb: yes.verb, data: { ...yes.data, verifiedBy: 'userInTeams' } }));
    expect(cardText((again.body as { value: CardJson }).value)).toMatch(/I asked .* in Teams to confirm/);
    expect(connector.activities.filter(({ path }) => decodeURIComponent(path).includes(personalChatId(target.id)))).toHaveLength(questionsBefore);
    expect(countWrites()).toBe(0);

    // The person asked says Yes once (on the other instance); the same Yes replayed does nothing.
    expect(cardText(((await answer(target, chat(), promptId, 1)).body as { value: CardJson }).value)).toBe('Thank you. The helpdesk can go on.');
    expect(cardText(((await answer(target, chat())).body as { value: CardJson }).value)).toMatch(/expired or was answered already/);
    expect(await stateOf()).toBe('confirmed');
    // Another operator's Yes on their own card is not allowed by it: it asks again, nothing is written.
    const otherChat = chat();
    const otherBefore = connector.activities.length;
    await post(teamsMessage(connector.url, operator, otherChat, `unlock ${target.upn}`));
    const otherCard = connector.activities.slice(otherBefore).flatMap(({ activity }) => (activity.attachments as { content: CardJson }[] | undefined) ?? [])[0]?.content as CardJson;
    const otherConfirm = ((await post(teamsCardAction(connector.url, operator, otherChat, button(otherCard, 'Reset password')))).body as { value: CardJson }).value;
    const otherYes = button(otherConfirm, 'Yes, do it');
    const other = await post(teamsCardAction(connector.url, operator, otherChat, { verb: otherYes.verb, data: { ...otherYes.data, verifiedBy: 'userInTeams' } }));
    expect(cardText((other.body as { value: CardJson }).value)).toMatch(/I asked .* in Teams to confirm/);
    expect(countWrites()).toBe(0);
  });
});

describe('the temporary password', () => {
  it('appears in no channel activity, log line, stored state or audit record', async () => {
    const card = await findingsCard(users.failedSignIns.upn);
    const { body } = await post(teamsCardAction(connector.url, operator, chatOf(button(card, 'Reset password').data), button(card, 'Reset password')));
    const shown = await clickOn(operator, (body as { value: CardJson }).value, 'Yes, do it');
    expect(shown).toContain(PASSWORD);
    countIntendedWrites();
    const places: Record<string, string> = {
      'channel activities': JSON.stringify(connector.activities),
      'log lines': logLines.join('\n'),
      'stored state and audit records': JSON.stringify(storage),
      'simulator request log': JSON.stringify(simulator.requests),
    };
    for (const [place, content] of Object.entries(places)) {
      tally.casesTried += 1;
      expect({ place, leaked: content.includes(PASSWORD) }).toEqual({ place, leaked: false });
    }
    const audit = await new StorageAuditLog(storage).forTarget(users.failedSignIns.id, 10);
    expect(audit.map((record) => record.outcome.kind)).toEqual(['succeeded', 'attempted']);
  });
});
