/**
 * Stopping the impostor over HTTP, as Teams talks to the bot: limits on writes (refused, audited, and
 * an alert card posted to the alert channel), the alert channel chosen by operators only, and the
 * user's (or manager's) own confirmation in Teams, asked with a proactive 1:1 message captured at the
 * stand-in Bot Connector.
 */
import { randomUUID } from 'node:crypto';
import { StorageAuditLog } from '../../src/adapters/audit/storageAuditLog';
import { startUnlock, type UnlockApp } from '../../src/host/app';
import { loadConfig } from '../../src/host/config';
import { SEEDED } from '../../src/simulator/seeded';
import { button, buttonTitles, cardText, UNFILLED_PLACEHOLDER, type CardJson, type Person } from '../support/botHarness';
import { startCaptureConnector, type CaptureConnector, type CapturedActivity } from '../support/connector';
import { teamsCardAction, teamsChannelMessage, teamsMessage, type TeamsChannel, type TeamsConversation } from '../support/teamsActivity';
import { FAST_RETRY, tenantWrites } from '../support/tenant';

const users = SEEDED.users;
const operator: Person = users.operator;
const secondOperator: Person = users.secondOperator;
const endUser: Person = users.healthy;
const alertChannel: TeamsChannel = { teamId: '19:team-it@thread.tacv2', channelId: '19:helpdesk-alerts@thread.tacv2' };

let app: UnlockApp;
let connector: CaptureConnector;

beforeAll(async () => {
  connector = await startCaptureConnector();
  app = await startUnlock(
    loadConfig({ PORT: '0', PLAYGROUND: 'off', LOG_LEVEL: 'silent', LIMIT_ALLOW_SIGN_IN_PER_OPERATOR: '1/15m', LIMIT_RESET_PASSWORD_PER_OPERATOR: '2/15m' }),
    { retry: FAST_RETRY, generatePassword: () => 'Tmp#Pass-1234-word' },
  );
});

afterAll(async () => {
  await app.stop();
  await connector.stop();
});

afterEach(() => {
  expect(connector.unfilled).toEqual([]);
});

function personalChat(): TeamsConversation {
  return { id: `a:${randomUUID()}`, type: 'personal' };
}

function writes(): string[] {
  return tenantWrites(app.simulator as never);
}

async function post(activity: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await response.text();
  expect(text).not.toMatch(UNFILLED_PLACEHOLDER);
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** Posts an activity and answers what reached the connector meanwhile. */
async function sent(activity: unknown): Promise<{ body: unknown; captured: CapturedActivity[] }> {
  const before = connector.activities.length;
  const { status, body } = await post(activity);
  expect(status).toBe(200);
  return { body, captured: connector.activities.slice(before) };
}

function cardsIn(captured: readonly CapturedActivity[]): CardJson[] {
  return captured.flatMap(({ activity }) => ((activity.attachments as { content: CardJson }[] | undefined) ?? []).map((attachment) => attachment.content));
}

function invokeAnswer(body: unknown): CardJson {
  return (body as { value: CardJson }).value;
}

async function say(from: Person, chat: TeamsConversation, text: string): Promise<CardJson[]> {
  return cardsIn((await sent(teamsMessage(connector.url, from, chat, text))).captured);
}

async function click(from: Person, chat: TeamsConversation, card: CardJson, title: string, extra: Record<string, unknown> = {}): Promise<CardJson> {
  const { verb, data } = button(card, title);
  return invokeAnswer((await sent(teamsCardAction(connector.url, from, chat, { verb, data: { ...data, ...extra } }))).body);
}

function route(captured: CapturedActivity): string {
  return decodeURIComponent(captured.path);
}

function auditOf(userId: string) {
  return new StorageAuditLog(app.storage).forTarget(userId, 20);
}

describe('the alert channel', () => {
  it('is chosen by an operator saying so in a channel (English or Latvian); anyone else is refused and nothing is stored', async () => {
    const { captured: refused } = await sent(teamsChannelMessage(connector.url, endUser, alertChannel, 'thread-1', 'use this channel for alerts'));
    expect(refused.map(({ activity }) => activity.text)).toEqual(['Only members of the helpdesk group can choose where alerts go.']);
    expect(await app.storage.read(['alerts/channel'])).toEqual({});

    const { captured: inChat } = await sent(teamsMessage(connector.url, operator, personalChat(), 'use this channel for alerts'));
    expect(inChat.map(({ activity }) => activity.text)).toEqual(['Say this in the channel where alerts should go, mentioning me there.']);

    const { captured: latvian } = await sent(
      teamsChannelMessage(connector.url, secondOperator, alertChannel, 'thread-2', 'izmanto šo kanālu brīdinājumiem', { locale: 'lv-LV' }),
    );
    expect(latvian.map(({ activity }) => activity.text)).toEqual([expect.stringMatching(/^Turpmāk Unlock brīdinājumi tiks publicēti šajā kanālā/)]);

    const { captured: set } = await sent(teamsChannelMessage(connector.url, operator, alertChannel, 'thread-3', 'use this channel for alerts'));
    expect(set.map(({ activity }) => activity.text)).toEqual([expect.stringMatching(/^From now on, Unlock posts its alerts here/)]);
    expect(await app.storage.read(['alerts/channel'])).toMatchObject({ 'alerts/channel': { value: { address: { conversationId: alertChannel.channelId }, setBy: { aadObjectId: operator.id } } } });
  });
});

describe('limits on writes', () => {
  it('past the per-operator limit the write is refused at the Yes, audited, and an alert card names who, what and how often', async () => {
    const chat = personalChat();
    // A confirmation opened while the operator was still under the limit: the count is checked again
    // at its Yes, where it decides.
    const [third] = await say(operator, chat, `unlock ${users.signInBlocked.upn}`);
    const confirm = await click(operator, chat, third as CardJson, 'Reset password');
    expect(cardText(confirm)).toMatch(/I called them back on a number from the directory/);
    // LIMIT_RESET_PASSWORD_PER_OPERATOR=2/15m: two resets go through.
    for (const person of [users.healthy, users.smartLockout]) {
      const [card] = await say(operator, chat, `unlock ${person.upn}`);
      const open = await click(operator, chat, card as CardJson, 'Reset password');
      const done = await click(operator, chat, open, 'Yes, do it', { verifiedBy: 'calledBack' });
      expect(cardText(done)).toMatch(/Temporary password for/);
    }
    app.simulator?.resetLog();
    const before = connector.activities.length;
    const refused = await click(operator, chat, confirm, 'Yes, do it', { verifiedBy: 'calledBack' });
    expect(cardText(refused)).toMatch(
      /Reset password: you have reached the limit of 2 per operator in 15 minutes\. Nothing was changed, and the helpdesk has been alerted\. The next one is possible from /,
    );
    expect(writes()).toEqual([]);

    const posted = connector.activities.slice(before);
    expect(posted.map(route)).toEqual([expect.stringMatching(new RegExp(`^/v3/conversations/${escape(alertChannel.channelId)}/activities`))]);
    const alert = cardText(cardsIn(posted)[0] as CardJson);
    expect(alert).toMatch(/^Alert: limit reached for Reset password/);
    expect(alert).toMatch(/Alex Wilber tried to do it for Līga Kalniņa \(.*\) at .*: that would have been number 3 by Alex Wilber in 15 minutes, and the limit per operator is 2\. It was refused\./);
    expect(alert).not.toContain('Tmp#Pass-1234-word');

    const [latest] = await auditOf(users.signInBlocked.id);
    expect(latest).toMatchObject({ step: 'resetPassword', actor: { aadObjectId: operator.id }, outcome: { kind: 'refused', reason: 'limitReached' }, verifiedBy: 'calledBack' });
  });

  it('once the limit is reached, the first click already says so (no caller is verified for nothing), and it is audited', async () => {
    const chat = personalChat();
    const [card] = await say(operator, chat, `unlock ${users.restrictedSender.upn}`);
    app.simulator?.resetLog();
    const refused = await click(operator, chat, card as CardJson, 'Reset password');
    expect(cardText(refused)).toMatch(/you have reached the limit of 2 per operator in 15 minutes/);
    expect(buttonTitles(refused)).toContain('Reset password');
    expect(writes()).toEqual([]);
    const [latest] = await auditOf(users.restrictedSender.id);
    expect(latest).toMatchObject({ step: 'resetPassword', outcome: { kind: 'refused', reason: 'limitReached' } });
    // Another operator has a count of their own.
    const [other] = await say(secondOperator, chat, `unlock ${users.restrictedSender.upn}`);
    expect(cardText(await click(secondOperator, chat, other as CardJson, 'Reset password'))).toMatch(/I called them back on a number from the directory/);
  });
});

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
