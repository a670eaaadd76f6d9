/**
 * Issue 10's HTTP cases about time and standing, against the real server and the simulated tenant,
 * with the host's clock moved on by the test: someone taken out of the helpdesk group loses their
 * open question and their open cards as soon as the cached answer runs out (2 minutes); a "Yes"
 * replayed after the step's two-minute hold changes nothing; a Web Chat activity is not served.
 */
import { startUnlock, type UnlockApp } from '../../src/host/app';
import { loadConfig } from '../../src/host/config';
import { OPERATOR_CACHE_SECONDS } from '../../src/adapters/graph/operatorDirectory';
import { SEEDED } from '../../src/simulator/seeded';
import { button, cardText, type CardJson, type Person } from '../support/botHarness';
import { startCaptureConnector, type CaptureConnector } from '../support/connector';
import { teamsCardAction, teamsMessage, type TeamsConversation } from '../support/teamsActivity';
import { FAST_RETRY, tenantWrites } from '../support/tenant';
import { personalChat, postActivity } from '../support/http';

const users = SEEDED.users;
const operator: Person = users.operator;

let app: UnlockApp;
let connector: CaptureConnector;
let clockOffsetMs = 0;

beforeAll(async () => {
  connector = await startCaptureConnector();
  app = await startUnlock(loadConfig({ PORT: '0', PLAYGROUND: 'off', LOG_LEVEL: 'silent' }), {
    retry: FAST_RETRY,
    now: () => new Date(Date.now() + clockOffsetMs),
  });
});

afterAll(async () => {
  await app.stop();
  await connector.stop();
});

const post = (activity: unknown): Promise<{ status: number; body: unknown }> => postActivity(app.url, activity);

/** What the bot sent back to the conversation for a message: texts and cards' texts. */
async function say(from: Person, conversation: TeamsConversation, text: string): Promise<{ texts: string[]; cards: CardJson[] }> {
  const before = connector.activities.length;
  expect((await post(teamsMessage(connector.url, from, conversation, text))).status).toBe(200);
  const activities = connector.activities.slice(before).map(({ activity }) => activity);
  const cards = activities.flatMap((activity) => ((activity.attachments as { content: CardJson }[] | undefined) ?? []).map((attachment) => attachment.content));
  return { texts: [...activities.map((activity) => String(activity.text ?? '')), ...cards.map(cardText)], cards };
}

async function clickOn(from: Person, conversation: TeamsConversation, card: CardJson, title: string, data: Record<string, unknown> = {}): Promise<CardJson> {
  const pressed = button(card, title);
  const { status, body } = await post(teamsCardAction(connector.url, from, conversation, { ...pressed, data: { ...pressed.data, ...data } }));
  expect(status).toBe(200);
  return (body as { value: CardJson }).value;
}

function helpdeskGroupMembers(): string[] {
  const group = app.simulator?.tenant.groups.find((candidate) => candidate.id === SEEDED.helpdeskGroup.id);
  if (!group) throw new Error('the seeded helpdesk group is missing');
  return group.memberIds;
}

const writes = (): string[] => (app.simulator ? tenantWrites(app.simulator) : []);

it('someone taken out of the helpdesk group loses their open question and their open card once the cached answer runs out', async () => {
  const chat = personalChat();
  const { cards } = await say(operator, chat, `unlock ${users.signInBlocked.upn}`);
  const findings = cards[0] as CardJson;
  expect(cardText(findings)).toMatch(/Sign-in is blocked/);
  const asked = await say(operator, chat, 'unlock');
  expect(asked.texts.join('\n')).toMatch(/Which user is locked out\?/);

  const members = helpdeskGroupMembers();
  const before = [...members];
  members.splice(members.indexOf(operator.id), 1);
  clockOffsetMs += (OPERATOR_CACHE_SECONDS + 1) * 1000;
  app.simulator?.resetLog();
  try {
    // The question the bot asked before: the answer is re-checked, and refused.
    const answered = await say(operator, chat, users.signInBlocked.upn);
    expect(answered.texts.join('\n')).toMatch(/Only members of the helpdesk group/);
    expect(answered.texts.join('\n')).not.toMatch(/Sign-in is blocked/);
    // The card shown before: its step is refused, with nothing written.
    const clicked = await clickOn(operator, chat, findings, 'Allow sign-in');
    expect(cardText(clicked)).toMatch(/Only members of the helpdesk group/);
    expect(writes()).toEqual([]);
  } finally {
    members.splice(0, members.length, ...before);
    clockOffsetMs += (OPERATOR_CACHE_SECONDS + 1) * 1000;
  }
});

it('a "Yes" replayed after the step\'s two-minute hold changes nothing, and neither does one from another chat', async () => {
  const chat = personalChat();
  const { cards } = await say(operator, chat, `unlock ${users.signInBlocked.upn}`);
  const confirm = await clickOn(operator, chat, cards[0] as CardJson, 'Allow sign-in');
  app.simulator?.resetLog();
  const done = await clickOn(operator, chat, confirm, 'Yes, do it');
  expect(cardText(done)).toMatch(/Allow sign-in: done/);
  expect(writes()).toEqual([`PATCH /v1.0/users/${users.signInBlocked.id}`]);

  // Sign-in blocked again by someone else, so the step would be needed once more.
  const target = app.simulator?.tenant.users.find((user) => user.id === users.signInBlocked.id);
  if (!target) throw new Error('the seeded user is missing');
  target.accountEnabled = false;
  clockOffsetMs += 3 * 60 * 1000;
  app.simulator?.resetLog();

  const replayed = await clickOn(operator, chat, confirm, 'Yes, do it');
  expect(cardText(replayed)).not.toMatch(/Allow sign-in: done/);
  const fromElsewhere = await clickOn(operator, personalChat(), confirm, 'Yes, do it');
  expect(cardText(fromElsewhere)).not.toMatch(/Allow sign-in: done/);
  expect(writes()).toEqual([]);
  target.accountEnabled = true;
});

it('does not serve a Web Chat activity: no answer, no Graph call', async () => {
  app.simulator?.resetLog();
  const before = connector.activities.length;
  const activity = { ...teamsMessage(connector.url, operator, personalChat(), `unlock ${users.signInBlocked.upn}`), channelId: 'webchat' };
  const { status } = await post(activity);
  expect(status).toBeLessThan(500);
  expect(connector.activities.length).toBe(before);
  expect(app.simulator?.requests.length ?? 0).toBe(0);
});
